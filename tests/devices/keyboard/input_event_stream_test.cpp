#include "devices/keyboard/input_event_stream.hpp"

#include "tests/devices/support/key_recording.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

TEST(InputEventStream, ReassemblesEventsSplitAcrossReads) {
    const auto events = testing::scanner_events("12");
    const auto bytes = testing::as_bytes(events);
    InputEventStream stream;
    std::vector<input_event> out;
    for (std::size_t at = 0; at < bytes.size(); at += 7) {
        const auto some = stream.feed(std::string_view(bytes).substr(at, 7));
        out.insert(out.end(), some.begin(), some.end());
    }
    ASSERT_EQ(out.size(), events.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        EXPECT_EQ(out[i].type, events[i].type);
        EXPECT_EQ(out[i].code, events[i].code);
        EXPECT_EQ(out[i].value, events[i].value);
    }
}

TEST(InputEventStream, DropsAPartialEventOnReset) {
    const auto bytes = testing::as_bytes(testing::scanner_events("1"));
    InputEventStream stream;
    EXPECT_TRUE(stream.feed(std::string_view(bytes).substr(0, 5)).empty());
    stream.reset();
    EXPECT_EQ(stream.feed(std::string_view(bytes).substr(0, sizeof(input_event))).size(), 1u);
}

}  // namespace
}  // namespace kitap::devices
