#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/fund/refusal.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// What a stocktake checks: the whole fund, one kind of title, or one shelf's
// labelled copies (title-level stock has no shelf).
struct StocktakeScope {
    enum class By { all, kind, shelf };
    By by = By::all;
    TitleKind kind = TitleKind::textbook;
    std::string shelf;

    bool covers_copy(TitleKind copy_kind, const std::string& copy_shelf) const;
    bool covers_title_stock(TitleKind title_kind) const;
};

// "all", "kind:textbook", "shelf:A-3"; nullopt for anything else.
std::optional<StocktakeScope> parse_stocktake_scope(std::string_view text);
std::string to_string(const StocktakeScope& scope);

// Opens a stocktake ('stocktake_started'). Refused while another is open; bad
// input: a scope parse_stocktake_scope does not read.
Checked<RowId> start_stocktake(SQLite::Database& db, const std::string& scope, const ActionStamp& by);

// The open stocktake so far, for the librarian's screen.
struct StocktakeStatus {
    RowId id = 0;
    std::string scope;
    std::string started_at;
    int scans = 0;
    int copies_found = 0;  // distinct labelled copies scanned

    friend bool operator==(const StocktakeStatus&, const StocktakeStatus&) = default;
};
std::optional<StocktakeStatus> stocktake_status(SQLite::Database& db);

// What a scanned code turned out to be.
enum class StocktakeFinding {
    expected,      // a labelled copy that belongs on the shelf, in scope
    unexpected,    // a copy on loan, written off, lost or outside the scope; a title outside the scope
    counted,       // one more title-level copy of a title in scope
    unknown,       // neither a copy's code nor a catalogued ISBN
    no_stocktake,  // no stocktake is open: nothing recorded
};
enum class UnexpectedReason { none, on_loan, written_off, lost, outside_scope, unknown };
std::string_view to_string(StocktakeFinding finding);
std::string_view to_string(UnexpectedReason reason);  // "" for none
std::optional<StocktakeFinding> stocktake_finding_from(std::string_view name);
std::optional<UnexpectedReason> unexpected_reason_from(std::string_view name);

struct StocktakeScanResult {
    std::string code;
    StocktakeFinding finding = StocktakeFinding::unknown;
    UnexpectedReason reason = UnexpectedReason::none;  // for unexpected
    std::string title;
    int counted = 0;        // counted: copies of this title scanned so far
    bool repeated = false;  // this copy was scanned before in this stocktake

    friend bool operator==(const StocktakeScanResult&, const StocktakeScanResult&) = default;
};

// Records scans into the open stocktake, one transaction each with a
// 'stocktake_scan' event; statements prepared once for a run of scans (a
// station keeps one beside its LibraryStore).
class StocktakeRecorder {
public:
    explicit StocktakeRecorder(LibraryStore& store);
    // `code` is a cleaned scan (clean_scanned_text): a copy's inventory number, else an ISBN.
    StocktakeScanResult record(const std::string& code, Timestamp now, const std::string& station);

private:
    struct Identified {
        StocktakeScanResult result;
        std::optional<RowId> copy_id;
        std::optional<RowId> title_id;
    };
    Identified identify(const std::string& code, RowId stocktake, const StocktakeScope& scope);
    Identified identify_copy(RowId stocktake, const StocktakeScope& scope);  // copy_ is on its row
    Identified identify_title(const TitleRecord& title, RowId stocktake, const StocktakeScope& scope);

    LibraryStore& store_;
    PreparedStatement open_;
    PreparedStatement copy_;
    PreparedStatement copy_scans_;
    PreparedStatement title_scans_;
    PreparedStatement insert_;
};

// One scan at a station in stocktake mode (a StocktakeRecorder made for it).
StocktakeScanResult record_stocktake_scan(SQLite::Database& db, const std::string& code, Timestamp now,
                                          const std::string& station = "stocktake");

struct StocktakeCopyLine {
    std::string code;
    std::string title;
    std::string shelf;
    UnexpectedReason reason = UnexpectedReason::none;  // unexpected lines only

    friend bool operator==(const StocktakeCopyLine&, const StocktakeCopyLine&) = default;
};

struct StocktakeTitleLine {
    std::string isbn;
    std::string title;
    int expected = 0;  // free title-level stock: owned less on loan
    int counted = 0;

    friend bool operator==(const StocktakeTitleLine&, const StocktakeTitleLine&) = default;
};

struct StocktakeReport {
    RowId id = 0;
    std::string scope;
    std::string started_at;
    std::string finished_at;
    int scans = 0;
    int expected_copies = 0;  // labelled copies in scope that should be on the shelf
    int found_copies = 0;
    std::vector<StocktakeCopyLine> missing;     // expected and not scanned, by shelf and code
    std::vector<StocktakeCopyLine> unexpected;  // scanned copies that should not be there, unknown codes
    std::vector<StocktakeTitleLine> titles;     // title-level stock in scope, counted or owned

    friend bool operator==(const StocktakeReport&, const StocktakeReport&) = default;
};

// Closes the open stocktake ('stocktake_finished') and reports it against the
// fund as it stands now. Refused when none is open.
Checked<StocktakeReport> finish_stocktake(SQLite::Database& db, const ActionStamp& by);

}  // namespace kitap::core
