#pragma once

#include "core/circulation/station.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/platform/audio.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/ui/icons.hpp"

#include <optional>
#include <string>

namespace kitap::kiosk {

enum class BannerTone { success, info, refused };

// What one scan did, as the big banner says it: an icon, a few words a
// seven-year-old reads at a glance, and the full sentence from core's wording.
struct BannerText {
    BannerTone tone = BannerTone::info;
    Icon icon = Icon::info;
    std::string headline;
    std::string message;
};

// The translation key of the headline (kiosk.banner.*) for an outcome.
std::string banner_headline_key(const core::StationOutcome& outcome);
BannerText banner_text(const core::StationOutcome& outcome, const app::Translator& tr);
// How core's severity of an outcome is felt: success sounds one way and shows green,
// refusals and faults another in amber; a notice is quiet and blue.
struct Feedback {
    BannerTone tone = BannerTone::info;
    std::optional<Sound> sound;
};
Feedback feedback_for(core::Severity severity);

// Draws the banner filling `pos`/`size` (the headline shrinks to one line, the
// message wraps).
void draw_banner(ImDrawList& list, const BannerText& banner, ImVec2 pos, ImVec2 size, const Theme& theme);

}  // namespace kitap::kiosk
