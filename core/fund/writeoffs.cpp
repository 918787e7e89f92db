#include "core/fund/writeoffs.hpp"

#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/fund/fund_checks.hpp"
#include "core/fund/title_price.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdio>

namespace kitap::core {
namespace {

// One line of an act before it is written.
struct PlannedRow {
    TitleRecord title;
    std::optional<RowId> copy_id;
    int quantity = 1;
};

struct ActRef {
    RowId id = 0;
    std::string number;
    bool created = false;
};

constexpr const char* act_summary_sql = R"(
    SELECT a.number, a.act_date, a.reason, count(r.id), coalesce(sum(r.quantity), 0),
           coalesce(sum(r.quantity * r.price_tiyn), 0)
    FROM writeoff_act a LEFT JOIN writeoff_row r ON r.act_id = a.id
    WHERE ?1 IS NULL OR a.id = ?1
    GROUP BY a.id ORDER BY a.act_date, a.number)";

ActSummary read_act_summary(SQLite::Statement& query) {
    return ActSummary{query.getColumn(0).getString(),
                      query.getColumn(1).getString(),
                      writeoff_reason_from(query.getColumn(2).getString()).value_or(WriteoffReason::worn),
                      query.getColumn(3).getInt(),
                      query.getColumn(4).getInt(),
                      query.getColumn(5).getInt64()};
}

ActSummary act_summary(SQLite::Database& db, RowId act_id) {
    SQLite::Statement query(db, act_summary_sql);
    rebind(query, act_id).executeStep();
    return read_act_summary(query);
}

Checked<std::vector<PlannedRow>> title_level_rows(LibraryStore& store, const WriteoffRequest& request) {
    auto title = catalogued_title(store, request.isbn);
    if (!title) return tl::unexpected(title.error());
    const int on_loan = store.title_quantity_on_loan(title->id);
    const int free = title->stock - on_loan;
    if (request.count > free)
        return refused_by_rule("fund.error.not_enough_free", {{"isbn", *title->isbn},
                                                              {"title", title->title},
                                                              {"count", std::to_string(request.count)},
                                                              {"stock", std::to_string(title->stock)},
                                                              {"on_loan", std::to_string(on_loan)},
                                                              {"free", std::to_string(free)}});
    return std::vector<PlannedRow>{{*title, std::nullopt, request.count}};
}

Checked<PlannedRow> copy_row(LibraryStore& store, const std::string& barcode) {
    auto copy = store.copy_by_barcode(barcode);
    if (!copy) return bad_input("fund.error.unknown_copy", {{"code", barcode}});
    if (copy->status == CopyStatus::written_off)
        return refused_by_rule("fund.error.already_written_off", {{"code", barcode}, {"title", copy->title.title}});
    if (auto loan = store.open_loan_of_copy(copy->id))
        return refused_by_rule("fund.error.copy_on_loan",
                               {{"code", barcode}, {"title", copy->title.title}, {"card", loan->reader_card}});
    return PlannedRow{copy->title, copy->id, 1};
}

Checked<std::vector<PlannedRow>> copy_rows(LibraryStore& store, const std::vector<std::string>& barcodes) {
    std::vector<PlannedRow> rows;
    for (const auto& barcode : barcodes) {
        auto row = copy_row(store, barcode);
        if (!row) return tl::unexpected(row.error());
        rows.push_back(std::move(*row));
    }
    return rows;
}

Checked<std::vector<PlannedRow>> planned_rows(LibraryStore& store, const WriteoffRequest& request) {
    if (auto problem = count_or_copies_problem(request.count, request.barcodes)) return tl::unexpected(*problem);
    return request.count > 0 ? title_level_rows(store, request) : copy_rows(store, request.barcodes);
}

// "2024-007": the next number of the act's calendar year.
std::string next_act_number(SQLite::Database& db, Date today) {
    const std::string year = std::to_string(static_cast<int>(today.year()));
    SQLite::Statement query(db, R"(
        SELECT coalesce(max(CAST(substr(number, 6) AS INTEGER)), 0) FROM writeoff_act WHERE number GLOB ? || '-[0-9]*')");
    rebind(query, year).executeStep();
    char number[32];
    std::snprintf(number, sizeof number, "%s-%03d", year.c_str(), query.getColumn(0).getInt() + 1);
    return number;
}

ActRef create_act(SQLite::Database& db, LibraryStore& store, const std::string& number, WriteoffReason reason,
                  const ActionStamp& by) {
    SQLite::Statement insert(db, "INSERT INTO writeoff_act (number, act_date, reason) VALUES (?, ?, ?)");
    rebind(insert, number, iso_date(local_date(by.at)), std::string(to_string(reason))).exec();
    const RowId id = db.getLastInsertRowid();
    store.log_event(stamped(by, {.action = "writeoff_act", .detail = number + " " + std::string(to_string(reason))}));
    return ActRef{id, number, true};
}

// The act the request names (refused when its reason differs), else a new one.
Checked<ActRef> act_for(SQLite::Database& db, LibraryStore& store, const WriteoffRequest& request,
                        const ActionStamp& by) {
    if (!request.act) return create_act(db, store, next_act_number(db, local_date(by.at)), request.reason, by);
    SQLite::Statement existing(db, "SELECT id, reason FROM writeoff_act WHERE number = ?");
    if (!rebind(existing, *request.act).executeStep()) return create_act(db, store, *request.act, request.reason, by);
    const std::string reason = existing.getColumn(1).getString();
    if (reason != to_string(request.reason))
        return bad_input(
            "fund.error.act_reason",
            {{"act", *request.act}, {"act_reason", reason}, {"reason", std::string(to_string(request.reason))}});
    return ActRef{existing.getColumn(0).getInt64(), *request.act, false};
}

// Writes the rows onto the act; returns the sum they add.
std::int64_t write_rows(SQLite::Database& db, LibraryStore& store, const ActRef& act,
                        const std::vector<PlannedRow>& rows, WriteoffReason reason, const ActionStamp& by) {
    SQLite::Statement insert(db, std::string(R"(
        INSERT INTO writeoff_row (act_id, title_id, copy_id, quantity, price_tiyn)
        SELECT ?1, t.id, ?2, ?3, )") +
                                     title_price_sql + R"( FROM title t WHERE t.id = ?4
        RETURNING quantity * price_tiyn)");
    SQLite::Statement mark_copy(db, "UPDATE copy SET status = 'written_off' WHERE id = ?");
    SQLite::Statement reduce_stock(db, "UPDATE title SET stock = stock - ? WHERE id = ?");
    std::int64_t sum = 0;
    for (const auto& row : rows) {
        rebind(insert, act.id, row.copy_id, row.quantity, row.title.id).executeStep();
        sum += insert.getColumn(0).getInt64();
        insert.reset();
        if (row.copy_id)
            rebind(mark_copy, *row.copy_id).exec();
        else
            rebind(reduce_stock, row.quantity, row.title.id).exec();
        store.log_event(stamped(by, {.action = "writeoff",
                                     .title_id = row.title.id,
                                     .copy_id = row.copy_id,
                                     .quantity = row.quantity,
                                     .detail = act.number + " " + std::string(to_string(reason))}));
    }
    return sum;
}

int copies_in(const std::vector<PlannedRow>& rows) {
    int copies = 0;
    for (const auto& row : rows) copies += row.quantity;
    return copies;
}

}  // namespace

constexpr auto writeoff_reason_names = enum_names<WriteoffReason>({
    {WriteoffReason::worn, "worn"},
    {WriteoffReason::curriculum, "curriculum"},
    {WriteoffReason::lost, "lost"},
    {WriteoffReason::damaged, "damaged"},
    {WriteoffReason::transfer, "transfer"},
});

std::string_view to_string(WriteoffReason reason) { return writeoff_reason_names.name_of(reason); }

std::optional<WriteoffReason> writeoff_reason_from(std::string_view name) {
    return writeoff_reason_names.value_of(name);
}

Checked<WriteoffDone> write_off(SQLite::Database& db, Holds& holds, const WriteoffRequest& request,
                                const ActionStamp& by) {
    WriteTransaction transaction(db);
    LibraryStore store(db);
    const auto rows = planned_rows(store, request);
    if (!rows) return tl::unexpected(rows.error());
    const auto act = act_for(db, store, request, by);
    if (!act) return tl::unexpected(act.error());
    const std::int64_t sum = write_rows(db, store, *act, *rows, request.reason, by);
    for (const auto& row : *rows)
        if (const auto kept = row.copy_id ? holds.kept_copy(*row.copy_id) : std::nullopt)
            holds.requeue(*kept, by.at, by.station);
    auto summary = act_summary(db, act->id);
    transaction.commit();
    return WriteoffDone{std::move(summary), act->created, copies_in(*rows), sum};
}

std::vector<ActSummary> writeoff_acts(SQLite::Database& db) {
    SQLite::Statement query(db, act_summary_sql);
    rebind(query, std::optional<RowId>{});
    std::vector<ActSummary> acts;
    while (query.executeStep()) acts.push_back(read_act_summary(query));
    return acts;
}

}  // namespace kitap::core
