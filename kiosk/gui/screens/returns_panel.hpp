#pragma once

#include "core/circulation/station.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"

#include <array>
#include <optional>
#include <vector>

namespace kitap::kiosk {

// Year-end returns at the desk station in return mode: every scan takes a book
// back, in the condition chosen for it (good unless a button says otherwise).
struct ReturnsPanel {
    std::optional<core::ReaderSummary> reader;  // the card scanned last: textbooks by ISBN need it
    std::vector<core::HeldItem> held;           // what that reader still holds
    core::Condition condition = core::Condition::good;
    std::optional<core::StationOutcome> banner;
    std::vector<core::StationOutcome> returned;  // taken back while this screen is open, newest first
};

struct ReturnsIntent {
    std::optional<core::Condition> condition;
    bool next_pupil = false;
};

ReturnsIntent draw(const ReturnsPanel& panel, const ScreenContext& context, Rect area);

inline constexpr std::array<core::Condition, 4> conditions{core::Condition::good, core::Condition::worn,
                                                           core::Condition::damaged, core::Condition::lost};

struct ReturnsLayout {
    std::array<Rect, 4> conditions{};  // good, worn, damaged, lost
    Rect next_pupil;
};
ReturnsLayout returns_layout(Rect area, float scale);

}  // namespace kitap::kiosk
