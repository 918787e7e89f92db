#include "kiosk/web/bounded_task_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace kitap::web {
namespace {

using namespace std::chrono_literals;

// With its one worker busy and one task waiting, the next enqueue (the accepting
// thread) waits: the connection after it stays in the kernel's backlog.
TEST(BoundedTaskQueue, EnqueueWaitsWhileTheQueueIsFull) {
    BoundedTaskQueue queue(1, 1);
    std::promise<void> release;
    auto released = release.get_future().share();
    std::atomic<int> done{0};
    queue.enqueue([released, &done] {
        released.wait();
        ++done;
    });
    std::this_thread::sleep_for(50ms);  // the worker takes the first task
    queue.enqueue([&done] { ++done; });
    auto third = std::async(std::launch::async, [&] { queue.enqueue([&done] { ++done; }); });
    EXPECT_EQ(third.wait_for(200ms), std::future_status::timeout);
    release.set_value();
    EXPECT_EQ(third.wait_for(5s), std::future_status::ready);
    queue.shutdown();
    EXPECT_EQ(done, 3) << "every task queued is run before the workers stop";
}

}  // namespace
}  // namespace kitap::web
