#pragma once

#include "core/circulation/station.hpp"
#include "kiosk/gui/model/kiosk_library.hpp"
#include "kiosk/gui/screens/camera_panel.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/top_bar.hpp"

#include <optional>
#include <string>

namespace kitap::kiosk {

// Nobody's session is open: "scan your card", and what the last scan without a
// session did (a book returned, "scan your card first", goodbye).
struct WelcomeScreen {
    TopBar top;
    std::string opening_hours;                   // empty: not shown
    std::optional<core::StationOutcome> banner;  // cleared a few seconds after the scan
    std::optional<CameraView> camera;
    LinkStatus link;  // offline: one line says scans are kept and checked later
};

struct WelcomeIntent {
    TopBarIntent top;
    bool find_book = false;  // "Find a book" tapped
};

WelcomeIntent draw(const WelcomeScreen& screen, const ScreenContext& context);

}  // namespace kitap::kiosk
