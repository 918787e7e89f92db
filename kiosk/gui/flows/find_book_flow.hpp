#pragma once

#include "kiosk/app/translator.hpp"
#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/screens/find_book_screen.hpp"

#include <chrono>
#include <cstdint>
#include <optional>

namespace kitap::kiosk {

// "Find a book", opened from the welcome screen: the search screen, a search on the
// worker after every change of the query (an answer to an older query is dropped),
// and its closing when nobody has touched it for the pupils' idle timeout, as a
// pupil's session closes. A scan closes it too (the app's doing).
class FindBookFlow {
public:
    using Steady = std::chrono::steady_clock;

    explicit FindBookFlow(LibraryWorker& worker) : worker_(worker) {}

    // The keyboard in the layout of the kiosk's language.
    void open(app::Language language, std::chrono::seconds idle_timeout, Steady::time_point now);
    void close() { screen_.reset(); }
    bool active() const { return screen_.has_value(); }
    FindBookScreen& screen() { return *screen_; }

    Effects touch(const FindBookIntent& intent, Steady::time_point now);
    // "Reserve" was touched: the next scan is the reader's card, for card_scanned.
    bool awaits_card() const { return screen_ && screen_->reservation && screen_->reservation->awaits_card(); }
    Effects card_scanned(const std::string& card, Steady::time_point now);
    Effects tick(Steady::time_point now);

private:
    void search();
    std::optional<ReservedBook> start_reservation(std::size_t found_index);

    LibraryWorker& worker_;
    std::optional<FindBookScreen> screen_;
    Steady::time_point touched_;
    std::chrono::seconds idle_timeout_{60};
    std::uint64_t asked_ = 0;  // searches posted; only the latest one's answer is shown
};

}  // namespace kitap::kiosk
