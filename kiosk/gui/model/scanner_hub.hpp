#pragma once

#include "devices/camera/camera_source.hpp"
#include "devices/device_error.hpp"
#include "devices/device_options.hpp"
#include "devices/event_queue.hpp"
#include "devices/keyboard/wedge_source.hpp"
#include "devices/scan_event.hpp"
#include "devices/scan_source.hpp"

#include <tl/expected.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// What the kiosk knows of one source, for the status dots and the librarian.
struct SourceState {
    std::string name;
    bool is_camera = false;
    bool is_window_keyboard = false;              // `wedge`: a scanner typing into the kiosk window
    std::optional<devices::SourceStatus> status;  // nothing reported yet
    std::string detail;
    std::optional<devices::Clock::time_point> last_scan;
    int scans = 0;
};

// Every scan source of the kiosk feeding one event queue: the scanners and the
// camera from the command line, the window's keys (through the wedge source's
// decoder) and the demo strip's buttons. The UI thread drains it once a frame.
class ScannerHub {
public:
    // Makes (does not start) the sources the specs name.
    static tl::expected<std::unique_ptr<ScannerHub>, devices::DeviceError> make(
        const std::vector<std::string>& scanners, const std::optional<std::string>& camera,
        const devices::DeviceOptions& options = {});
    ~ScannerHub();
    ScannerHub(const ScannerHub&) = delete;
    ScannerHub& operator=(const ScannerHub&) = delete;

    // `wakeup` runs on the posting thread after every event (glfwPostEmptyEvent).
    void start(std::function<void()> wakeup);
    void stop();

    // A key pressed in the kiosk window; goes to the wedge decoder when there is a wedge.
    void key_pressed(const devices::KeyStroke& key);
    // A scan made on screen (the demo strip), queued exactly as a scanner's.
    void inject(const std::string& text, const std::string& source);

    struct Drained {
        std::vector<devices::ScanEvent> scans;
        std::vector<devices::KeyStroke> typed;  // keys a person typed (not a scanner burst)
        bool status_changed = false;
    };
    Drained drain();

    const std::vector<SourceState>& sources() const { return states_; }
    bool has_wedge() const { return wedge_ != nullptr; }
    devices::CameraSource* camera() const { return camera_; }
    std::size_t dropped_events() const { return queue_.dropped(); }
    // Every scanner (not counting the window keyboard and the demo strip) is lost or failed.
    bool all_scanners_lost() const;

private:
    ScannerHub() = default;
    SourceState* state_of(const std::string& source);

    devices::EventQueue queue_;
    std::vector<std::unique_ptr<devices::ScanSource>> sources_;
    std::vector<SourceState> states_;
    devices::WedgeSource* wedge_ = nullptr;
    devices::CameraSource* camera_ = nullptr;
    bool started_ = false;
};

}  // namespace kitap::kiosk
