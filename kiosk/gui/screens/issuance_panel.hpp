#pragma once

#include "core/circulation/station.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/class_progress.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// The librarian's class issuance: pick a class (or scan a pupil's card), see each
// pupil's set, scan a card and then the pupil's textbooks at the desk station, or
// give the whole class its sets from stock at once.
struct IssuancePanel {
    std::vector<core::ClassProvision> classes;       // the classes to pick from
    std::optional<core::ClassSetProgress> progress;  // the class at the desk
    std::optional<std::string> pupil_card;           // the pupil being served
    bool scroll_to_pupil = false;                    // bring the served pupil into view, once
    std::optional<core::StationOutcome> banner;      // what the last scan did
    std::optional<core::IssueSetResult> preview;     // "issue the whole set?": what it would do
    std::optional<core::IssueSetResult> issued;      // what the whole-class issuance did
    std::optional<std::string> notice_key;           // a refusal to say, e.g. the class has no curriculum
};

struct IssuanceIntent {
    std::optional<std::string> pick_class;
    std::optional<std::string> serve_card;  // a pupil tapped in the list: as if the card were scanned
    bool other_class = false;
    bool ask_issue_all = false;
    bool confirm_issue_all = false;
    bool cancel_issue_all = false;
};

IssuanceIntent draw(const IssuancePanel& panel, const ScreenContext& context, Rect area);

// Where the class-set buttons are, for the screen and the end-to-end test that taps them.
struct IssuanceLayout {
    Rect issue_all;  // "give the whole class its sets"
    Rect other_class;
    Rect question;  // "give the class its sets?", over the rest
    Rect confirm;
    Rect cancel;
};
IssuanceLayout issuance_layout(Rect area, float scale);

}  // namespace kitap::kiosk
