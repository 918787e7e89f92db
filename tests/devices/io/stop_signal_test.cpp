#include "devices/io/stop_signal.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <thread>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;

struct Pipe {
    Pipe() { EXPECT_EQ(::pipe(fds), 0); }
    ~Pipe() {
        ::close(fds[0]);
        if (fds[1] >= 0) ::close(fds[1]);
    }
    int fds[2] = {-1, -1};
};

TEST(StopSignal, SleepsUnlessStopped) {
    StopSignal stop;
    EXPECT_FALSE(stop.requested());
    EXPECT_FALSE(stop.sleep_for(5ms));
    std::thread stopper([&] {
        std::this_thread::sleep_for(20ms);
        stop.request();
    });
    const auto started = std::chrono::steady_clock::now();
    EXPECT_TRUE(stop.sleep_for(10s));
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
    EXPECT_TRUE(stop.requested());
    stopper.join();
}

TEST(StopSignal, WaitsForDataHangUpTimeOrStop) {
    StopSignal stop;
    Pipe pipe;
    EXPECT_EQ(stop.wait_readable(pipe.fds[0], 5ms), WaitResult::timed_out);
    ASSERT_EQ(::write(pipe.fds[1], "x", 1), 1);
    EXPECT_EQ(stop.wait_readable(pipe.fds[0], 5ms), WaitResult::readable);
    char byte = 0;
    ASSERT_EQ(::read(pipe.fds[0], &byte, 1), 1);
    ::close(pipe.fds[1]);
    pipe.fds[1] = -1;
    EXPECT_EQ(stop.wait_readable(pipe.fds[0], 5ms), WaitResult::hung_up);
    stop.request();
    EXPECT_EQ(stop.wait_readable(pipe.fds[0], 5ms), WaitResult::stopped);
}

}  // namespace
}  // namespace kitap::devices
