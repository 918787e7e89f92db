#include "devices/io/serial_source.hpp"

#include "devices/aim_identifier.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kitap::devices {
namespace {

// Raw 8N1 at `speed`, reads return whatever has arrived: the scanner decides
// where lines end, not the tty layer (no echo, no CR->LF, no line editing).
bool configure_raw(int fd, speed_t speed) {
    termios settings{};
    if (::tcgetattr(fd, &settings) != 0) return false;
    ::cfmakeraw(&settings);
    settings.c_cflag |= CLOCAL | CREAD;
    settings.c_cc[VMIN] = 1;
    settings.c_cc[VTIME] = 0;
    if (::cfsetispeed(&settings, speed) != 0 || ::cfsetospeed(&settings, speed) != 0) return false;
    if (::tcsetattr(fd, TCSANOW, &settings) != 0) return false;
    // Whatever was buffered before we configured the port is half a line at a wrong setting.
    ::tcflush(fd, TCIFLUSH);
    return true;
}

}  // namespace

std::optional<speed_t> baud_constant(int baud) {
    switch (baud) {
        case 1200:
            return B1200;
        case 2400:
            return B2400;
        case 4800:
            return B4800;
        case 9600:
            return B9600;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        case 230400:
            return B230400;
        case 460800:
            return B460800;
        case 921600:
            return B921600;
        default:
            return std::nullopt;
    }
}

SerialSource::SerialSource(std::string name, std::filesystem::path path, speed_t speed, ReconnectOptions reconnect)
    : name_(std::move(name)), path_(std::move(path)), speed_(speed), reconnect_(reconnect) {}

void SerialSource::start(EventQueue& events) {
    thread_.start([this, &events](const StopSignal& stop) { run(events, stop); });
}

void SerialSource::run(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    while (!stop.requested()) {
        // O_NOCTTY: a scanner must never become the kiosk's controlling terminal.
        UniqueFd fd(::open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
        if (fd && configure_raw(fd.get(), speed_)) {
            status.report(SourceStatus::connected);
            if (!read_lines(fd.get(), status, stop)) return;
            status.report(SourceStatus::lost, "disconnected");
        } else if (fd && errno == ENOTTY) {
            status.report(SourceStatus::failed, "not a serial port");
            return;
        } else {
            status.report(SourceStatus::lost, std::strerror(errno));
        }
        lines_.reset();
        if (stop.sleep_for(reconnect_.retry_interval)) return;
    }
}

bool SerialSource::read_lines(int fd, StatusReporter& status, const StopSignal& stop) {
    std::array<char, 1024> buffer{};
    for (;;) {
        const auto waited = stop.wait_readable(fd, std::chrono::milliseconds(-1));
        if (waited == WaitResult::stopped) return false;
        if (waited == WaitResult::hung_up) return true;
        const auto count = ::read(fd, buffer.data(), buffer.size());
        if (count < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        // EIO / ENODEV: the adapter was unplugged (or the pty master closed); 0: the same on some drivers.
        if (count <= 0) return true;
        for (const auto& line : lines_.feed({buffer.data(), static_cast<std::size_t>(count)}))
            if (auto scan = scan_from_line(line, name_, Clock::now())) status.post_scan(std::move(*scan));
    }
}

}  // namespace kitap::devices
