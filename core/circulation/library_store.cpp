#include "core/circulation/library_store.hpp"

#include "core/circulation/station_queries.hpp"
#include "core/db/statement.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>

#include <array>
#include <utility>

namespace kitap::core {
namespace {

constexpr const char* title_columns =
    "t.id, t.title, t.isbn, t.kind, t.stock, (SELECT count(*) FROM copy c2 WHERE c2.title_id = t.id), t.subject, "
    "t.price_tiyn";

TitleRecord read_title(SQLite::Statement& row, int first) {
    TitleRecord title;
    title.id = row.getColumn(first).getInt64();
    title.title = row.getColumn(first + 1).getString();
    title.isbn = optional_text(row.getColumn(first + 2));
    title.kind = title_kind_from(row.getColumn(first + 3).getString()).value_or(TitleKind::fiction);
    title.stock = row.getColumn(first + 4).getInt();
    title.item_copies = row.getColumn(first + 5).getInt();
    title.subject = row.getColumn(first + 6).getString();
    title.price_tiyn = row.getColumn(first + 7).getInt64();
    return title;
}

// The columns read_open_loan expects, from `loan l JOIN reader r`.
std::string select_open_loan(const char* where) {
    return std::string(R"(
          SELECT l.id, l.reader_id, r.card, l.quantity, l.due, l.renewals, l.title_id, l.copy_id,
                 coalesce(cp.barcode, t.isbn, '')
          FROM loan l JOIN reader r ON r.id = l.reader_id JOIN title t ON t.id = l.title_id
          LEFT JOIN copy cp ON cp.id = l.copy_id
          WHERE )") +
           where;
}

std::optional<OpenLoan> read_open_loan(SQLite::Statement& query) {
    if (!query.executeStep()) return std::nullopt;
    const auto copy = query.getColumn(7);
    return OpenLoan{.id = query.getColumn(0).getInt64(),
                    .reader_id = query.getColumn(1).getInt64(),
                    .reader_card = query.getColumn(2).getString(),
                    .quantity = query.getColumn(3).getInt(),
                    .due = parse_iso_date(query.getColumn(4).getString()).value_or(Date{}),
                    .renewals = query.getColumn(5).getInt(),
                    .title_id = query.getColumn(6).getInt64(),
                    .copy_id = copy.isNull() ? std::nullopt : std::optional(copy.getInt64()),
                    .code = query.getColumn(8).getString()};
}

std::string select_title(const char* where) {
    return std::string("SELECT ") + title_columns + " FROM title t WHERE " + where;
}

constexpr auto condition_names = enum_names<Condition>({
    {Condition::good, "good"},
    {Condition::worn, "worn"},
    {Condition::damaged, "damaged"},
    {Condition::lost, "lost"},
});

constexpr auto copy_status_names = enum_names<CopyStatus>({
    {CopyStatus::in_fund, "in_fund"},
    {CopyStatus::written_off, "written_off"},
    {CopyStatus::lost, "lost"},
});

}  // namespace

std::string_view to_string(CopyStatus status) { return copy_status_names.name_of(status); }

std::optional<CopyStatus> copy_status_from(std::string_view name) { return copy_status_names.value_of(name); }

std::string_view to_string(Condition condition) { return condition_names.name_of(condition); }

std::optional<Condition> condition_from(std::string_view name) { return condition_names.value_of(name); }

ReaderSummary summary_of(const ReaderRecord& reader) {
    return ReaderSummary{reader.card, reader.name, reader.category, reader.class_name};
}

LibraryStore::LibraryStore(SQLite::Database& db)
    : db_(db),
      reader_by_card_(db, R"(
          SELECT r.id, r.card, r.full_name, r.category, coalesce(c.grade || c.letter, ''), r.status,
                 r.card_blocked_at IS NOT NULL
          FROM reader r LEFT JOIN school_class c ON c.id = r.class_id WHERE r.card = ?)"),
      copy_by_barcode_(db, std::string("SELECT cp.id, cp.barcode, cp.status, ") + title_columns +
                               " FROM copy cp JOIN title t ON t.id = cp.title_id WHERE cp.barcode = ?"),
      title_by_isbn_(db, select_title("t.isbn = ?")),
      title_by_id_(db, select_title("t.id = ?")),
      open_loan_of_copy_(db, select_open_loan("l.copy_id = ? AND l.returned_at IS NULL")),
      open_title_loan_(db, select_open_loan(R"(
          l.reader_id = ? AND l.title_id = ? AND l.copy_id IS NULL AND l.returned_at IS NULL
          ORDER BY l.due LIMIT 1)")),
      open_loan_(db, select_open_loan("l.id = ? AND l.returned_at IS NULL")),
      title_on_loan_(db, R"(
          SELECT coalesce(sum(quantity), 0) FROM loan
          WHERE title_id = ? AND copy_id IS NULL AND returned_at IS NULL)"),
      open_main_fund_loans_(db, R"(
          SELECT count(*) FROM loan l JOIN title t ON t.id = l.title_id
          WHERE l.reader_id = ? AND l.returned_at IS NULL AND t.kind <> 'textbook')"),
      held_items_(db, R"(
          SELECT coalesce(cp.barcode, t.isbn, ''), t.title, t.kind, l.quantity, l.due, l.id, l.renewals
          FROM loan l JOIN title t ON t.id = l.title_id LEFT JOIN copy cp ON cp.id = l.copy_id
          WHERE l.reader_id = ? AND l.returned_at IS NULL ORDER BY l.due, t.title)"),
      insert_loan_(db, R"(
          INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due, station)
          VALUES (?, ?, ?, ?, ?, ?, ?))"),
      renew_loan_(db, "UPDATE loan SET due = ?, renewals = renewals + 1 WHERE id = ? AND returned_at IS NULL"),
      close_loan_(db, "UPDATE loan SET returned_at = ?, condition = ? WHERE id = ? AND returned_at IS NULL"),
      reduce_loan_(db, "UPDATE loan SET quantity = quantity - ? WHERE id = ? AND quantity > ?"),
      insert_returned_part_(db, R"(
          INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due, returned_at, condition, station,
                            renewals)
          SELECT reader_id, title_id, copy_id, ?, loaned_at, due, ?, ?, station, renewals FROM loan WHERE id = ?)"),
      insert_compensation_(db, R"(
          INSERT INTO compensation (reader_id, title_id, copy_id, quantity, condition, amount_tiyn, created_at)
          SELECT ?1, id, ?2, ?3, ?4, price_tiyn * ?3, ?5 FROM title WHERE id = ?6)"),
      open_compensations_(db, R"(
          SELECT cm.id, coalesce(cp.barcode, t.isbn, ''), t.title, cm.quantity, cm.condition, cm.amount_tiyn, cm.created_at
          FROM compensation cm JOIN title t ON t.id = cm.title_id LEFT JOIN copy cp ON cp.id = cm.copy_id
          WHERE cm.reader_id = ? AND cm.settled_at IS NULL ORDER BY cm.id)"),
      set_copy_status_(db, "UPDATE copy SET status = ? WHERE id = ?"),
      remove_title_stock_(db, "UPDATE title SET stock = max(stock - ?, 0) WHERE id = ?"),
      insert_visit_(db, "INSERT OR IGNORE INTO visit (reader_id, day, station) VALUES (?, ?, ?)"),
      events_(db) {}

LibraryStore::~LibraryStore() = default;

StationQueries& LibraryStore::station_queries() {
    if (!station_queries_) station_queries_ = std::make_unique<StationQueries>(*this);
    return *station_queries_;
}

std::optional<ReaderRecord> LibraryStore::reader_by_card(const std::string& card) {
    auto& query = rebind(reader_by_card_, card);
    if (!query.executeStep()) return std::nullopt;
    ReaderRecord reader;
    reader.id = query.getColumn(0).getInt64();
    reader.card = query.getColumn(1).getString();
    reader.name = query.getColumn(2).getString();
    reader.category = reader_category_from(query.getColumn(3).getString()).value_or(ReaderCategory::other);
    reader.class_name = query.getColumn(4).getString();
    reader.active = query.getColumn(5).getString() == "active";
    reader.card_blocked = query.getColumn(6).getInt() != 0;
    return reader;
}

std::optional<CopyRecord> LibraryStore::copy_by_barcode(const std::string& barcode) {
    auto& query = rebind(copy_by_barcode_, barcode);
    if (!query.executeStep()) return std::nullopt;
    return CopyRecord{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                      copy_status_from(query.getColumn(2).getString()).value_or(CopyStatus::in_fund),
                      read_title(query, 3)};
}

std::optional<TitleRecord> LibraryStore::title_by_isbn(const std::string& isbn) {
    auto& query = rebind(title_by_isbn_, isbn);
    if (!query.executeStep()) return std::nullopt;
    return read_title(query, 0);
}

std::optional<TitleRecord> LibraryStore::title_by_id(RowId title_id) {
    auto& query = rebind(title_by_id_, title_id);
    if (!query.executeStep()) return std::nullopt;
    return read_title(query, 0);
}

std::optional<OpenLoan> LibraryStore::open_loan(RowId loan_id) { return read_open_loan(rebind(open_loan_, loan_id)); }

std::optional<OpenLoan> LibraryStore::open_loan_of_copy(RowId copy_id) {
    return read_open_loan(rebind(open_loan_of_copy_, copy_id));
}

std::optional<OpenLoan> LibraryStore::open_title_loan(RowId reader_id, RowId title_id) {
    return read_open_loan(rebind(open_title_loan_, reader_id, title_id));
}

int LibraryStore::title_quantity_on_loan(RowId title_id) {
    auto& query = rebind(title_on_loan_, title_id);
    query.executeStep();
    return query.getColumn(0).getInt();
}

int LibraryStore::open_main_fund_loans(RowId reader_id) {
    auto& query = rebind(open_main_fund_loans_, reader_id);
    query.executeStep();
    return query.getColumn(0).getInt();
}

HeldItem read_held_item(SQLite::Statement& row, int first) {
    return {.code = row.getColumn(first).getString(),
            .title = row.getColumn(first + 1).getString(),
            .kind = title_kind_from(row.getColumn(first + 2).getString()).value_or(TitleKind::fiction),
            .quantity = row.getColumn(first + 3).getInt(),
            .due = parse_iso_date(row.getColumn(first + 4).getString()).value_or(Date{}),
            .loan_id = row.getColumn(first + 5).getInt64(),
            .renewals = row.getColumn(first + 6).getInt()};
}

std::vector<HeldItem> LibraryStore::held_items(RowId reader_id) {
    auto& query = rebind(held_items_, reader_id);
    std::vector<HeldItem> items;
    while (query.executeStep()) {
        items.push_back(read_held_item(query, 0));
    }
    return items;
}

std::vector<HeldItem> LibraryStore::overdue_items(RowId reader_id, Date today) {
    std::vector<HeldItem> overdue;
    for (auto& item : held_items(reader_id))
        if (std::chrono::sys_days{item.due} < std::chrono::sys_days{today}) overdue.push_back(std::move(item));
    return overdue;
}

RowId LibraryStore::insert_loan(const NewLoan& loan) {
    rebind(insert_loan_, loan.reader_id, loan.title_id, loan.copy_id, loan.quantity, iso_timestamp(loan.at),
           iso_date(loan.due), loan.station)
        .exec();
    return db_.getLastInsertRowid();
}

void LibraryStore::renew_loan(RowId loan_id, Date due) { rebind(renew_loan_, iso_date(due), loan_id).exec(); }

void LibraryStore::return_loan(const OpenLoan& loan, int quantity, Timestamp at, std::optional<Condition> condition) {
    const std::string when = iso_timestamp(at);
    const std::optional<std::string> state =
        condition ? std::optional(std::string(to_string(*condition))) : std::nullopt;
    if (quantity >= loan.quantity) {
        rebind(close_loan_, when, state, loan.id).exec();
        return;
    }
    rebind(insert_returned_part_, quantity, when, state, loan.id).exec();
    rebind(reduce_loan_, quantity, loan.id, quantity).exec();
}

RowId LibraryStore::insert_compensation(RowId reader_id, const TitleRecord& title, std::optional<RowId> copy_id,
                                        int quantity, Condition condition, Timestamp at) {
    rebind(insert_compensation_, reader_id, copy_id, quantity, std::string(to_string(condition)), iso_timestamp(at),
           title.id)
        .exec();
    return db_.getLastInsertRowid();
}

std::vector<Compensation> LibraryStore::open_compensations(RowId reader_id) {
    auto& query = rebind(open_compensations_, reader_id);
    std::vector<Compensation> owed;
    while (query.executeStep())
        owed.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                        query.getColumn(3).getInt(),
                        condition_from(query.getColumn(4).getString()).value_or(Condition::lost),
                        query.getColumn(5).getInt64(), query.getColumn(6).getString()});
    return owed;
}

void LibraryStore::set_copy_status(RowId copy_id, CopyStatus status) {
    rebind(set_copy_status_, std::string(to_string(status)), copy_id).exec();
}

void LibraryStore::remove_title_stock(RowId title_id, int quantity) {
    rebind(remove_title_stock_, quantity, title_id).exec();
}

bool LibraryStore::record_visit(RowId reader_id, Date day, const std::string& station) {
    return rebind(insert_visit_, reader_id, iso_date(day), station).exec() > 0;
}

void LibraryStore::log_event(const EventRecord& event) { events_.append(event); }

}  // namespace kitap::core
