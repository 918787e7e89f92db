#pragma once

#include "core/reports/catalog_search.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/top_bar.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// "Do you have ...?": the catalogue searched by anyone at the kiosk, with no card.
// What is typed on the on-screen keyboard, and the titles found with their shelves
// and how many copies are in. Never who holds a copy.
struct FindBookScreen {
    TopBar top;
    std::string query;
    KeyboardLayout layout = KeyboardLayout::kk;
    bool keyboard_shown = true;
    // The titles found for `query`; nullopt before the first answer (or for an empty query).
    std::optional<std::vector<core::CatalogEntry>> found;
    bool unavailable = false;  // the search failed (no server, a broken database)
    bool more = false;         // as many as the kiosk shows: there may be more
};

struct FindBookIntent {
    TopBarIntent top;
    std::optional<std::string> typed;  // a letter, a digit or a space
    bool erase = false;
    bool clear = false;
    bool show_keyboard = false;  // the query was tapped
    bool hide_keyboard = false;  // "search": the whole list
    std::optional<KeyboardLayout> layout;
    bool back = false;
};

FindBookIntent draw(const FindBookScreen& screen, const ScreenContext& context);

}  // namespace kitap::kiosk
