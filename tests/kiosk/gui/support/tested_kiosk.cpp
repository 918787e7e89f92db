#include "tests/kiosk/gui/support/tested_kiosk.hpp"

#include "tests/kiosk/gui/support/sample_library.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <regex>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kitap::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

bool TestedKiosk::can_run() { return find_program("Xvfb").has_value(); }

bool TestedKiosk::can_tap() { return find_program("xdotool").has_value(); }

TestedKiosk::TestedKiosk() {
    // A kiosk that died makes scan() fail (EPIPE) instead of killing the test.
    signal(SIGPIPE, SIG_IGN);
    create_sample_library(db_path(), "123456");
    if (mkfifo(fifo().c_str(), 0600) != 0) throw std::runtime_error("mkfifo " + fifo().string());
    display_.emplace(dir_.path() / "xvfb.log");
}

TestedKiosk::~TestedKiosk() {
    unplug();
    if (kiosk_ && kiosk_->running()) {
        kiosk_->signal(SIGTERM);
        kiosk_->wait_for_exit(20s);
    }
    // KITAP_E2E_SCREENSHOTS=DIR keeps each test's screenshots in DIR/<test>/ to look at.
    if (const char* keep = std::getenv("KITAP_E2E_SCREENSHOTS"); keep && *keep) {
        const auto target = fs::path(keep) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::error_code error;
        fs::remove_all(target, error);
        fs::create_directories(target, error);
        fs::copy(screenshot_dir(), target, fs::copy_options::recursive, error);
    }
    if (::testing::Test::HasFailure()) {
        std::ifstream text(log());
        std::cerr << "--- kiosk.log ---\n" << text.rdbuf() << "\n--- screenshots: ";
        for (const auto& name : screenshots()) std::cerr << name << ' ';
        std::cerr << '\n';
    }
}

void TestedKiosk::start(const std::vector<std::string>& more, const std::string& language) {
    std::vector<std::string> args{KITAP_KIOSK_BINARY,
                                  "--db",
                                  db_path().string(),
                                  "--scanner",
                                  "pipe:" + fifo().string(),
                                  "--windowed",
                                  "1280x800",
                                  "--lang",
                                  language,
                                  "--screenshot-dir",
                                  screenshot_dir().string(),
                                  "--print-outcomes",
                                  "--mute"};
    args.insert(args.end(), more.begin(), more.end());
    // Mesa's software driver leaks and is unloaded before LeakSanitizer reports (see kiosk_e2e_test.cpp).
    kiosk_.emplace(args, std::vector<std::string>{"DISPLAY=" + display_->name(), "ASAN_OPTIONS=detect_leaks=0"}, log());
    plug_in();
}

void TestedKiosk::plug_in() {
    // The pipe source opens the FIFO once the kiosk runs; until then opening it to write fails.
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while ((scanner_ = open(fifo().c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0 &&
           std::chrono::steady_clock::now() < deadline && kiosk_->running())
        std::this_thread::sleep_for(50ms);
    ASSERT_GE(scanner_, 0) << "the kiosk never opened its pipe: source";
}

void TestedKiosk::unplug() {
    if (scanner_ >= 0) close(scanner_);
    scanner_ = -1;
}

void TestedKiosk::scan(const std::string& code) {
    const std::string line = code + "\n";
    ASSERT_EQ(write(scanner_, line.data(), line.size()), static_cast<ssize_t>(line.size()))
        << "the kiosk has gone: " << std::strerror(errno);
}

void TestedKiosk::xdotool(const std::string& arguments) {
    const std::string command = "DISPLAY=" + display_->name() + " xdotool " + arguments;
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

void TestedKiosk::tap(float x, float y) {
    xdotool("mousemove " + std::to_string(static_cast<int>(x)) + " " + std::to_string(static_cast<int>(y)) +
            " click 1");
    std::this_thread::sleep_for(150ms);
}

std::vector<std::string> TestedKiosk::screenshots() const {
    std::vector<std::string> names;
    static const std::regex name(R"(\d{4}-[a-z_]+\.png)");
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(screenshot_dir(), error))
        if (std::regex_match(entry.path().filename().string(), name)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

std::string TestedKiosk::wait_for_screenshot(std::size_t count, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto names = screenshots();
        if (names.size() >= count) return names[count - 1];
        if (!kiosk_->running()) break;
        std::this_thread::sleep_for(50ms);
    }
    return "";
}

std::vector<std::string> TestedKiosk::printed_outcomes() const {
    std::vector<std::string> lines;
    std::ifstream text(log());
    for (std::string line; std::getline(text, line);)
        if (line.starts_with("{")) lines.push_back(line);
    return lines;
}

}  // namespace kitap::testing
