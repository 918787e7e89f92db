#include "devices/io/source_thread.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;

TEST(SourceThread, RunsTheBodyUntilStopped) {
    std::atomic<bool> ran = false, saw_stop = false;
    SourceThread thread;
    thread.start([&](const StopSignal& stop) {
        ran = true;
        saw_stop = stop.sleep_for(10s);
    });
    thread.stop();
    EXPECT_TRUE(ran);
    EXPECT_TRUE(saw_stop);
    thread.stop();  // twice is fine
}

TEST(SourceThread, StopsBeforeStartAndStartsOnce) {
    SourceThread never_started;
    never_started.stop();
    std::atomic<int> runs = 0;
    SourceThread thread;
    thread.start([&](const StopSignal& stop) {
        ++runs;
        stop.sleep_for(10s);
    });
    thread.start([&](const StopSignal&) { ++runs; });
    thread.stop();
    EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace kitap::devices
