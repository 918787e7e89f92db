#include "devices/keyboard/evdev_source.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kitap::devices {
namespace {

// The kernel-facing part: exclusive access, so the scanner's keys do not also
// type into the focused window. The grab ends when the fd is closed.
std::string grab(int fd) {
    if (::ioctl(fd, EVIOCGRAB, 1) == 0) return {};
    return std::string("not grabbed: ") + std::strerror(errno);
}

}  // namespace

EvdevSource::EvdevSource(std::string name, Locator locate, ReconnectOptions reconnect)
    : name_(name), locate_(std::move(locate)), reconnect_(reconnect), decoder_(std::move(name)) {}

void EvdevSource::start(EventQueue& events) {
    thread_.start([this, &events](const StopSignal& stop) { run(events, stop); });
}

void EvdevSource::run(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    while (!stop.requested()) {
        const auto node = locate_();
        UniqueFd fd(node ? ::open(node->c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC) : -1);
        if (fd) {
            status.report(SourceStatus::connected, grab(fd.get()));
            if (!read_events(fd.get(), status, stop)) return;
            status.report(SourceStatus::lost, "disconnected");
        } else {
            status.report(SourceStatus::lost, node ? std::strerror(errno) : "no barcode scanner found");
        }
        decoder_.reset();
        stream_.reset();
        if (stop.sleep_for(reconnect_.retry_interval)) return;
    }
}

bool EvdevSource::read_events(int fd, StatusReporter& status, const StopSignal& stop) {
    std::array<char, 64 * sizeof(input_event)> buffer{};
    for (;;) {
        const auto waited = stop.wait_readable(fd, std::chrono::milliseconds(-1));
        if (waited == WaitResult::stopped) return false;
        const auto count = ::read(fd, buffer.data(), buffer.size());
        if (count < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        // ENODEV: unplugged. 0: the writer of a FIFO (a recording) went away.
        if (count <= 0) return true;
        for (const auto& event : stream_.feed({buffer.data(), static_cast<std::size_t>(count)}))
            if (auto scan = decoder_.feed(event, Clock::now())) status.post_scan(std::move(*scan));
    }
}

}  // namespace kitap::devices
