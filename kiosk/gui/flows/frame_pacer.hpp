#pragma once

#include <chrono>
#include <optional>

namespace kitap::kiosk {

// When the kiosk draws: a few frames after anything changes, a screenshot on the
// second frame after a change once the library has answered everything asked of it
// (ImGui's layout has settled and the screen shows what the pupil will see), and
// otherwise only when a timer is due, sleeping in between.
class FramePacer {
public:
    using Steady = std::chrono::steady_clock;

    explicit FramePacer(bool screenshots) : screenshots_(screenshots) {}

    // A new screen or outcome: redraw, and a screenshot when they are taken.
    void changed();
    // Only redraw (a countdown ticked, a status dot changed).
    void redraw(int frames = 2);
    // A touch, a key or a scan.
    void input(Steady::time_point now);
    Steady::time_point last_input() const { return last_input_; }
    // No scan is taken while the last one's screenshot is due: every outcome is in
    // the screenshots before the next.
    bool screenshot_due() const { return screenshot_due_; }
    // Called once per frame drawn: whether this frame is the one to keep.
    bool take_screenshot(bool settled);
    void frame_drawn();

    // What the loop waits for besides input.
    struct Timers {
        bool work_ready = false;   // a scan to take, a touch not yet handled
        bool settled = true;       // the library answered everything (a due screenshot waits for it)
        bool finger_down = false;  // dragging, holding the corner
        bool camera = false;       // its preview
        bool countdown = false;    // a screen counting seconds
        std::optional<Steady::time_point> next_timer;  // a banner, the language going back, "working…"
        bool animating = false;                        // the "working…" indicator
    };
    // How long the loop may sleep.
    double wait_seconds(const Timers& timers) const;

private:
    bool screenshots_;
    bool screenshot_due_ = false;
    int frames_since_change_ = 0;
    int redraw_frames_ = 2;
    Steady::time_point last_input_ = Steady::now();
};

}  // namespace kitap::kiosk
