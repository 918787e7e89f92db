#include "core/audit/librarian_action.hpp"

namespace kitap::core {

std::string_view to_string(LibrarianActionKind kind) {
    switch (kind) {
        case LibrarianActionKind::pin_set:
            return "pin_set";
        case LibrarianActionKind::pin_accepted:
            return "pin_accepted";
        case LibrarianActionKind::pin_wrong:
            return "pin_wrong";
        case LibrarianActionKind::pin_locked_out:
            return "pin_locked_out";
        case LibrarianActionKind::librarian_locked:
            return "librarian_locked";
        case LibrarianActionKind::setting_changed:
            return "setting_changed";
        case LibrarianActionKind::kiosk_closed:
            return "kiosk_closed";
        case LibrarianActionKind::backup:
            return "backup";
        case LibrarianActionKind::restore:
            break;
    }
    return "restore";
}

void record_librarian_action(LibraryStore& store, const LibrarianAction& action) {
    const bool proven =
        action.action != LibrarianActionKind::pin_wrong && action.action != LibrarianActionKind::pin_locked_out;
    store.log_event({.at = action.at,
                     .station = action.station,
                     .actor = {proven ? ActorRole::librarian : ActorRole::none},
                     .action = std::string(to_string(action.action)),
                     .detail = action.detail});
}

}  // namespace kitap::core
