#include "kiosk/gui/platform/window.hpp"

#include "kiosk/gui/platform/screenshot.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cmath>
#include <utility>

namespace kitap::kiosk {
namespace {

// GLFW reports errors through a callback; the last one explains a failed call.
std::string last_glfw_error;

void on_glfw_error(int, const char* description) { last_glfw_error = description ? description : "unknown"; }

// ImGui's GLFW backend installs none of its callbacks (install_callbacks=false):
// these forward pointer events and focus, and keep keys for the scanner decoder.
void note_input(GLFWwindow* window) {
    if (auto* self = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window))) self->note_input();
}
void on_mouse_button(GLFWwindow* window, int button, int action, int) {
    note_input(window);
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);  // where the pointer is now: only if it never moved
    if (auto* self = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window)))
        self->queue_pointer(button, action == GLFW_PRESS, {static_cast<float>(x), static_cast<float>(y)});
}
// Motion alone draws nothing (a touchscreen has no hover): it only places the next press.
void on_cursor_pos(GLFWwindow* window, double x, double y) {
    if (auto* self = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window)))
        self->pointer_moved(static_cast<float>(x), static_cast<float>(y));
}
void on_scroll(GLFWwindow* window, double x, double y) {
    note_input(window);
    ImGui_ImplGlfw_ScrollCallback(window, x, y);
}
void on_focus(GLFWwindow* window, int focused) {
    note_input(window);
    ImGui_ImplGlfw_WindowFocusCallback(window, focused);
}
void on_cursor_enter(GLFWwindow* window, int entered) {
    note_input(window);
    ImGui_ImplGlfw_CursorEnterCallback(window, entered);
}

}  // namespace

KioskWindow::KioskWindow(std::optional<WindowSize> windowed, const std::string& title) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) throw WindowError("cannot open a window: " + last_glfw_error);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws with neither; without a GPU each would be another screen-sized buffer in RAM.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // losing focus must not minimise the kiosk
    GLFWmonitor* monitor = nullptr;
    int width = 1280, height = 800;
    if (windowed) {
        width = windowed->width;
        height = windowed->height;
    } else {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
            glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        }
    }
    window_ = glfwCreateWindow(width, height, title.c_str(), monitor, nullptr);
    if (!window_) {
        glfwTerminate();
        throw WindowError("cannot open a window: " + last_glfw_error);
    }
    glfwSetWindowUserPointer(window_, this);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    if (!windowed) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // a touchscreen has no pointer

    glfwSetKeyCallback(window_, on_key);
    glfwSetWindowCloseCallback(window_, on_close);
    glfwSetMouseButtonCallback(window_, on_mouse_button);
    glfwSetCursorPosCallback(window_, on_cursor_pos);
    glfwSetScrollCallback(window_, on_scroll);
    glfwSetWindowFocusCallback(window_, on_focus);
    glfwSetCursorEnterCallback(window_, on_cursor_enter);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of the layout is remembered between runs
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(window_, false);
    ImGui_ImplOpenGL3_Init("#version 130");
    // Its shaders now rather than in the first NewFrame(), which would also upload
    // the atlas a second time (and, once update_scale() has freed the atlas's pixels,
    // rebuild it with ImGui's default font).
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    imgui_ready_ = true;
    update_scale();
}

KioskWindow::~KioskWindow() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

void KioskWindow::set_key_handler(std::function<void(const devices::KeyStroke&)> handler) {
    key_handler_ = std::move(handler);
}

void KioskWindow::set_close_allowed(bool allowed) { close_allowed_ = allowed; }

bool KioskWindow::close_requested() const { return close_allowed_ && glfwWindowShouldClose(window_); }

void KioskWindow::on_key(GLFWwindow* window, int, int scancode, int action, int mods) {
    if (action != GLFW_PRESS) return;  // presses only: no releases, no auto-repeat
    auto* self = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window));
    if (!self || !self->key_handler_) return;
    self->note_input();
    // X11 and Wayland scancodes are Linux input key codes + 8.
    self->key_handler_(devices::KeyStroke{
        .key_code = scancode - 8,
        .shift = (mods & GLFW_MOD_SHIFT) != 0,
        .control = (mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) != 0,
        .character = 0,
        .time = devices::Clock::now(),
    });
}

// Alt-F4 and the window manager's close button end up here: in pupil mode the
// request is simply forgotten.
void KioskWindow::on_close(GLFWwindow* window) {
    auto* self = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window));
    if (!self || !self->close_allowed_) glfwSetWindowShouldClose(window, GLFW_FALSE);
}

void KioskWindow::wait(double timeout_seconds) {
    if (timeout_seconds <= 0)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_seconds);
}

void KioskWindow::poll() { glfwPollEvents(); }

void KioskWindow::wake() { glfwPostEmptyEvent(); }

bool KioskWindow::take_input() { return std::exchange(input_, false); }

bool KioskWindow::mouse_held() const { return glfwGetMouseButton(window_, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS; }

void KioskWindow::update_scale() {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    const float scale = ui_scale_for(width, height);
    if (theme_.fonts.body && std::abs(scale - theme_.scale) < 0.01f) return;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    theme_.scale = scale;
    theme_.fonts = load_fonts(atlas, scale);
    apply_style(ImGui::GetStyle(), scale);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    // The GL texture is all that is drawn from: the atlas's own pixels (Alpha8 and
    // RGBA32) and its copies of the font files go. A new scale builds a new atlas.
    atlas.ClearTexData();
    atlas.ClearInputData();
}

void KioskWindow::begin_frame() {
    update_scale();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    replay_pointer();
    ImGui::NewFrame();
}

// After the backend has read the pointer: this frame sees the next queued press or
// release where it happened, and the buttons as the touches so far left them.
void KioskWindow::replay_pointer() {
    ImGuiIO& io = ImGui::GetIO();
    if (const auto event = pointer_.next()) io.MousePos = ImVec2(event->x, event->y);
    for (int button = 0; button < PointerQueue::buttons; ++button) io.MouseDown[button] = pointer_.held(button);
}

bool KioskWindow::end_frame(const std::optional<std::filesystem::path>& screenshot) {
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 paper = ImGui::ColorConvertU32ToFloat4(colours::paper);
    glClearColor(paper.x, paper.y, paper.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bool written = true;
    if (screenshot) written = write_framebuffer_png(*screenshot, width, height);
    glfwSwapBuffers(window_);
    return written;
}

}  // namespace kitap::kiosk
