#include "core/remote/scan_exceptions.hpp"

#include "core/db/statement.hpp"
#include "core/text/control_chars.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kitap::core {
namespace {

constexpr auto problem_names = enum_names<ExceptionProblem>({
    {ExceptionProblem::unknown_exception, "unknown_exception"},
    {ExceptionProblem::already_settled, "already_settled"},
});

constexpr auto settlement_names = enum_names<ExceptionSettlement>({
    {ExceptionSettlement::accepted, "accepted"},
    {ExceptionSettlement::discarded, "discarded"},
});

constexpr const char* columns =
    "id, entry_id, station, scanned_at, card, code, mode, reason, listed_at, settled, settled_at";

// What the table's CHECKs let in always parses; a time written by hand that does not reads as the epoch.
ScanException read_exception(SQLite::Statement& row) {
    const auto settled_at = optional_text(row.getColumn(10));
    return ScanException{
        .id = row.getColumn(0).getInt64(),
        .entry_id = row.getColumn(1).getString(),
        .station = row.getColumn(2).getString(),
        .scanned_at = parse_iso_timestamp(row.getColumn(3).getString()).value_or(Timestamp{}),
        .card = row.getColumn(4).getString(),
        .code = row.getColumn(5).getString(),
        .mode = station_mode_from(row.getColumn(6).getString()).value_or(StationMode::self),
        .reason = reason_from(row.getColumn(7).getString()).value_or(Reason::none),
        .listed_at = parse_iso_timestamp(row.getColumn(8).getString()).value_or(Timestamp{}),
        .settled = optional_text(row.getColumn(9)),
        .settled_at = settled_at ? parse_iso_timestamp(*settled_at) : std::nullopt,
    };
}

}  // namespace

std::string_view to_string(ExceptionProblem problem) { return problem_names.name_of(problem); }

std::string_view to_string(ExceptionSettlement settlement) { return settlement_names.name_of(settlement); }

std::string scan_exception_detail(const ScanException& exception) {
    return "exception=" + std::to_string(exception.id) + " station=" + printable(exception.station) +
           " card=" + printable(exception.card) + " code=" + printable(exception.code) +
           " reason=" + std::string(to_string(exception.reason));
}

ScanExceptionStore::ScanExceptionStore(SQLite::Database& db)
    : db_(db), insert_(db, R"(
        INSERT INTO scan_exception (entry_id, station, scanned_at, card, code, mode, reason, listed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?))") {}

ScanException ScanExceptionStore::insert(ScanException exception) {
    rebind(insert_, exception.entry_id, exception.station, iso_timestamp(exception.scanned_at), exception.card,
           exception.code, std::string(to_string(exception.mode)), std::string(to_string(exception.reason)),
           iso_timestamp(exception.listed_at))
        .exec();
    exception.id = db_.getLastInsertRowid();
    return exception;
}

std::optional<ScanException> ScanExceptionStore::find(RowId id) {
    SQLite::Statement query(db_, std::string("SELECT ") + columns + " FROM scan_exception WHERE id = ?");
    rebind(query, id);
    if (!query.executeStep()) return std::nullopt;
    return read_exception(query);
}

std::vector<ScanException> ScanExceptionStore::list(bool include_settled) {
    SQLite::Statement query(
        db_, std::string("SELECT ") + columns + " FROM scan_exception WHERE ?1 OR settled IS NULL ORDER BY id");
    rebind(query, include_settled ? 1 : 0);
    std::vector<ScanException> listed;
    while (query.executeStep()) listed.push_back(read_exception(query));
    return listed;
}

void ScanExceptionStore::settle(RowId id, ExceptionSettlement how, Timestamp at) {
    SQLite::Statement update(db_, "UPDATE scan_exception SET settled = ?2, settled_at = ?3 WHERE id = ?1");
    rebind(update, id, std::string(to_string(how)), iso_timestamp(at));
    update.exec();
}

}  // namespace kitap::core
