#include "core/library/fault.hpp"

#include "core/db/database.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace kitap::core {
namespace {

FaultKind kind_of_code(int code, FaultKind otherwise) {
    // A write the system refused for room: ENOSPC reaches us as SQLITE_FULL, but a
    // quota or a file size limit (EDQUOT, EFBIG) only as this I/O error.
    if (code == SQLITE_IOERR_WRITE) return FaultKind::disk_full;
    switch (code & 0xFF) {  // primary result code
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return FaultKind::read_only;
        case SQLITE_FULL:
            return FaultKind::disk_full;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return FaultKind::locked;
        case SQLITE_CANTOPEN:
            return FaultKind::cannot_open;
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return FaultKind::corrupt;
        default:
            return otherwise;
    }
}

}  // namespace

std::string_view to_string(FaultKind kind) {
    switch (kind) {
        case FaultKind::disk_full:
            return "disk_full";
        case FaultKind::locked:
            return "locked";
        case FaultKind::read_only:
            return "read_only";
        case FaultKind::corrupt:
            return "corrupt";
        case FaultKind::newer_schema:
            return "newer_schema";
        case FaultKind::cannot_open:
            return "cannot_open";
        case FaultKind::io:
            return "io";
    }
    return "io";
}

Fault fault_from(const std::exception& error) {
    Fault fault{.kind = FaultKind::io, .detail = error.what()};
    if (dynamic_cast<const NewerSchemaError*>(&error)) {
        fault.kind = FaultKind::newer_schema;
    } else if (const auto* opening = dynamic_cast<const DatabaseError*>(&error)) {
        fault.kind = kind_of_code(opening->sqlite_code(), FaultKind::cannot_open);
    } else if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error)) {
        fault.kind = kind_of_code(sqlite_error_code(*sqlite), FaultKind::io);
    }
    return fault;
}

}  // namespace kitap::core
