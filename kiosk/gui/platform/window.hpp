#pragma once

#include "devices/keyboard/key_stroke.hpp"
#include "kiosk/gui/kiosk_options.hpp"
#include "kiosk/gui/platform/pointer_queue.hpp"
#include "kiosk/gui/ui/theme.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace kitap::kiosk {

class WindowError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The kiosk's one window: GLFW + OpenGL 3 + Dear ImGui, full screen unless asked
// for a window, fonts scaled to the framebuffer. Keys go to the key handler (the
// wedge decoder), not to ImGui: pupils never type, and a scanner's burst must
// never land in a text field. Closing (Alt-F4, the window manager) is refused
// unless allowed.
class KioskWindow {
public:
    KioskWindow(std::optional<WindowSize> windowed, const std::string& title);
    ~KioskWindow();
    KioskWindow(const KioskWindow&) = delete;
    KioskWindow& operator=(const KioskWindow&) = delete;

    void set_key_handler(std::function<void(const devices::KeyStroke&)> handler);
    void set_close_allowed(bool allowed);
    bool close_requested() const;

    // Sleeps until an event (input, glfwPostEmptyEvent from another thread) or the timeout.
    void wait(double timeout_seconds);
    void poll();
    // Wakes wait() from any thread.
    static void wake();

    // Starts a frame; rebuilds the fonts first when the framebuffer's scale changed.
    void begin_frame();
    // Renders and shows the frame; with `screenshot`, first writes it to that PNG.
    // Returns false when the screenshot could not be written.
    bool end_frame(const std::optional<std::filesystem::path>& screenshot);

    const Theme& theme() const { return theme_; }
    bool mouse_held() const;
    // True once after any pointer, key or focus event: ImGui then needs a frame or two.
    bool take_input();
    void note_input() { input_ = true; }
    // Touches not yet replayed: each needs a frame of its own.
    bool pointer_pending() const { return pointer_.pending(); }
    void pointer_moved(float x, float y) { pointer_.moved(x, y); }
    void queue_pointer(int button, bool pressed, std::array<float, 2> fallback) {
        pointer_.push(button, pressed, fallback);
    }

private:
    static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void on_close(GLFWwindow* window);
    void update_scale();
    void replay_pointer();

    GLFWwindow* window_ = nullptr;
    std::function<void(const devices::KeyStroke&)> key_handler_;
    bool close_allowed_ = false;
    bool imgui_ready_ = false;
    bool input_ = true;
    PointerQueue pointer_;
    Theme theme_;
};

}  // namespace kitap::kiosk
