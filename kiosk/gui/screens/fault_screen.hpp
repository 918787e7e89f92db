#pragma once

#include "kiosk/gui/model/fault.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/top_bar.hpp"

namespace kitap::kiosk {

// The kiosk cannot serve pupils right now: what is wrong in plain words, that
// nothing already scanned is lost, and that it is trying again by itself.
struct FaultScreen {
    TopBar top;
    Fault fault;
    bool scan_lost = false;  // a scan arrived and could not be recorded
    int retry_seconds = 0;
};

struct FaultIntent {
    TopBarIntent top;
};

FaultIntent draw(const FaultScreen& screen, const ScreenContext& context);

}  // namespace kitap::kiosk
