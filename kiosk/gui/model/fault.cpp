#include "kiosk/gui/model/fault.hpp"

namespace kitap::kiosk {

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

Fault fault_from(const core::Fault& fault) {
    switch (fault.kind) {
        case core::FaultKind::disk_full:
            return {.kind = FaultKind::disk_full, .detail = fault.detail};
        case core::FaultKind::locked:
            return {.kind = FaultKind::database_busy, .detail = fault.detail};
        case core::FaultKind::read_only:
            return {.kind = FaultKind::database_read_only, .detail = fault.detail};
        case core::FaultKind::corrupt:
        case core::FaultKind::newer_schema:
        case core::FaultKind::cannot_open:
            return {.kind = FaultKind::database_unavailable, .detail = fault.detail};
        case core::FaultKind::io:
            break;
    }
    return {.kind = FaultKind::database_error, .detail = fault.detail};
}

}  // namespace kitap::kiosk
