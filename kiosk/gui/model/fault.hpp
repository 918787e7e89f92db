#pragma once

#include "core/library/fault.hpp"

#include <string>
#include <string_view>

namespace kitap::kiosk {

// What stops the kiosk from serving pupils, as the kiosk shows it: each kind has
// words in the translations (kiosk.fault.<kind>.title / .text); `detail` is for
// the librarian. The database's kinds come from core's Fault (fault_from).
enum class FaultKind {
    database_unavailable,  // cannot be opened (missing folder, newer schema, corrupt)
    database_read_only,    // the file or its folder cannot be written
    disk_full,
    database_busy,   // another program holds the database locked
    database_error,  // any other database failure
    no_scanner,      // every scanner is unplugged or failed
    // A kiosk whose station is the school's server (RemoteKioskLibrary):
    server_certificate,  // the server showed another certificate than the trusted one (both in detail)
    needs_server,        // the librarian's screens while the server cannot be reached
    station_refused,     // the server does not accept the kiosk's token (401): a removed account, a wrong file
};
std::string_view to_string(FaultKind kind);

struct Fault {
    FaultKind kind = FaultKind::database_error;
    std::string detail;

    bool is_database() const { return kind != FaultKind::no_scanner; }
    friend bool operator==(const Fault&, const Fault&) = default;
};

// Which of the kiosk's fault screens shows what broke in core's storage.
Fault fault_from(const core::Fault& fault);

}  // namespace kitap::kiosk
