#pragma once

#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/textbooks/textbook_ledger.hpp"
#include "kiosk/gui/screens/camera_panel.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/top_bar.hpp"

#include <optional>
#include <vector>

namespace kitap::kiosk {

// One pupil's (or teacher's) visit: who, what they hold, what the last scan did,
// and how long until the session closes by itself. A new card means a new
// SessionScreen: nothing of the previous reader survives.
struct SessionScreen {
    TopBar top;
    core::ReaderSummary reader;
    std::vector<core::SessionItem> held;         // from core's session snapshot: late first
    std::optional<core::SetProgress> class_set;  // a pupil's textbooks for the year: held and still to get
    std::optional<core::StationOutcome> banner;
    int seconds_left = 30;  // until the idle timeout
    int warn_below = 10;    // the warning shows for the last seconds
    std::optional<CameraView> camera;
};

struct SessionIntent {
    TopBarIntent top;
    bool done = false;
    std::optional<core::RenewLoan> renew;  // the Renew button beside a book
};

SessionIntent draw(const SessionScreen& screen, const ScreenContext& context);

// "5Ә сынып", "teacher": how the reader's class or category reads.
std::string reader_subtitle(const core::ReaderSummary& reader, const app::Translator& tr);

}  // namespace kitap::kiosk
