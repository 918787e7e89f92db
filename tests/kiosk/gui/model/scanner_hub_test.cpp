#include "kiosk/gui/model/scanner_hub.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

// Drains until `done` says so or two seconds pass.
template <typename Done>
void drain_until(ScannerHub& hub, ScannerHub::Drained& all, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        auto drained = hub.drain();
        for (auto& scan : drained.scans) all.scans.push_back(std::move(scan));
        all.status_changed |= drained.status_changed;
        std::this_thread::sleep_for(10ms);
    }
}

TEST(ScannerHub, PipeScansAndDemoScansArriveInOneQueue) {
    testing::TempDir dir;
    const auto file = dir.path() / "scans.txt";
    std::ofstream(file) << "21000011\n30000001\n";
    auto hub = ScannerHub::make({"pipe:" + file.string()}, std::nullopt);
    ASSERT_TRUE(hub) << hub.error().message();
    std::atomic<int> wakeups = 0;
    (*hub)->start([&] { ++wakeups; });
    ScannerHub::Drained all;
    drain_until(**hub, all, [&] { return all.scans.size() >= 2; });
    (*hub)->inject("KITAP-DONE", "demo");
    drain_until(**hub, all, [&] { return all.scans.size() >= 3; });
    ASSERT_EQ(all.scans.size(), 3u);
    EXPECT_EQ(all.scans[0].text, "21000011");
    EXPECT_EQ(all.scans[1].text, "30000001");
    EXPECT_EQ(all.scans[2].text, "KITAP-DONE");
    EXPECT_EQ(all.scans[2].source, "demo");
    EXPECT_GE(wakeups.load(), 3);
    EXPECT_EQ((*hub)->sources().at(0).scans, 2);
    (*hub)->stop();
}

TEST(ScannerHub, AMissingScannerIsLost) {
    auto hub = ScannerHub::make({"pipe:/nonexistent/kitap-scanner"}, std::nullopt);
    ASSERT_TRUE(hub);
    (*hub)->start([] {});
    ScannerHub::Drained all;
    drain_until(**hub, all, [&] { return (*hub)->all_scanners_lost(); });
    EXPECT_TRUE((*hub)->all_scanners_lost());
    EXPECT_EQ((*hub)->sources().at(0).status, devices::SourceStatus::lost);
}

// The pipe's writer is the scanner: it leaves (unplugged), every scanner is gone; the
// next writer brings it back before it writes anything.
TEST(ScannerHub, AScannerUnpluggedAndPluggedBack) {
    testing::TempDir dir;
    const auto fifo = dir.path() / "scans";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    devices::DeviceOptions options;
    options.reconnect.retry_interval = 20ms;
    auto hub = ScannerHub::make({"pipe:" + fifo.string(), "wedge"}, std::nullopt, options);
    ASSERT_TRUE(hub);
    (*hub)->start([] {});
    int writer = open(fifo.c_str(), O_WRONLY);  // blocks until the pipe source has it open
    ASSERT_GE(writer, 0);
    ASSERT_EQ(write(writer, "21000011\n", 9), 9);
    ScannerHub::Drained all;
    drain_until(**hub, all, [&] { return !all.scans.empty(); });
    EXPECT_FALSE((*hub)->all_scanners_lost());

    close(writer);
    drain_until(**hub, all, [&] { return (*hub)->all_scanners_lost(); });
    EXPECT_TRUE((*hub)->all_scanners_lost()) << "the window keyboard does not count";
    EXPECT_EQ((*hub)->sources().at(0).status, devices::SourceStatus::lost);

    writer = open(fifo.c_str(), O_WRONLY);
    ASSERT_GE(writer, 0);
    drain_until(**hub, all, [&] { return !(*hub)->all_scanners_lost(); });
    EXPECT_EQ((*hub)->sources().at(0).status, devices::SourceStatus::connected);
    close(writer);
    (*hub)->stop();
}

TEST(ScannerHub, TheWindowKeyboardIsNeverLost) {
    auto hub = ScannerHub::make({"wedge"}, std::nullopt);
    ASSERT_TRUE(hub);
    EXPECT_TRUE((*hub)->has_wedge());
    EXPECT_FALSE((*hub)->all_scanners_lost());
}

TEST(ScannerHub, KeyBurstsFromTheWindowAreScans) {
    auto hub = ScannerHub::make({"wedge"}, std::nullopt);
    ASSERT_TRUE(hub);
    (*hub)->start([] {});
    // "1234" + Enter typed 5 ms apart, as a scanner does (key codes: 2..5, Enter 28).
    auto t = devices::Clock::now();
    for (int code : {2, 3, 4, 5, 28}) {
        (*hub)->key_pressed({.key_code = code, .time = t});
        t += 5ms;
    }
    ScannerHub::Drained all;
    drain_until(**hub, all, [&] { return !all.scans.empty(); });
    ASSERT_EQ(all.scans.size(), 1u);
    EXPECT_EQ(all.scans[0].text, "1234");
}

TEST(ScannerHub, ABadSpecIsRefused) {
    auto hub = ScannerHub::make({"serial:/dev/ttyS0@12"}, std::nullopt);
    ASSERT_FALSE(hub);
    EXPECT_NE(hub.error().message().find("12"), std::string::npos);
}

}  // namespace
}  // namespace kitap::kiosk
