#include "devices/keyboard/event_file_source.hpp"

#include "tests/devices/support/event_waiting.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;

const std::filesystem::path data = KITAP_DEVICES_TEST_DATA;

TEST(EventFileSource, ReplaysARecordedScannerSession) {
    EventQueue queue;
    // A session in the kernel's x86-64 input_event layout (generated, as `cat
    // /dev/input/eventN` would save it): an LED event at plug-in, an ISBN with its
    // AIM id, a label ended by Tab, Ctrl+C Enter (no scan), a Codabar label.
    EventFileSource source("events:session", data / "scanner_session.events");
    source.start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::ended));
    EXPECT_EQ(scan_texts(events), (std::vector<std::string>{"9786010000018", "KTP-00017", "A40156B"}));
    EXPECT_EQ(std::get<ScanEvent>(events[1]).symbology, Symbology::ean13);
    EXPECT_EQ(std::get<ScanEvent>(events[3]).symbology, Symbology::codabar);
    EXPECT_EQ(statuses(events), (std::vector{SourceStatus::connected, SourceStatus::ended}));
}

// `cat /dev/input/eventN > FIFO`: a scanner while someone streams into the FIFO,
// unplugged when they stop, back when they start again.
TEST(EventFileSource, AStreamIntoAFifoIsAScannerThatComesAndGoes) {
    TempDir dir;
    const auto fifo = dir / "events";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::ifstream file(data / "scanner_session.events", std::ios::binary);
    const std::string recording{std::istreambuf_iterator<char>(file), {}};
    EventQueue queue;
    EventFileSource source("events:fifo", fifo, ReconnectOptions{std::chrono::milliseconds(20)});
    source.start(queue);
    for (int plugged = 0; plugged < 2; ++plugged) {
        const int writer = ::open(fifo.c_str(), O_WRONLY);  // blocks until the source has it open
        ASSERT_GE(writer, 0);
        ASSERT_EQ(::write(writer, recording.data(), recording.size()), static_cast<ssize_t>(recording.size()));
        const auto events = take_until(queue, has_scans(3));
        EXPECT_EQ(scan_texts(events), (std::vector<std::string>{"9786010000018", "KTP-00017", "A40156B"}));
        ::close(writer);
        EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});
    }
}

TEST(EventFileSource, FailsOnAMissingRecording) {
    EventQueue queue;
    EventFileSource source("events:x", "/nonexistent/recording.events");
    source.start(queue);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::failed))), std::vector{SourceStatus::failed});
}

}  // namespace
}  // namespace kitap::devices
