#include "kiosk/gui/model/fault.hpp"

#include "core/db/database.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace kitap::kiosk {
namespace {

// What a connection's error carries (the extended code, such as SQLITE_IOERR_WRITE),
// else the code the exception was made with.
int extended_code(const SQLite::Exception& error) {
    return error.getExtendedErrorCode() >= 0 ? error.getExtendedErrorCode() : error.getErrorCode();
}

}  // namespace

constexpr auto fault_kind_names = core::enum_names<FaultKind>({
    {FaultKind::database_unavailable, "database_unavailable"},
    {FaultKind::database_read_only, "database_read_only"},
    {FaultKind::disk_full, "disk_full"},
    {FaultKind::database_busy, "database_busy"},
    {FaultKind::database_error, "database_error"},
    {FaultKind::no_scanner, "no_scanner"},
});

std::string_view to_string(FaultKind kind) { return fault_kind_names.name_of(kind); }

Fault fault_from(const std::exception& error) {
    Fault fault{.kind = FaultKind::database_error, .detail = error.what()};
    if (dynamic_cast<const core::DatabaseError*>(&error)) {
        fault.kind = FaultKind::database_unavailable;
    } else if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error)) {
        const int code = extended_code(*sqlite);
        // A write the system refused for room: ENOSPC reaches us as SQLITE_FULL, but a
        // quota or a file size limit (EDQUOT, EFBIG) only as this I/O error.
        if (code == SQLITE_IOERR_WRITE) {
            fault.kind = FaultKind::disk_full;
            return fault;
        }
        switch (code & 0xFF) {  // primary result code
            case SQLITE_READONLY:
            case SQLITE_PERM:
            case SQLITE_AUTH:
                fault.kind = FaultKind::database_read_only;
                break;
            case SQLITE_FULL:
                fault.kind = FaultKind::disk_full;
                break;
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
                fault.kind = FaultKind::database_busy;
                break;
            case SQLITE_CANTOPEN:
            case SQLITE_NOTADB:
            case SQLITE_CORRUPT:
                fault.kind = FaultKind::database_unavailable;
                break;
            default:
                break;
        }
    }
    return fault;
}

}  // namespace kitap::kiosk
