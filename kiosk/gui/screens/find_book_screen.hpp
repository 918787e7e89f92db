#pragma once

#include "core/reports/catalog_search.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/top_bar.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/wire/station_wire.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// "Do you have ...?": the catalogue searched by anyone at the kiosk, with no card.
// What is typed on the on-screen keyboard, and the titles found with their shelves
// and how many copies are in. Never who holds a copy.
// "Reserve" touched on a title that is all out: the kiosk waits for the reader's card,
// then says what came of it.
struct Reservation {
    core::RowId title_id = 0;
    std::string title;
    std::optional<wire::HoldPlaced> placed;  // the library's answer, once the card was scanned
    bool unavailable = false;                // the library could not be asked

    bool answered() const { return placed || unavailable; }
    // Before an answer, and after a scan that was not a reader's card.
    bool awaits_card() const { return !answered() || (placed && placed->refusal == core::HoldRefusal::unknown_reader); }
};

// A title a reader may reserve: all out, and not a textbook (those come with the class set).
bool reservable(const core::CatalogEntry& entry);

struct FindBookScreen {
    TopBar top;
    std::string query;
    KeyboardLayout layout = KeyboardLayout::kk;
    bool keyboard_shown = true;
    // The titles found for `query`; nullopt before the first answer (or for an empty query).
    std::optional<std::vector<core::CatalogEntry>> found;
    bool unavailable = false;  // the search failed (no server, a broken database)
    bool more = false;         // as many as the kiosk shows: there may be more
    std::optional<Reservation> reservation;
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
    std::optional<std::size_t> reserve;  // the found title whose "Reserve" was touched
    bool reservation_closed = false;     // "Cancel" while waiting for the card, "OK" after
};

FindBookIntent draw(const FindBookScreen& screen, const ScreenContext& context);

}  // namespace kitap::kiosk
