#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/kiosk_options.hpp"
#include "kiosk/gui/model/kiosk_library.hpp"
#include "kiosk/gui/model/scanner_hub.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/platform/audio.hpp"
#include "kiosk/gui/platform/screenshot.hpp"
#include "kiosk/gui/platform/texture.hpp"
#include "kiosk/gui/platform/window.hpp"
#include "kiosk/gui/reader_pin_flow.hpp"
#include "kiosk/gui/screens/demo_strip.hpp"
#include "kiosk/gui/screens/fault_screen.hpp"
#include "kiosk/gui/screens/librarian_screen.hpp"
#include "kiosk/gui/screens/pin_screen.hpp"
#include "kiosk/gui/screens/session_screen.hpp"
#include "kiosk/gui/screens/welcome_screen.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace kitap::kiosk {

enum class ScreenId { welcome, session, pin, librarian, fault, reader_pin };
std::string_view to_string(ScreenId screen);

// The kiosk: one loop that drains the scan sources into the one core::Station,
// keeps one state struct per screen, draws the current screen and acts on what
// the person touched. It sleeps in glfwWaitEventsTimeout until input, a scan or
// the next timer (the clock's minute, a countdown's second).
class KioskApp {
public:
    KioskApp(KioskOptions options, app::Config config, std::unique_ptr<ScannerHub> hub);
    ~KioskApp();

    // Runs until the librarian closes the kiosk or SIGTERM/SIGINT; the exit code.
    int run();

private:
    using Steady = std::chrono::steady_clock;

    // What happens.
    void start_library();
    void drain_devices();
    void handle_scan(const devices::ScanEvent& event);
    void handle_command(const core::StationCommand& command);
    void show_handled(const KioskLibrary::Handled& handled, core::Timestamp now, devices::Clock::time_point scanned);
    void print_later(const core::StationOutcome& outcome, core::StationMode mode, devices::Clock::time_point scanned);
    void apply_outcome(const core::StationOutcome& outcome, core::Timestamp now);
    void enter_fault(const Fault& fault, bool scan_lost);
    Fault scanner_fault() const;
    void tick();
    void handle_typed(const devices::KeyStroke& key);
    bool restore_pin_guard();  // false after a fault
    void open_pin();
    void submit_pin();
    void open_librarian();
    void audit(core::LibrarianActionKind action, std::string detail = {});
    // Ends the station's session (the "done" command); false after a fault.
    bool end_station_session();
    void look_up(const std::string& code);
    // What the librarian scanned or typed: the desk station's on the textbook
    // tabs, a lookup on the others.
    void librarian_code(const std::string& code, const std::string& source, devices::Clock::time_point scanned);
    void at_desk(const std::string& code, const std::string& source,
                 devices::Clock::time_point scanned = devices::Clock::now());
    void at_desk(const core::StationCommand& command);
    void show_at_desk(const KioskLibrary::Handled& handled, devices::Clock::time_point scanned);
    void show_desk_outcome(const core::StationOutcome& outcome);
    void open_tab(LibrarianTab tab);
    void refresh_issuance();
    void refresh_returns();
    void refresh_stocktake();
    void refresh_reports();
    void act_issuance(const IssuanceIntent& intent);
    void act_stocktake(const StocktakeIntent& intent);
    void set_language(app::Language language);
    void load_settings();
    void load_demo_samples();
    // A reader's PIN after their card (kiosk_reader_pin.cpp): true when the outcome
    // was the keypad's to handle.
    bool reader_pin_outcome(const core::StationOutcome& outcome);
    void act_reader_pin(const ReaderPinEffect& effect);

    // What is drawn.
    ScreenId current_screen() const;
    TopBar top_bar(bool librarian_corner) const;
    std::optional<CameraView> camera_view();
    void draw_frame();
    void draw_reader_pin(const ScreenContext& context);
    void act(const TopBarIntent& intent);
    void act_librarian(const LibrarianIntent& intent);
    double wait_seconds() const;
    void changed();
    void print_shown_outcomes(devices::Clock::time_point frame_started);

    static core::Timestamp wall_now();

    KioskOptions options_;
    app::Config config_;
    std::unique_ptr<ScannerHub> hub_;
    KioskLibrary library_;
    std::unique_ptr<KioskWindow> window_;
    std::unique_ptr<SoundPlayer> sounds_;
    std::optional<ScreenshotNamer> screenshots_;
    PreviewTexture camera_texture_;

    app::Language default_language_ = app::Language::kk;
    app::Language language_ = app::Language::kk;
    bool language_chosen_ = false;

    WelcomeScreen welcome_;
    std::optional<Steady::time_point> welcome_banner_until_;
    std::optional<SessionScreen> session_;
    core::Timestamp last_activity_{};
    ReaderPinFlow reader_pin_;
    std::optional<PinScreen> pin_;
    std::string pin_digits_;
    Steady::time_point pin_opened_{};
    PinGuard pin_guard_;
    std::optional<std::string> demo_pin_hash_;
    std::optional<LibrarianScreen> librarian_;
    Steady::time_point librarian_touched_{};
    int librarian_lock_seconds_ = 120;
    std::optional<FaultScreen> fault_;
    Steady::time_point fault_retry_at_{};
    DemoStrip demo_;

    Steady::time_point last_input_ = Steady::now();  // a touch, a key or a scan
    std::deque<devices::ScanEvent> pending_scans_;
    std::deque<core::StationCommand> pending_commands_;  // session screen buttons, one a frame as scans
    struct ShownOutcome {  // --print-outcomes: printed once the frame showing it is drawn
        core::StationOutcome outcome;
        core::StationMode mode;
        devices::Clock::time_point scanned;
    };
    std::vector<ShownOutcome> outcomes_to_print_;
    std::optional<nlohmann::json> fault_to_print_;  // --print-outcomes: a fault screen, once shown
    std::optional<ScreenId> drawn_screen_;
    bool screenshot_due_ = false;
    int frames_since_change_ = 0;
    int redraw_frames_ = 2;
    bool running_ = true;
};

}  // namespace kitap::kiosk
