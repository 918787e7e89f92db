#pragma once

#include "tests/kiosk/gui/support/child_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kitap::testing {

// The built kitap-kiosk as a pupil meets it, for end-to-end tests: on the sample
// library in a folder of its own, under an Xvfb of its own, its scanner a pipe:
// FIFO the test writes codes into (the FIFO's writer is the scanner: unplug() and
// plug_in() close and open it), screenshots after every outcome and screen change,
// printed outcomes (--print-outcomes) and everything else in kiosk.log.
class TestedKiosk {
public:
    // Whether Xvfb is installed; tests skip without it.
    static bool can_run();

    TestedKiosk();
    ~TestedKiosk();  // SIGTERM, and the kiosk's log on stderr when the test failed
    TestedKiosk(const TestedKiosk&) = delete;
    TestedKiosk& operator=(const TestedKiosk&) = delete;

    // Starts the kiosk (extra arguments after the usual ones) in `language` and plugs the scanner in.
    void start(const std::vector<std::string>& more = {}, const std::string& language = "en");
    void scan(const std::string& code);
    // A finger on the screen at (x, y), through xdotool (see can_tap()).
    void tap(float x, float y);
    static bool can_tap();
    void unplug();
    void plug_in();
    // Runs xdotool with `arguments` on the kiosk's display: keys typed, taps (needs xdotool).
    void xdotool(const std::string& arguments);

    // Screenshot names (0001-welcome.png...) in order.
    std::vector<std::string> screenshots() const;
    // Waits for screenshot number `count` and returns its name ("" on timeout or exit).
    std::string wait_for_screenshot(std::size_t count, std::chrono::seconds timeout = std::chrono::seconds(20));
    // The lines the kiosk printed for its outcomes (JSON, one per outcome on screen).
    std::vector<std::string> printed_outcomes() const;

    ChildProcess& process() { return *kiosk_; }
    const std::filesystem::path& folder() const { return dir_.path(); }
    std::filesystem::path db_path() const { return dir_.path() / "kitap.db"; }
    std::filesystem::path screenshot_dir() const { return dir_.path() / "shots"; }

private:
    std::filesystem::path fifo() const { return dir_.path() / "scans.fifo"; }
    std::filesystem::path log() const { return dir_.path() / "kiosk.log"; }

    TempDir dir_;
    std::optional<VirtualDisplay> display_;
    std::optional<ChildProcess> kiosk_;
    int scanner_ = -1;  // the FIFO's writing end while plugged in
};

}  // namespace kitap::testing
