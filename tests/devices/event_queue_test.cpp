#include "devices/event_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace kitap::devices {
namespace {

ScanEvent scan(std::string text) { return {.text = std::move(text), .source = "test", .time = Clock::now()}; }

TEST(EventQueue, DrainsInOrderWithoutWaiting) {
    EventQueue queue;
    EXPECT_TRUE(queue.drain().empty());
    queue.post(scan("1"));
    queue.post(StatusEvent{.source = "test", .status = SourceStatus::lost});
    queue.post(scan("2"));
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(std::get<ScanEvent>(events[0]).text, "1");
    EXPECT_EQ(std::get<StatusEvent>(events[1]).status, SourceStatus::lost);
    EXPECT_EQ(std::get<ScanEvent>(events[2]).text, "2");
    EXPECT_TRUE(queue.drain().empty());
}

TEST(EventQueue, DropsTheOldestBeyondItsCapacity) {
    EventQueue queue(2);
    for (auto text : {"1", "2", "3"}) queue.post(scan(text));
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(std::get<ScanEvent>(events[0]).text, "2");
    EXPECT_EQ(queue.dropped(), 1u);
}

TEST(EventQueue, WaitsForTheNextEventOrTimesOut) {
    EventQueue queue;
    EXPECT_FALSE(queue.wait_next(std::chrono::milliseconds(10)));
    std::thread poster([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        queue.post(scan("late"));
    });
    const auto event = queue.wait_next(std::chrono::seconds(5));
    poster.join();
    ASSERT_TRUE(event);
    EXPECT_EQ(std::get<ScanEvent>(*event).text, "late");
}

TEST(EventQueue, WakesTheUiAfterEachPost) {
    EventQueue queue;
    std::atomic<int> wakeups = 0;
    queue.set_wakeup([&] { ++wakeups; });
    queue.post(scan("1"));
    queue.post(scan("2"));
    EXPECT_EQ(wakeups, 2);
}

TEST(EventQueue, TakesPostsFromManyThreads) {
    EventQueue queue(100000);
    std::vector<std::thread> posters;
    for (int t = 0; t < 4; ++t)
        posters.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) queue.post(scan("x"));
        });
    std::size_t drained = 0;
    while (drained < 4000) drained += queue.drain().size();
    for (auto& poster : posters) poster.join();
    EXPECT_EQ(drained, 4000u);
}

}  // namespace
}  // namespace kitap::devices
