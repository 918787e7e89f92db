#include "kiosk/gui/model/fault.hpp"

#include "core/db/database.hpp"

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

std::string_view to_string(FaultKind kind) {
    switch (kind) {
        case FaultKind::database_unavailable:
            return "database_unavailable";
        case FaultKind::database_read_only:
            return "database_read_only";
        case FaultKind::disk_full:
            return "disk_full";
        case FaultKind::database_busy:
            return "database_busy";
        case FaultKind::database_error:
            return "database_error";
        case FaultKind::no_scanner:
            return "no_scanner";
    }
    return "database_error";
}

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
