#include "devices/keyboard/evdev_decoder.hpp"

#include "tests/devices/support/key_recording.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using testing::scanner_events;

std::vector<ScanEvent> decode(EvdevDecoder& decoder, const std::vector<input_event>& events) {
    std::vector<ScanEvent> scans;
    for (const auto& event : events)
        if (auto scan = decoder.feed(event, Clock::now())) scans.push_back(*scan);
    return scans;
}

input_event key(int code, int value) {
    input_event event{};
    event.type = EV_KEY;
    event.code = static_cast<__u16>(code);
    event.value = value;
    return event;
}

TEST(EvdevDecoder, DecodesWithTheShiftTheScannerSent) {
    EvdevDecoder decoder("evdev:auto");
    const auto scans = decode(decoder, scanner_events("]C1Kitap-42"));
    ASSERT_EQ(scans.size(), 1u);
    EXPECT_EQ(scans[0].text, "Kitap-42");
    EXPECT_EQ(scans[0].symbology, Symbology::code128);
    EXPECT_EQ(scans[0].source, "evdev:auto");
}

TEST(EvdevDecoder, EndsScansOnTabToo) {
    EvdevDecoder decoder("evdev");
    auto events = scanner_events("111", KEY_TAB);
    const auto more = scanner_events("222", KEY_KPENTER);
    events.insert(events.end(), more.begin(), more.end());
    const auto scans = decode(decoder, events);
    ASSERT_EQ(scans.size(), 2u);
    EXPECT_EQ(scans[1].text, "222");
}

TEST(EvdevDecoder, DropsLinesWithKeysThatTypeNothingOrWithControlHeld) {
    EvdevDecoder decoder("evdev");
    EXPECT_TRUE(decode(decoder, {key(KEY_1, 1), key(KEY_F3, 1), key(KEY_2, 1), key(KEY_ENTER, 1)}).empty());
    EXPECT_TRUE(
        decode(decoder, {key(KEY_LEFTCTRL, 1), key(KEY_C, 1), key(KEY_ENTER, 1), key(KEY_LEFTCTRL, 0)}).empty());
    const auto scans = decode(decoder, {key(KEY_7, 1), key(KEY_7, 2), key(KEY_7, 0), key(KEY_ENTER, 1)});
    ASSERT_EQ(scans.size(), 1u);
    EXPECT_EQ(scans[0].text, "7");  // autorepeat is no second key
}

TEST(EvdevDecoder, ForgetsAHalfTypedCodeAndAHeldShiftOnReset) {
    EvdevDecoder decoder("evdev");
    decode(decoder, {key(KEY_LEFTSHIFT, 1), key(KEY_A, 1)});
    decoder.reset();
    const auto scans = decode(decoder, {key(KEY_B, 1), key(KEY_ENTER, 1)});
    ASSERT_EQ(scans.size(), 1u);
    EXPECT_EQ(scans[0].text, "b");
}

// Found by fuzz_evdev_decoder (corpus/fuzz_evdev_decoder/aim_identifier_only.events).
TEST(EvdevDecoder, MakesNoScanOfAnAimIdentifierAlone) {
    EvdevDecoder decoder("evdev");
    EXPECT_TRUE(decode(decoder, scanner_events("]E0")).empty());
    EXPECT_EQ(decode(decoder, scanner_events("]E01")).size(), 1u);
}

TEST(EvdevDecoder, RefusesOverlongLines) {
    EvdevDecoder decoder("evdev", 4);
    EXPECT_TRUE(decode(decoder, scanner_events("12345")).empty());
    EXPECT_EQ(decode(decoder, scanner_events("1234")).size(), 1u);
}

}  // namespace
}  // namespace kitap::devices
