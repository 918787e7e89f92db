#include "kiosk/gui/flows/frame_pacer.hpp"

#include <algorithm>

namespace kitap::kiosk {

void FramePacer::changed() {
    screenshot_due_ = screenshots_;  // without screenshots a scan need not wait for one
    frames_since_change_ = 0;
    redraw();
}

void FramePacer::redraw(int frames) { redraw_frames_ = std::max(redraw_frames_, frames); }

void FramePacer::input(Steady::time_point now) {
    redraw();
    last_input_ = now;
}

bool FramePacer::take_screenshot(bool settled) {
    if (!screenshot_due_ || !settled || ++frames_since_change_ < 2) return false;
    screenshot_due_ = false;
    return true;
}

void FramePacer::frame_drawn() {
    if (redraw_frames_ > 0) --redraw_frames_;
}

double FramePacer::wait_seconds(const Timers& timers) const {
    if (redraw_frames_ > 0 || timers.work_ready || (screenshot_due_ && timers.settled)) return 0;
    if (timers.finger_down) return 1.0 / 60;
    if (timers.camera) return 1.0 / 30;
    if (timers.animating) return 1.0 / 4;
    // Otherwise only the clock's next minute and the countdowns' next second.
    const auto now = std::chrono::system_clock::now();
    const auto into_minute = now.time_since_epoch() % std::chrono::minutes(1);
    double wait = std::chrono::duration<double>(std::chrono::minutes(1) - into_minute).count() + 0.01;
    const auto into_second = now.time_since_epoch() % std::chrono::seconds(1);
    const double next_second = std::chrono::duration<double>(std::chrono::seconds(1) - into_second).count() + 0.01;
    if (timers.countdown) wait = std::min(wait, next_second);
    if (timers.next_timer)
        wait = std::min(
            wait, std::max(std::chrono::duration<double>(*timers.next_timer - Steady::now()).count(), 0.0) + 0.01);
    return std::max(wait, 0.001);
}

}  // namespace kitap::kiosk
