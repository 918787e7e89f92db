#include "devices/io/stop_signal.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <system_error>

namespace kitap::devices {
namespace {

int poll_timeout(std::chrono::milliseconds timeout) {
    return timeout.count() < 0 ? -1 : static_cast<int>(timeout.count());
}

}  // namespace

StopSignal::StopSignal() : event_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    // Without it no reader thread could be stopped: broken infrastructure.
    if (!event_fd_) throw std::system_error(errno, std::generic_category(), "eventfd");
}

void StopSignal::request() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(event_fd_.get(), &one, sizeof one);
}

bool StopSignal::requested() const {
    pollfd entry{event_fd_.get(), POLLIN, 0};
    return ::poll(&entry, 1, 0) > 0;
}

bool StopSignal::sleep_for(std::chrono::milliseconds duration) const {
    pollfd entry{event_fd_.get(), POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&entry, 1, poll_timeout(duration));
    } while (ready < 0 && errno == EINTR);
    return ready > 0;
}

WaitResult StopSignal::wait_readable(int fd, std::chrono::milliseconds timeout) const {
    std::array<pollfd, 2> entries{pollfd{event_fd_.get(), POLLIN, 0}, pollfd{fd, POLLIN, 0}};
    int ready = 0;
    do {
        ready = ::poll(entries.data(), entries.size(), poll_timeout(timeout));
    } while (ready < 0 && errno == EINTR);
    if (ready < 0) return WaitResult::hung_up;
    if (entries[0].revents != 0) return WaitResult::stopped;
    if (entries[1].revents & POLLIN) return WaitResult::readable;  // read what is left before the hang-up
    if (entries[1].revents & (POLLHUP | POLLERR | POLLNVAL)) return WaitResult::hung_up;
    return WaitResult::timed_out;
}

}  // namespace kitap::devices
