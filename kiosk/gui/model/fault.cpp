#include "kiosk/gui/model/fault.hpp"

#include "core/text/enum_names.hpp"

namespace kitap::kiosk {

constexpr auto fault_kind_names = core::enum_names<FaultKind>({
    {FaultKind::database_unavailable, "database_unavailable"},
    {FaultKind::database_read_only, "database_read_only"},
    {FaultKind::disk_full, "disk_full"},
    {FaultKind::database_busy, "database_busy"},
    {FaultKind::database_error, "database_error"},
    {FaultKind::no_scanner, "no_scanner"},
    {FaultKind::server_certificate, "server_certificate"},
    {FaultKind::needs_server, "needs_server"},
    {FaultKind::station_refused, "station_refused"},
});

std::string_view to_string(FaultKind kind) { return fault_kind_names.name_of(kind); }

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
