#include "devices/keyboard/wedge_source.hpp"

#include "tests/devices/support/event_waiting.hpp"

#include <gtest/gtest.h>

#include <linux/input-event-codes.h>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;
using namespace testing;

KeyStroke key(int code, Clock::time_point time, char32_t character = 0) {
    return {.key_code = code, .shift = false, .control = false, .character = character, .time = time};
}

TEST(WedgeSource, PostsScansFedByTheWindow) {
    EventQueue queue;
    WedgeSource source;
    source.start(queue);
    const auto start = Clock::now();
    int i = 0;
    for (int code : {KEY_2, KEY_0, KEY_0, KEY_1, KEY_4, KEY_ENTER}) source.feed(key(code, start + i++ * 2ms));
    const auto events = take_until(queue, has_scans(1));
    EXPECT_EQ(statuses(events), std::vector{SourceStatus::connected});
    EXPECT_EQ(scan_texts(events), std::vector<std::string>{"20014"});
}

TEST(WedgeSource, ReleasesTypedKeysByItselfWhenThePersonStops) {
    EventQueue queue;
    WedgeSource source;
    source.start(queue);
    source.feed(key(KEY_A, Clock::now(), U'ф'));
    const auto events = take_until(queue, [](const auto& taken) {
        return std::any_of(taken.begin(), taken.end(),
                           [](const auto& e) { return std::holds_alternative<TypedKeys>(e); });
    });
    const auto typed =
        std::find_if(events.begin(), events.end(), [](const auto& e) { return std::holds_alternative<TypedKeys>(e); });
    ASSERT_NE(typed, events.end());
    ASSERT_EQ(std::get<TypedKeys>(*typed).keys.size(), 1u);
    EXPECT_EQ(std::get<TypedKeys>(*typed).keys[0].character, U'ф');
}

TEST(WedgeSource, IgnoresKeysBeforeStartAndAfterStop) {
    EventQueue queue;
    WedgeSource source;
    source.feed(key(KEY_A, Clock::now()));
    source.start(queue);
    source.stop();
    source.feed(key(KEY_A, Clock::now()));
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(queue.drain().size(), 1u);  // only `connected`
}

}  // namespace
}  // namespace kitap::devices
