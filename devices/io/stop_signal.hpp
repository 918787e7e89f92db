#pragma once

#include "devices/io/unique_fd.hpp"

#include <chrono>

namespace kitap::devices {

enum class WaitResult { readable, hung_up, timed_out, stopped };

// Tells a reader thread blocked in poll() to stop: an eventfd that the thread
// polls together with its device, so stop() takes effect at once instead of at
// the next timeout.
class StopSignal {
public:
    StopSignal();

    void request();
    bool requested() const;

    // Sleeps for `duration` unless stopped first; true when stopped.
    bool sleep_for(std::chrono::milliseconds duration) const;

    // Waits until `fd` is readable or hung up, the timeout passes or stop is requested.
    WaitResult wait_readable(int fd, std::chrono::milliseconds timeout) const;

private:
    UniqueFd event_fd_;
};

}  // namespace kitap::devices
