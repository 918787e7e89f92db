#pragma once

#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/model/fault.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <vector>

namespace kitap::kiosk {

// --print-outcomes: a JSON line for every outcome and fault screen, printed after
// the frame showing it is drawn and swapped. The outcome is then on the glass and
// was committed before that, so a line printed is a promise the database keeps.
// --print-frames: a line for every frame, how long it took and whether the library
// was still working on something (kitap-bench's frames while the database is locked).
class OutcomeRecorder {
public:
    // Records nothing where the stream is null (the option not given).
    explicit OutcomeRecorder(std::ostream* out, std::ostream* frames = nullptr) : out_(out), frames_(frames) {}

    void shown(std::vector<ShownOutcome> outcomes);
    void fault(const Fault& fault, bool scan_lost);
    // "Find a book": {"search": QUERY, "titles": [{"title", "available", "total"}...]}, or "unavailable": true.
    void found(const FoundBooks& found);
    // A reservation: {"reserve": TITLE, "title_id", "awaiting_card": true} when the card is asked
    // for, then {"reserve", "title_id", "outcome": "hold"|"refused", "reason", "position"} (or
    // "unavailable": true).
    void reserved(const ReservedBook& reserved);
    // After a frame is drawn: what it showed, with how long it took since its scan.
    void frame_drawn(devices::Clock::time_point frame_started, const app::Translator& tr, bool working = false);

private:
    std::ostream* out_;
    std::ostream* frames_;
    std::vector<ShownOutcome> outcomes_;
    std::optional<nlohmann::json> fault_;
    std::optional<nlohmann::json> found_;
    std::optional<nlohmann::json> reserved_;
};

}  // namespace kitap::kiosk
