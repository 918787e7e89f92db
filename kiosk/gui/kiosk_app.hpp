#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/flows/desk_flow.hpp"
#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/flows/fault_flow.hpp"
#include "kiosk/gui/flows/find_book_flow.hpp"
#include "kiosk/gui/flows/frame_pacer.hpp"
#include "kiosk/gui/flows/librarian_pin_flow.hpp"
#include "kiosk/gui/flows/outcome_recorder.hpp"
#include "kiosk/gui/flows/pupil_flow.hpp"
#include "kiosk/gui/kiosk_options.hpp"
#include "kiosk/gui/model/scanner_hub.hpp"
#include "kiosk/gui/platform/audio.hpp"
#include "kiosk/gui/platform/screenshot.hpp"
#include "kiosk/gui/platform/texture.hpp"
#include "kiosk/gui/platform/window.hpp"
#include "kiosk/gui/screens/demo_strip.hpp"
#include "kiosk/gui/screens/top_bar.hpp"
#include "kiosk/gui/screens/working_indicator.hpp"

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace kitap::kiosk {

enum class ScreenId { welcome, session, pin, librarian, fault, reader_pin, find_book };
std::string_view to_string(ScreenId screen);

// The kiosk: one loop that drains the scan sources, hands each scan to the flow
// whose screen is up, takes the library's answers back from the worker, applies
// the effects the flows return, draws the current screen and acts on what the
// person touched. It sleeps in glfwWaitEventsTimeout until input, a scan, an
// answer or the next timer (the clock's minute, a countdown's second).
class KioskApp {
public:
    // `library`: a LocalKioskLibrary or a RemoteKioskLibrary, opened by the app's worker;
    // `library_place` says where it is on the librarian's screen (a file, a server).
    KioskApp(KioskOptions options, app::Config config, std::unique_ptr<ScannerHub> hub,
             std::unique_ptr<KioskLibrary> library, std::string library_place);
    ~KioskApp();

    // Runs until the librarian closes the kiosk or SIGTERM/SIGINT; the exit code.
    // The library's request under way is finished either way.
    int run();

private:
    using Steady = std::chrono::steady_clock;

    void apply(Effects effects);
    void apply_settings(const StoredSettings& settings);
    void enter_fault(const Fault& fault, bool scan_lost);
    Fault scanner_fault() const;
    void open_librarian(std::optional<UnlockReport> unlock_report);
    void drain_devices();
    // A scan, or a session screen's button as a command value: one stream, in order.
    using PupilInput = std::variant<devices::ScanEvent, core::StationCommand>;
    void handle_input(PupilInput input);
    void handle_scan(const devices::ScanEvent& event);
    void handle_typed(const devices::KeyStroke& key);
    void tick();
    // The next scan or button waits until the library has answered everything before it and
    // the last outcome's screenshot is taken: every outcome is on screen before the next.
    bool input_ready() const;
    bool working_shown() const;

    ScreenId current_screen() const;
    TopBar top_bar(bool librarian_corner) const;
    std::optional<CameraView> camera_view();
    void act(const TopBarIntent& intent);
    void draw_frame();
    FramePacer::Timers timers() const;

    KioskOptions options_;
    app::Config config_;
    std::string library_place_;
    std::unique_ptr<ScannerHub> hub_;
    std::unique_ptr<KioskWindow> window_;
    std::unique_ptr<SoundPlayer> sounds_;
    std::optional<ScreenshotNamer> screenshots_;
    PreviewTexture camera_texture_;
    LibraryWorker worker_;  // before the flows, which post to it

    app::Language default_language_ = app::Language::kk;
    app::Language language_ = app::Language::kk;
    bool language_chosen_ = false;

    FramePacer pacer_;
    OutcomeRecorder recorder_;
    FaultFlow faults_;
    PupilFlow pupils_;
    LibrarianPinFlow pin_;
    DeskFlow desk_;
    FindBookFlow finder_;
    DemoStrip demo_;
    WorkingIndicator working_;

    std::deque<PupilInput> pending_;
    std::optional<ScreenId> drawn_screen_;
    bool running_ = true;
};

}  // namespace kitap::kiosk
