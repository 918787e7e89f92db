#include "kiosk/gui/flows/fault_flow.hpp"

#include "kiosk/gui/flows/kiosk_settings.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

constexpr auto fault_retry_time = std::chrono::seconds(3);

}  // namespace

void FaultFlow::start() {
    worker_.post([demo = demo_](KioskLibrary& library) { return open_library(library, demo); },
                 [this](tl::expected<StoredSettings, Fault> opened) -> Effects {
                     library_open_ = opened.has_value();
                     if (!opened) return {.fault = opened.error()};
                     return {.opened = std::move(*opened)};
                 });
}

const FaultScreen& FaultFlow::enter(const Fault& fault, bool scan_lost) {
    const bool was_lost = screen_ && screen_->scan_lost;
    screen_.emplace();
    screen_->fault = fault;
    screen_->scan_lost = scan_lost || was_lost;
    retry_at_ = Steady::now() + fault_retry_time;
    return *screen_;
}

Effects FaultFlow::scan_lost() {
    screen_->scan_lost = true;
    return {.sounds = {Sound::error}, .changed = true};
}

Effects FaultFlow::tick(Steady::time_point steady) {
    if (!database_fault() || retrying_ || steady < retry_at_) return {};
    retrying_ = true;
    worker_.post([demo = demo_](KioskLibrary& library) { return open_library(library, demo); },
                 [this](tl::expected<StoredSettings, Fault> opened) { return reopened(std::move(opened)); });
    return {};
}

Effects FaultFlow::reopened(tl::expected<StoredSettings, Fault> opened) {
    retrying_ = false;
    library_open_ = opened.has_value();
    if (!database_fault()) return {};  // a scan went through meanwhile
    if (opened) {
        screen_.reset();  // works again: a fresh station, the welcome screen
        return {.changed = true, .opened = std::move(*opened), .recovered = true};
    }
    Effects effects{.redraw = true};
    effects.changed = opened.error().kind != screen_->fault.kind;  // a different fault is a different screen
    screen_->fault = opened.error();
    retry_at_ = Steady::now() + fault_retry_time;
    return effects;
}

FaultScreen& FaultFlow::screen(Steady::time_point steady) {
    screen_->retry_seconds =
        static_cast<int>(std::max<long long>(std::chrono::ceil<std::chrono::seconds>(retry_at_ - steady).count(), 0));
    return *screen_;
}

}  // namespace kitap::kiosk
