#pragma once

#include <array>
#include <deque>
#include <optional>

namespace kitap::kiosk {

// Touches in the order they happened, one per frame. Dear ImGui 1.86 reads the
// pointer as it is when a frame starts, so on a busy kiosk two quick taps between
// frames would merge into one (a PIN digit lost) and a tap's release would land
// where the next tap moved the pointer. Each press and release is replayed in a
// frame of its own, at the place it happened: where the motion before it left the
// pointer, in the window system's order, since asking where the pointer is when the
// kiosk gets round to a press (late, when busy) finds it at the next tap's key.
class PointerQueue {
public:
    static constexpr int buttons = 3;  // left, right, middle: what ImGui tracks

    struct Event {
        int button = 0;
        bool pressed = false;
        float x = 0, y = 0;
    };

    void push(const Event& event) {
        if (event.button >= 0 && event.button < buttons) events_.push_back(event);
    }

    void moved(float x, float y) { at_ = {x, y}; }
    // A press or release where the last motion left the pointer, else at `fallback`.
    void push(int button, bool pressed, std::array<float, 2> fallback) {
        const auto [x, y] = at_.value_or(fallback);
        push({button, pressed, x, y});
    }

    // The next event for this frame, if any; held() then says what is down.
    std::optional<Event> next() {
        if (events_.empty()) return std::nullopt;
        const Event event = events_.front();
        events_.pop_front();
        held_[event.button] = event.pressed;
        return event;
    }

    bool pending() const { return !events_.empty(); }
    bool held(int button) const { return button >= 0 && button < buttons && held_[button]; }

private:
    std::deque<Event> events_;
    std::array<bool, buttons> held_{};
    std::optional<std::array<float, 2>> at_;
};

}  // namespace kitap::kiosk
