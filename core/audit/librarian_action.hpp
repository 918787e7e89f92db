#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"

#include <array>
#include <string>
#include <string_view>

namespace kitap::core {

// What the librarian does outside circulation, recorded in the event log for
// the audit. The event's action is the kind's name.
enum class LibrarianActionKind {
    pin_set,           // `kitap librarian set-pin`
    pin_accepted,      // the kiosk's librarian screen unlocked
    pin_wrong,         // a wrong PIN on the kiosk's keypad (actor unknown)
    pin_locked_out,    // too many wrong PINs: the keypad is locked for a while (actor unknown)
    librarian_locked,  // the librarian screen closed: back to pupils, or locked by itself (say which in detail)
    setting_changed,   // a kiosk setting (detail: "key=value")
    kiosk_closed,      // the kiosk closed from its librarian screen
    backup,            // `kitap backup` (detail: the file)
    restore,           // `kitap restore`, recorded in the restored database (detail: the file)
};

inline constexpr std::array all_librarian_action_kinds{
    LibrarianActionKind::pin_set,        LibrarianActionKind::pin_accepted,     LibrarianActionKind::pin_wrong,
    LibrarianActionKind::pin_locked_out, LibrarianActionKind::librarian_locked, LibrarianActionKind::setting_changed,
    LibrarianActionKind::kiosk_closed,   LibrarianActionKind::backup,           LibrarianActionKind::restore};

std::string_view to_string(LibrarianActionKind kind);

struct LibrarianAction {
    Timestamp at;
    std::string station;  // "kiosk", "cli"...
    LibrarianActionKind action = LibrarianActionKind::pin_accepted;
    std::string detail;  // never a PIN
};

// One event row, actor "librarian" (none for a wrong PIN or a lockout: nobody
// has shown to be the librarian). Written in the caller's transaction when it
// holds one (a setting and the record of its change belong together), else
// committed by itself.
void record_librarian_action(LibraryStore& store, const LibrarianAction& action);

}  // namespace kitap::core
