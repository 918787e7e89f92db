#include "kiosk/gui/flows/outcome_recorder.hpp"

#include "kiosk/app/outcome_json.hpp"

#include <iterator>

namespace kitap::kiosk {

void OutcomeRecorder::shown(std::vector<ShownOutcome> outcomes) {
    if (out_) std::ranges::move(outcomes, std::back_inserter(outcomes_));
}

void OutcomeRecorder::fault(const Fault& fault, bool scan_lost) {
    if (out_) fault_ = nlohmann::json{{"fault", to_string(fault.kind)}, {"scan_lost", scan_lost}};
}

void OutcomeRecorder::found(const FoundBooks& found) {
    if (!out_) return;
    auto titles = nlohmann::json::array();
    for (const auto& title : found.titles)
        titles.push_back({{"title", title.title}, {"available", title.available}, {"total", title.total}});
    found_ = {{"search", found.query}, {"titles", titles}};
    if (found.unavailable) (*found_)["unavailable"] = true;
}

void OutcomeRecorder::reserved(const ReservedBook& reserved) {
    if (!out_) return;
    reserved_ = {{"reserve", reserved.title}, {"title_id", reserved.title_id}};
    if (reserved.awaiting_card) {
        (*reserved_)["awaiting_card"] = true;
        return;
    }
    if (!reserved.placed) {
        (*reserved_)["unavailable"] = true;
        return;
    }
    const bool placed = reserved.placed->refusal == core::HoldRefusal::none;
    (*reserved_)["outcome"] = placed ? "hold" : "refused";
    (*reserved_)["reason"] = to_string(reserved.placed->refusal);
    (*reserved_)["position"] = reserved.placed->position;
}

void OutcomeRecorder::frame_drawn(devices::Clock::time_point frame_started, const app::Translator& tr, bool working) {
    const auto drawn = devices::Clock::now();
    auto milliseconds = [](auto duration) { return std::chrono::duration<double, std::milli>(duration).count(); };
    if (frames_)
        *frames_ << nlohmann::json{{"frame_ms", milliseconds(drawn - frame_started)}, {"working", working}}.dump()
                 << std::endl;
    if (!out_) return;
    if (fault_) *out_ << std::exchange(fault_, std::nullopt)->dump() << std::endl;
    if (found_) *out_ << std::exchange(found_, std::nullopt)->dump() << std::endl;
    if (reserved_) *out_ << std::exchange(reserved_, std::nullopt)->dump() << std::endl;
    if (outcomes_.empty()) return;
    for (const auto& shown : outcomes_) {
        auto line = app::outcome_json(shown.outcome, shown.mode, tr);
        line["scan_to_frame_ms"] = milliseconds(drawn - shown.scanned);
        line["frame_ms"] = milliseconds(drawn - frame_started);
        if (shown.offline) line["offline"] = true;
        *out_ << line.dump() << std::endl;
    }
    outcomes_.clear();
}

}  // namespace kitap::kiosk
