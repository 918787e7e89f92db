#include "core/stocktake/stocktake.hpp"

#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>

#include <utility>

namespace kitap::core {
namespace {

// A labelled copy as a stocktake sees it.
struct CopyState {
    RowId id = 0;
    std::string barcode;
    std::string title;
    TitleKind kind = TitleKind::fiction;
    std::string shelf;
    std::string status;
    bool on_loan = false;
};

constexpr const char* copy_state_select = R"(
    SELECT cp.id, cp.barcode, t.title, t.kind, cp.shelf, cp.status,
           EXISTS (SELECT 1 FROM loan l WHERE l.copy_id = cp.id AND l.returned_at IS NULL)
    FROM copy cp JOIN title t ON t.id = cp.title_id )";

CopyState read_copy_state(SQLite::Statement& row) {
    return CopyState{
        row.getColumn(0).getInt64(),   row.getColumn(1).getString(),
        row.getColumn(2).getString(),  title_kind_from(row.getColumn(3).getString()).value_or(TitleKind::fiction),
        row.getColumn(4).getString(),  row.getColumn(5).getString(),
        row.getColumn(6).getInt() != 0};
}

// Why a scanned copy should not have been on the shelf; none when it should.
UnexpectedReason copy_problem(const StocktakeScope& scope, const CopyState& copy) {
    if (copy.status == "written_off") return UnexpectedReason::written_off;
    if (copy.status == "lost") return UnexpectedReason::lost;
    if (copy.on_loan) return UnexpectedReason::on_loan;
    if (!scope.covers_copy(copy.kind, copy.shelf)) return UnexpectedReason::outside_scope;
    return UnexpectedReason::none;
}

struct OpenStocktake {
    RowId id = 0;
    StocktakeScope scope;
    std::string scope_text;
    std::string started_at;
};

std::optional<OpenStocktake> read_open(SQLite::Statement& query) {
    query.reset();
    if (!query.executeStep()) return std::nullopt;
    const std::string scope = query.getColumn(1).getString();
    OpenStocktake open{query.getColumn(0).getInt64(), parse_stocktake_scope(scope).value_or(StocktakeScope{}), scope,
                       query.getColumn(2).getString()};
    query.reset();
    return open;
}

constexpr const char* open_stocktake_sql = "SELECT id, scope, started_at FROM stocktake WHERE finished_at IS NULL";

std::optional<OpenStocktake> open_stocktake(SQLite::Database& db) {
    SQLite::Statement query(db, open_stocktake_sql);
    return read_open(query);
}

int count_of(SQLite::Statement& query) {
    query.executeStep();
    const int count = query.getColumn(0).getInt();
    query.reset();
    return count;
}

// ---- Finishing ------------------------------------------------------------

class StocktakeCheck {
public:
    StocktakeCheck(SQLite::Database& db, const OpenStocktake& stocktake) : db_(db), take_(stocktake) {
        report_.id = take_.id;
        report_.scope = take_.scope_text;
        report_.started_at = take_.started_at;
    }

    StocktakeReport run(const std::string& finished_at) {
        report_.finished_at = finished_at;
        check_scanned_copies();
        find_missing_copies();
        add_unknown_codes();
        compare_title_stock();
        SQLite::Statement scans(db_, "SELECT count(*) FROM stocktake_scan WHERE stocktake_id = ?");
        report_.scans = count_of(rebind(scans, take_.id));
        report_.expected_copies = report_.found_copies + static_cast<int>(report_.missing.size());
        return std::move(report_);
    }

private:
    void check_scanned_copies() {
        SQLite::Statement query(db_, std::string(copy_state_select) + R"(
            WHERE cp.id IN (SELECT copy_id FROM stocktake_scan WHERE stocktake_id = ?) ORDER BY cp.barcode)");
        rebind(query, take_.id);
        while (query.executeStep()) {
            const auto copy = read_copy_state(query);
            const auto problem = copy_problem(take_.scope, copy);
            if (problem == UnexpectedReason::none)
                ++report_.found_copies;
            else
                report_.unexpected.push_back({copy.barcode, copy.title, copy.shelf, problem});
        }
    }

    void find_missing_copies() {
        SQLite::Statement query(db_, std::string(copy_state_select) + R"(
            WHERE cp.status = 'in_fund'
              AND cp.id NOT IN (SELECT copy_id FROM stocktake_scan WHERE stocktake_id = ? AND copy_id IS NOT NULL)
            ORDER BY cp.shelf, cp.barcode)");
        rebind(query, take_.id);
        while (query.executeStep()) {
            const auto copy = read_copy_state(query);
            if (copy_problem(take_.scope, copy) == UnexpectedReason::none)
                report_.missing.push_back({copy.barcode, copy.title, copy.shelf, UnexpectedReason::none});
        }
    }

    void add_unknown_codes() {
        SQLite::Statement query(db_, R"(
            SELECT code FROM stocktake_scan WHERE stocktake_id = ? AND copy_id IS NULL AND title_id IS NULL
            GROUP BY code ORDER BY min(id))");
        rebind(query, take_.id);
        while (query.executeStep())
            report_.unexpected.push_back({query.getColumn(0).getString(), "", "", UnexpectedReason::unknown});
    }

    // Titles in scope with stock or scans; a title scanned outside the scope is unexpected.
    void compare_title_stock() {
        SQLite::Statement query(db_, R"(
            SELECT t.isbn, t.title, t.kind,
                   t.stock - (SELECT coalesce(sum(l.quantity), 0) FROM loan l
                              WHERE l.title_id = t.id AND l.copy_id IS NULL AND l.returned_at IS NULL),
                   (SELECT count(*) FROM stocktake_scan s
                    WHERE s.stocktake_id = ?1 AND s.copy_id IS NULL AND s.title_id = t.id) AS counted
            FROM title t
            WHERE t.stock > 0 OR t.id IN (SELECT title_id FROM stocktake_scan WHERE stocktake_id = ?1 AND copy_id IS NULL)
            ORDER BY t.title, t.isbn)");
        rebind(query, take_.id);
        while (query.executeStep()) {
            const auto kind = title_kind_from(query.getColumn(2).getString()).value_or(TitleKind::fiction);
            StocktakeTitleLine line{query.getColumn(0).getString(), query.getColumn(1).getString(),
                                    query.getColumn(3).getInt(), query.getColumn(4).getInt()};
            if (take_.scope.covers_title_stock(kind))
                report_.titles.push_back(std::move(line));
            else if (line.counted > 0)
                report_.unexpected.push_back({line.isbn, line.title, "", UnexpectedReason::outside_scope});
        }
    }

    SQLite::Database& db_;
    const OpenStocktake& take_;
    StocktakeReport report_;
};

}  // namespace

// ---- Scope ------------------------------------------------------------------

bool StocktakeScope::covers_copy(TitleKind copy_kind, const std::string& copy_shelf) const {
    switch (by) {
        case By::all:
            return true;
        case By::kind:
            return copy_kind == kind;
        case By::shelf:
            return copy_shelf == shelf;
    }
    return false;
}

bool StocktakeScope::covers_title_stock(TitleKind title_kind) const {
    return by == By::all || (by == By::kind && title_kind == kind);
}

std::optional<StocktakeScope> parse_stocktake_scope(std::string_view text) {
    if (text == "all") return StocktakeScope{};
    if (text.starts_with("kind:")) {
        const auto kind = title_kind_from(text.substr(5));
        if (!kind) return std::nullopt;
        return StocktakeScope{.by = StocktakeScope::By::kind, .kind = *kind};
    }
    if (text.starts_with("shelf:") && text.size() > 6)
        return StocktakeScope{.by = StocktakeScope::By::shelf, .shelf = std::string(text.substr(6))};
    return std::nullopt;
}

std::string to_string(const StocktakeScope& scope) {
    switch (scope.by) {
        case StocktakeScope::By::all:
            return "all";
        case StocktakeScope::By::kind:
            return "kind:" + std::string(to_string(scope.kind));
        case StocktakeScope::By::shelf:
            return "shelf:" + scope.shelf;
    }
    return "all";
}

constexpr auto finding_names = enum_names<StocktakeFinding>({
    {StocktakeFinding::expected, "expected"},
    {StocktakeFinding::unexpected, "unexpected"},
    {StocktakeFinding::counted, "counted"},
    {StocktakeFinding::unknown, "unknown"},
    {StocktakeFinding::no_stocktake, "no_stocktake"},
});

std::string_view to_string(StocktakeFinding finding) { return finding_names.name_of(finding); }

std::optional<StocktakeFinding> stocktake_finding_from(std::string_view name) { return finding_names.value_of(name); }

constexpr auto unexpected_reason_names = enum_names<UnexpectedReason>({
    {UnexpectedReason::none, ""},
    {UnexpectedReason::on_loan, "on_loan"},
    {UnexpectedReason::written_off, "written_off"},
    {UnexpectedReason::lost, "lost"},
    {UnexpectedReason::outside_scope, "outside_scope"},
    {UnexpectedReason::unknown, "unknown"},
});

std::string_view to_string(UnexpectedReason reason) { return unexpected_reason_names.name_of(reason); }

std::optional<UnexpectedReason> unexpected_reason_from(std::string_view name) {
    return unexpected_reason_names.value_of(name);
}

// ---- Starting -------------------------------------------------------------

std::optional<StocktakeStatus> stocktake_status(SQLite::Database& db) {
    const auto open = open_stocktake(db);
    if (!open) return std::nullopt;
    SQLite::Statement counts(db, "SELECT count(*), count(DISTINCT copy_id) FROM stocktake_scan WHERE stocktake_id = ?");
    rebind(counts, open->id).executeStep();
    return StocktakeStatus{open->id, open->scope_text, open->started_at, counts.getColumn(0).getInt(),
                           counts.getColumn(1).getInt()};
}

Checked<RowId> start_stocktake(SQLite::Database& db, const std::string& scope_text, const ActionStamp& by) {
    const auto scope = parse_stocktake_scope(scope_text);
    if (!scope) return bad_input("stocktake.error.bad_scope", {{"scope", scope_text}});
    WriteTransaction transaction(db);
    if (auto open = open_stocktake(db))
        return refused_by_rule("stocktake.error.already_open",
                               {{"scope", open->scope_text}, {"started", open->started_at}});
    SQLite::Statement insert(db, "INSERT INTO stocktake (scope, started_at) VALUES (?, ?)");
    rebind(insert, to_string(*scope), iso_timestamp(by.at)).exec();
    const RowId id = db.getLastInsertRowid();
    LibraryStore(db).log_event(stamped(by, {.action = "stocktake_started", .detail = to_string(*scope)}));
    transaction.commit();
    return id;
}

// ---- Scanning -------------------------------------------------------------

StocktakeRecorder::StocktakeRecorder(LibraryStore& store)
    : store_(store),
      open_(store.db(), open_stocktake_sql),
      copy_(store.db(), std::string(copy_state_select) + " WHERE cp.barcode = ?"),
      copy_scans_(store.db(), "SELECT count(*) FROM stocktake_scan WHERE stocktake_id = ? AND copy_id = ?"),
      title_scans_(store.db(),
                   "SELECT count(*) FROM stocktake_scan WHERE stocktake_id = ? AND copy_id IS NULL AND title_id = ?"),
      insert_(store.db(), R"(
          INSERT INTO stocktake_scan (stocktake_id, code, scanned_at, copy_id, title_id) VALUES (?, ?, ?, ?, ?))") {}

StocktakeScanResult StocktakeRecorder::record(const std::string& code, Timestamp now, const std::string& station) {
    WriteTransaction transaction(store_.db());
    const auto take = read_open(open_);
    if (!take) return {.code = code, .finding = StocktakeFinding::no_stocktake};
    auto identified = identify(code, take->id, take->scope);
    identified.result.code = code;
    rebind(insert_, take->id, code, iso_timestamp(now), identified.copy_id, identified.title_id).exec();
    store_.log_event({.at = now,
                      .station = station,
                      .actor = {ActorRole::librarian},
                      .action = "stocktake_scan",
                      .title_id = identified.title_id,
                      .copy_id = identified.copy_id,
                      .detail = std::string(to_string(identified.result.finding)) + " " +
                                std::string(to_string(identified.result.reason))});
    transaction.commit();
    return identified.result;
}

StocktakeRecorder::Identified StocktakeRecorder::identify(const std::string& code, RowId stocktake,
                                                          const StocktakeScope& scope) {
    if (rebind(copy_, code).executeStep()) return identify_copy(stocktake, scope);
    if (const auto isbn = normalize_isbn(code))
        if (const auto title = store_.title_by_isbn(*isbn)) return identify_title(*title, stocktake, scope);
    return {.result = {.finding = StocktakeFinding::unknown}};
}

StocktakeRecorder::Identified StocktakeRecorder::identify_copy(RowId stocktake, const StocktakeScope& scope) {
    const auto copy = read_copy_state(copy_);
    copy_->reset();
    const auto problem = copy_problem(scope, copy);
    StocktakeScanResult result{
        .finding = problem == UnexpectedReason::none ? StocktakeFinding::expected : StocktakeFinding::unexpected,
        .reason = problem,
        .title = copy.title,
        .repeated = count_of(rebind(copy_scans_, stocktake, copy.id)) > 0};
    return {.result = std::move(result), .copy_id = copy.id};
}

StocktakeRecorder::Identified StocktakeRecorder::identify_title(const TitleRecord& title, RowId stocktake,
                                                                const StocktakeScope& scope) {
    StocktakeScanResult result{.title = title.title};
    if (scope.covers_title_stock(title.kind)) {
        result.finding = StocktakeFinding::counted;
        result.counted = count_of(rebind(title_scans_, stocktake, title.id)) + 1;
    } else {
        result.finding = StocktakeFinding::unexpected;
        result.reason = UnexpectedReason::outside_scope;
    }
    return {.result = std::move(result), .title_id = title.id};
}

StocktakeScanResult record_stocktake_scan(SQLite::Database& db, const std::string& code, Timestamp now,
                                          const std::string& station) {
    LibraryStore store(db);
    return StocktakeRecorder(store).record(code, now, station);
}

// ---- Finishing ------------------------------------------------------------

Checked<StocktakeReport> finish_stocktake(SQLite::Database& db, const ActionStamp& by) {
    WriteTransaction transaction(db);
    const auto take = open_stocktake(db);
    if (!take) return refused_by_rule("stocktake.error.none_open");
    auto report = StocktakeCheck(db, *take).run(iso_timestamp(by.at));
    SQLite::Statement close(db, "UPDATE stocktake SET finished_at = ? WHERE id = ?");
    rebind(close, report.finished_at, take->id).exec();
    LibraryStore(db).log_event(stamped(by, {.action = "stocktake_finished",
                                            .detail = "missing " + std::to_string(report.missing.size()) +
                                                      ", unexpected " + std::to_string(report.unexpected.size())}));
    transaction.commit();
    return report;
}

}  // namespace kitap::core
