#include "kiosk/gui/flows/find_book_flow.hpp"

#include "core/text/utf8.hpp"
#include "kiosk/wire/panel_wire.hpp"

#include <utility>

namespace kitap::kiosk {
namespace {

// A title or an author's name fits many times over; the rest of the box would scroll away.
constexpr std::size_t max_query_bytes = 120;

KeyboardLayout layout_of(app::Language language) {
    switch (language) {
        case app::Language::ru:
            return KeyboardLayout::ru;
        case app::Language::en:
            return KeyboardLayout::en;
        case app::Language::kk:
            break;
    }
    return KeyboardLayout::kk;
}

// The query less its last character (whole UTF-8 characters).
void erase_last(std::string& query) {
    while (!query.empty()) {
        const auto byte = static_cast<unsigned char>(query.back());
        query.pop_back();
        if ((byte & 0xC0) != 0x80) return;
    }
}

}  // namespace

void FindBookFlow::open(app::Language language, std::chrono::seconds idle_timeout, Steady::time_point now) {
    screen_.emplace(FindBookScreen{.layout = layout_of(language)});
    idle_timeout_ = idle_timeout;
    touched_ = now;
}

Effects FindBookFlow::touch(const FindBookIntent& intent, Steady::time_point now) {
    if (!screen_) return {};
    const bool touched = intent.typed || intent.erase || intent.clear || intent.show_keyboard || intent.hide_keyboard ||
                         intent.layout || intent.back || intent.reserve || intent.reservation_closed;
    if (!touched) return {};
    touched_ = now;
    if (intent.back) {
        close();
        return {.changed = true};
    }
    FindBookScreen& screen = *screen_;
    Effects effects{.changed = true};
    if (intent.reserve) effects.reserved = start_reservation(*intent.reserve);
    if (intent.reservation_closed) screen.reservation.reset();
    const std::string before = screen.query;
    if (intent.typed && screen.query.size() + intent.typed->size() <= max_query_bytes) screen.query += *intent.typed;
    if (intent.erase) erase_last(screen.query);
    if (intent.clear) screen.query.clear();
    if (intent.layout) screen.layout = *intent.layout;
    if (intent.show_keyboard) screen.keyboard_shown = true;
    if (intent.hide_keyboard) screen.keyboard_shown = false;
    if (screen.query != before) search();
    return effects;
}

void FindBookFlow::search() {
    FindBookScreen& screen = *screen_;
    const auto asked = ++asked_;
    if (core::trim(screen.query).empty()) {
        screen.found.reset();
        screen.unavailable = false;
        return;
    }
    worker_.post([query = screen.query](KioskLibrary& library) { return library.find_books(query); },
                 [this, asked](tl::expected<std::vector<core::CatalogEntry>, Fault> found) -> Effects {
                     if (!screen_ || asked != asked_) return {};
                     FindBookScreen& screen = *screen_;
                     // Not the fault screen: the next pupil's scan still works, or shows the fault itself.
                     screen.unavailable = !found.has_value();
                     screen.more = found && found->size() >= static_cast<std::size_t>(wire::catalog_search_limit);
                     screen.found = found ? std::optional(std::move(*found)) : std::nullopt;
                     return {.changed = true,
                             .found = FoundBooks{.query = screen.query,
                                                 .titles = screen.found.value_or(std::vector<core::CatalogEntry>{}),
                                                 .unavailable = screen.unavailable}};
                 });
}

std::optional<ReservedBook> FindBookFlow::start_reservation(std::size_t found_index) {
    FindBookScreen& screen = *screen_;
    if (!screen.found || found_index >= screen.found->size() || !reservable((*screen.found)[found_index]))
        return std::nullopt;
    const core::CatalogEntry& entry = (*screen.found)[found_index];
    screen.reservation = Reservation{.title_id = entry.title_id, .title = entry.title};
    screen.keyboard_shown = false;
    return ReservedBook{.title_id = entry.title_id, .title = entry.title, .awaiting_card = true};
}

// The reader's card for the reservation: placed for them, or told why not. A card that
// is not a reader's is refused as unknown_reader, and the reservation ends there.
Effects FindBookFlow::card_scanned(const std::string& card, Steady::time_point now) {
    touched_ = now;
    const Reservation asked = *screen_->reservation;
    worker_.post([card, title_id = asked.title_id](
                     KioskLibrary& library) { return library.place_hold(card, title_id, wall_now()); },
                 [this, asked](tl::expected<wire::HoldPlaced, Fault> placed) -> Effects {
                     if (!screen_ || !screen_->reservation || screen_->reservation->title_id != asked.title_id)
                         return {};
                     Reservation& reservation = *screen_->reservation;
                     reservation.unavailable = !placed.has_value();
                     if (placed) reservation.placed = *placed;
                     const bool held = placed && placed->refusal == core::HoldRefusal::none;
                     return {.sounds = {held ? Sound::success : Sound::error},
                             .changed = true,
                             .reserved = ReservedBook{.title_id = asked.title_id,
                                                      .title = asked.title,
                                                      .placed = placed ? std::optional(*placed) : std::nullopt}};
                 });
    return {.changed = true};
}

Effects FindBookFlow::tick(Steady::time_point now) {
    if (!screen_ || now - touched_ < idle_timeout_) return {};
    close();
    return {.changed = true, .restore_language = true};
}

}  // namespace kitap::kiosk
