#pragma once

#include "kiosk/app/translator.hpp"
#include "kiosk/gui/screens/screen_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// A quiet dot for each scanner and the camera: ok, or not (with the word for it).
struct DeviceDot {
    bool camera = false;
    bool ok = false;
};

struct TopBar {
    std::string school_name;
    std::string clock;  // "14:05"
    app::Language language = app::Language::kk;
    std::vector<DeviceDot> devices;
    bool show_languages = true;
    bool librarian_corner = true;  // the hold-to-open corner (pupil screens only)
};

struct TopBarIntent {
    std::optional<app::Language> language;
    bool librarian_requested = false;  // the corner was held long enough
};

TopBarIntent draw_top_bar(const TopBar& bar, const ScreenContext& context);

}  // namespace kitap::kiosk
