#pragma once

#include "devices/scan_event.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace kitap::devices {

// Where every source's reader thread posts its events and the UI thread takes
// them (Tracy's RunQueue idea): posting never blocks on the reader side and
// draining never blocks on the UI side.
class EventQueue {
public:
    // A UI that nobody drains must not grow without end: beyond `capacity` the
    // oldest events are dropped and counted.
    explicit EventQueue(std::size_t capacity = 1024);

    void post(DeviceEvent event);

    // Everything posted so far, oldest first; never waits.
    std::vector<DeviceEvent> drain();

    // The oldest event, waiting at most `timeout` for one (for the command line).
    std::optional<DeviceEvent> wait_next(std::chrono::milliseconds timeout);

    // Called (on the posting thread) after each post, e.g. glfwPostEmptyEvent so a
    // kiosk asleep in glfwWaitEvents wakes up for the scan.
    void set_wakeup(std::function<void()> wakeup);

    std::size_t dropped() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable posted_;
    std::deque<DeviceEvent> events_;
    std::size_t capacity_;
    std::size_t dropped_ = 0;
    std::function<void()> wakeup_;
};

}  // namespace kitap::devices
