#include "devices/keyboard/event_file_source.hpp"

#include "tests/devices/support/event_waiting.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using namespace testing;

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

TEST(EventFileSource, FailsOnAMissingRecording) {
    EventQueue queue;
    EventFileSource source("events:x", "/nonexistent/recording.events");
    source.start(queue);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::failed))), std::vector{SourceStatus::failed});
}

}  // namespace
}  // namespace kitap::devices
