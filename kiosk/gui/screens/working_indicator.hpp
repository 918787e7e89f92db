#pragma once

#include "kiosk/gui/screens/screen_context.hpp"

namespace kitap::kiosk {

// Over any screen while the library takes longer than a moment (another program
// holds the database): the kiosk has the scan and is writing it down. `phase`
// moves the dots, a step each time it is drawn anew.
struct WorkingIndicator {
    int phase = 0;
};

void draw(const WorkingIndicator& indicator, const ScreenContext& context);

}  // namespace kitap::kiosk
