#include "kiosk/gui/model/scanner_hub.hpp"

#include "devices/source_factory.hpp"

#include <algorithm>
#include <type_traits>

namespace kitap::kiosk {

tl::expected<std::unique_ptr<ScannerHub>, devices::DeviceError> ScannerHub::make(
    const std::vector<std::string>& scanners, const std::optional<std::string>& camera,
    const devices::DeviceOptions& options) {
    std::unique_ptr<ScannerHub> hub(new ScannerHub());
    std::vector<std::string> specs = scanners;
    if (camera) specs.push_back(*camera);
    for (const auto& spec : specs) {
        auto source = devices::make_source(spec, options);
        if (!source) return tl::unexpected(source.error());
        SourceState state{.name = (*source)->name()};
        if (auto* wedge = dynamic_cast<devices::WedgeSource*>(source->get())) {
            state.is_window_keyboard = true;
            if (!hub->wedge_) hub->wedge_ = wedge;
        }
        if (auto* cam = dynamic_cast<devices::CameraSource*>(source->get())) {
            state.is_camera = true;
            if (!hub->camera_) hub->camera_ = cam;
        }
        hub->states_.push_back(std::move(state));
        hub->sources_.push_back(std::move(*source));
    }
    return hub;
}

ScannerHub::~ScannerHub() { stop(); }

void ScannerHub::start(std::function<void()> wakeup) {
    if (started_) return;
    started_ = true;
    queue_.set_wakeup(std::move(wakeup));
    for (auto& source : sources_) source->start(queue_);
}

void ScannerHub::stop() {
    for (auto& source : sources_) source->stop();
}

void ScannerHub::key_pressed(const devices::KeyStroke& key) {
    if (wedge_) wedge_->feed(key);
}

void ScannerHub::inject(const std::string& text, const std::string& source) {
    queue_.post(devices::ScanEvent{.text = text, .source = source, .time = devices::Clock::now()});
}

SourceState* ScannerHub::state_of(const std::string& source) {
    auto found = std::find_if(states_.begin(), states_.end(), [&](const SourceState& s) { return s.name == source; });
    return found == states_.end() ? nullptr : &*found;
}

ScannerHub::Drained ScannerHub::drain() {
    Drained drained;
    for (auto& event : queue_.drain()) {
        std::visit(
            [&](auto& e) {
                using Event = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<Event, devices::ScanEvent>) {
                    if (auto* state = state_of(e.source)) {
                        state->last_scan = e.time;
                        ++state->scans;
                    }
                    drained.scans.push_back(std::move(e));
                } else if constexpr (std::is_same_v<Event, devices::StatusEvent>) {
                    if (auto* state = state_of(e.source)) {
                        state->status = e.status;
                        state->detail = e.detail;
                        drained.status_changed = true;
                    }
                } else {
                    drained.typed.insert(drained.typed.end(), e.keys.begin(), e.keys.end());
                }
            },
            event);
    }
    return drained;
}

bool ScannerHub::all_scanners_lost() const {
    bool any = false;
    for (const auto& state : states_) {
        if (state.is_window_keyboard) continue;  // always there while the window is
        any = true;
        const bool gone = state.status == devices::SourceStatus::lost || state.status == devices::SourceStatus::failed;
        if (!gone) return false;
    }
    return any;
}

}  // namespace kitap::kiosk
