#include "devices/keyboard/wedge_decoder.hpp"

#include "tests/devices/support/key_recording.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;
using testing::load_key_recording;

const std::filesystem::path data = KITAP_DEVICES_TEST_DATA;

// What the window would see: scans, and the characters typed into its text field.
struct Replay {
    std::vector<ScanEvent> scans;
    std::u32string typed;
};

// Feeds the keys at their recorded times, flushing as a window loop would
// between keys, and once more a second after the last one.
Replay replay(WedgeDecoder& decoder, const std::vector<KeyStroke>& keys) {
    Replay result;
    auto take = [&](WedgeOutput output) {
        for (const auto& key : output.typed) result.typed += key.character;
        if (output.scan) result.scans.push_back(*output.scan);
    };
    for (const auto& key : keys) {
        if (const auto deadline = decoder.flush_deadline(); deadline && *deadline < key.time)
            take(decoder.flush(*deadline + 1ms));
        take(decoder.feed(key));
    }
    if (!keys.empty()) take(decoder.flush(keys.back().time + 1s));
    return result;
}

KeyStroke key(int code, Clock::time_point time, bool shift = false, char32_t character = 0) {
    return {.key_code = code, .shift = shift, .control = false, .character = character, .time = time};
}

TEST(WedgeDecoder, ReadsScansUnderTheRussianLayoutAndPassesThePersonsTypingOn) {
    WedgeDecoder decoder;
    const auto result = replay(decoder, load_key_recording(data / "wedge_russian_layout.keys", Clock::now()));
    ASSERT_EQ(result.scans.size(), 4u);
    EXPECT_EQ(result.scans[0].text, "9786010000018");
    EXPECT_EQ(result.scans[0].symbology, Symbology::unknown);
    EXPECT_EQ(result.scans[1].text, "KTP-00017");  // typed as "ъС1ЛЕЗ-00017" by the Russian layout
    EXPECT_EQ(result.scans[1].symbology, Symbology::code128);
    EXPECT_EQ(result.scans[2].text, "20000014");  // ended by Tab
    EXPECT_EQ(result.scans[3].text, "9786017062217");
    EXPECT_EQ(result.scans[3].symbology, Symbology::ean13);
    EXPECT_EQ(result.scans[3].source, "wedge");
    // "поиск" and the pupil's hand-typed "2000", each with its Enter, reach the text field.
    EXPECT_EQ(result.typed, U"поиск⏎2000⏎");
}

TEST(WedgeDecoder, ReadsDigitsUnderTheKazakhLayoutWhereTheDigitRowTypesLetters) {
    WedgeDecoder decoder;
    const auto result = replay(decoder, load_key_recording(data / "wedge_kazakh_layout.keys", Clock::now()));
    ASSERT_EQ(result.scans.size(), 2u);
    EXPECT_EQ(result.scans[0].text, "20000014");  // typed as ә қ қ қ қ қ " ң
    EXPECT_EQ(result.scans[1].text, "9786010000018");
    EXPECT_EQ(result.typed, U"әқәң");  // the person's "2024", released without an Enter
}

TEST(WedgeDecoder, TimesTheScanAtItsTerminator) {
    WedgeDecoder decoder;
    const auto start = Clock::now();
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(decoder.feed(key(KEY_5, start + i * 3ms)).empty());
    const auto output = decoder.feed(key(KEY_ENTER, start + 12ms));
    ASSERT_TRUE(output.scan);
    EXPECT_EQ(output.scan->text, "5555");
    EXPECT_EQ(output.scan->time, start + 12ms);
    EXPECT_FALSE(decoder.flush_deadline());
}

TEST(WedgeDecoder, TreatsShortFastBurstsAsTyping) {
    WedgeDecoder decoder;
    const auto start = Clock::now();
    decoder.feed(key(KEY_1, start));
    decoder.feed(key(KEY_2, start + 5ms));
    const auto output = decoder.feed(key(KEY_ENTER, start + 10ms));
    EXPECT_FALSE(output.scan);
    EXPECT_EQ(output.typed.size(), 3u);
}

TEST(WedgeDecoder, ReleasesHeldKeysOnlyOnceTheGapHasPassed) {
    WedgeDecoder decoder;
    const auto start = Clock::now();
    decoder.feed(key(KEY_7, start, false, U'7'));
    EXPECT_EQ(decoder.flush_deadline(), start + 30ms);
    EXPECT_TRUE(decoder.flush(start + 30ms).empty());
    const auto output = decoder.flush(start + 31ms);
    ASSERT_EQ(output.typed.size(), 1u);
    EXPECT_EQ(output.typed[0].character, U'7');
}

TEST(WedgeDecoder, NeverMakesAScanOfControlKeysOrKeysThatTypeNothing) {
    WedgeDecoder decoder;
    const auto start = Clock::now();
    auto feed_burst = [&](KeyStroke odd) {
        decoder.feed(key(KEY_1, start));
        decoder.feed(key(KEY_2, start + 2ms));
        odd.time = start + 4ms;
        decoder.feed(odd);
        decoder.feed(key(KEY_3, start + 6ms));
        return decoder.feed(key(KEY_ENTER, start + 8ms));
    };
    auto with_ctrl = key(KEY_C, start);
    with_ctrl.control = true;
    EXPECT_FALSE(feed_burst(with_ctrl).scan);
    EXPECT_FALSE(feed_burst(key(KEY_F5, start)).scan);
}

TEST(WedgeDecoder, IgnoresModifierKeysTheWindowPassesOn) {
    WedgeDecoder decoder;
    const auto start = Clock::now();
    decoder.feed(key(KEY_LEFTSHIFT, start));
    decoder.feed(key(KEY_K, start + 1ms, true));
    decoder.feed(key(KEY_LEFTSHIFT, start + 2ms));
    decoder.feed(key(KEY_T, start + 3ms, true));
    decoder.feed(key(KEY_P, start + 5ms, true));
    decoder.feed(key(KEY_1, start + 7ms));
    const auto output = decoder.feed(key(KEY_ENTER, start + 9ms));
    ASSERT_TRUE(output.scan);
    EXPECT_EQ(output.scan->text, "KTP1");
}

// What fuzz_evdev_decoder found in the evdev decoder, here: "]E0" and Enter made a scan with no text.
TEST(WedgeDecoder, TakesABurstOfOnlyAnAimIdentifierAsNoScan) {
    WedgeDecoder decoder(WedgeOptions{.max_key_gap = 30ms, .min_length = 3, .max_length = 8});
    const auto start = Clock::now();
    decoder.feed(key(KEY_RIGHTBRACE, start));
    decoder.feed(key(KEY_E, start + 2ms, true));
    decoder.feed(key(KEY_0, start + 4ms));
    const auto output = decoder.feed(key(KEY_ENTER, start + 6ms));
    EXPECT_TRUE(output.empty());
    EXPECT_FALSE(decoder.flush_deadline());
}

TEST(WedgeDecoder, ReleasesABurstLongerThanAnyBarcode) {
    WedgeDecoder decoder(WedgeOptions{.max_key_gap = 30ms, .min_length = 4, .max_length = 8});
    const auto start = Clock::now();
    std::size_t typed = 0;
    for (int i = 0; i < 9; ++i) typed += decoder.feed(key(KEY_9, start + i * 2ms)).typed.size();
    EXPECT_EQ(typed, 9u);
}

}  // namespace
}  // namespace kitap::devices
