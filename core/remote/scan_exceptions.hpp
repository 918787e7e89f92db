#pragma once

#include "core/audit/event_log.hpp"
#include "core/calendar.hpp"
#include "core/circulation/station.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// How the librarian settled a scan exception: ScanException::settled is its word.
enum class ExceptionSettlement { accepted, discarded };
std::string_view to_string(ExceptionSettlement settlement);

// A scan an offline kiosk accepted that the rules refused when it was replayed on the
// server (a book lent meanwhile to someone else, a reader who left): kept for the
// librarian, who accepts it as an override or discards it.
struct ScanException {
    RowId id = 0;
    std::string entry_id, station;
    Timestamp scanned_at;
    std::string card, code;
    StationMode mode = StationMode::self;
    Reason reason = Reason::none;
    Timestamp listed_at;
    std::optional<std::string> settled;  // "accepted" | "discarded"
    std::optional<Timestamp> settled_at;

    friend bool operator==(const ScanException&, const ScanException&) = default;
};

// Why an exception could not be settled.
enum class ExceptionProblem {
    unknown_exception,  // no exception has this id
    already_settled,    // accepted or discarded before
};
std::string_view to_string(ExceptionProblem problem);

// The audit log's actions for the exceptions list, each with the kiosk's station,
// the card, the code and the reason in its detail.
inline constexpr std::string_view scan_exception_listed = "scan_exception_listed";
inline constexpr std::string_view scan_exception_accepted = "scan_exception_accepted";
inline constexpr std::string_view scan_exception_discarded = "scan_exception_discarded";
inline constexpr std::array all_scan_exception_events{scan_exception_listed, scan_exception_accepted,
                                                      scan_exception_discarded};

// "exception=12 station=kiosk-2 card=68110816 code=10000016 reason=on_loan_to_other": what the audit keeps of
// an exception (the texts a kiosk sent escaped, so none can forge a line of the log).
std::string scan_exception_detail(const ScanException& exception);

// The exceptions list (table `scan_exception`); callers own the transactions.
class ScanExceptionStore {
public:
    explicit ScanExceptionStore(SQLite::Database& db);

    // Lists `exception` (its id is ignored) and returns it with its new id.
    ScanException insert(ScanException exception);
    std::optional<ScanException> find(RowId id);
    // Oldest first; with settled ones too when asked.
    std::vector<ScanException> list(bool include_settled);
    void settle(RowId id, ExceptionSettlement how, Timestamp at);

private:
    SQLite::Database& db_;
    PreparedStatement insert_;
};

}  // namespace kitap::core
