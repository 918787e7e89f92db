#pragma once

#include "kiosk/gui/ui/keypad_layout.hpp"

namespace kitap::testing {

inline bool inside(const kiosk::Rect& inner, const kiosk::Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

inline bool overlap(const kiosk::Rect& a, const kiosk::Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace kitap::testing
