#include "core/audit/librarian_action.hpp"

#include "core/text/enum_names.hpp"

namespace kitap::core {

constexpr auto action_kind_names = enum_names<LibrarianActionKind>({
    {LibrarianActionKind::pin_set, "pin_set"},
    {LibrarianActionKind::pin_accepted, "pin_accepted"},
    {LibrarianActionKind::pin_wrong, "pin_wrong"},
    {LibrarianActionKind::pin_locked_out, "pin_locked_out"},
    {LibrarianActionKind::librarian_locked, "librarian_locked"},
    {LibrarianActionKind::setting_changed, "setting_changed"},
    {LibrarianActionKind::kiosk_closed, "kiosk_closed"},
    {LibrarianActionKind::backup, "backup"},
    {LibrarianActionKind::restore, "restore"},
});

std::string_view to_string(LibrarianActionKind kind) { return action_kind_names.name_of(kind); }

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
