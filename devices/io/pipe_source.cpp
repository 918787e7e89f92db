#include "devices/io/pipe_source.hpp"

#include "devices/aim_identifier.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kitap::devices {

PipeSource::PipeSource(std::string name, std::filesystem::path path, ReconnectOptions reconnect)
    : name_(std::move(name)), path_(std::move(path)), reconnect_(reconnect) {}

void PipeSource::start(EventQueue& events) {
    thread_.start([this, &events](const StopSignal& stop) { run(events, stop); });
}

void PipeSource::run(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    if (path_ == "-") {
        status.report(SourceStatus::connected, "standard input");
        read_once(STDIN_FILENO, status, stop);
        return;
    }
    while (!stop.requested()) {
        // O_NONBLOCK: opening a FIFO without a writer must not block, or stop() would hang.
        UniqueFd fd(::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
        if (!fd) {
            status.report(SourceStatus::lost, std::strerror(errno));
            if (stop.sleep_for(reconnect_.retry_interval)) return;
            continue;
        }
        status.report(SourceStatus::connected);
        struct stat info {};
        if (::fstat(fd.get(), &info) == 0 && !S_ISFIFO(info.st_mode)) {
            read_once(fd.get(), status, stop);
            return;
        }
        if (read_lines(fd.get(), status, stop) != ReadEnd::end_of_input) {
            if (stop.requested()) return;
            status.report(SourceStatus::lost, std::strerror(errno));
            if (stop.sleep_for(reconnect_.retry_interval)) return;
        }
        // The writer went away: open again and wait for the next one.
    }
}

void PipeSource::read_once(int fd, StatusReporter& status, const StopSignal& stop) {
    if (read_lines(fd, status, stop) == ReadEnd::stopped) return;
    status.report(SourceStatus::ended);
}

PipeSource::ReadEnd PipeSource::read_lines(int fd, StatusReporter& status, const StopSignal& stop) {
    std::array<char, 4096> buffer{};
    for (;;) {
        const auto waited = stop.wait_readable(fd, std::chrono::milliseconds(-1));
        if (waited == WaitResult::stopped) return ReadEnd::stopped;
        const auto count = ::read(fd, buffer.data(), buffer.size());
        if (count < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (count <= 0) {
            const int read_error = errno;
            // The last line of a file or of a writer's burst may lack its newline.
            if (auto last = lines_.finish())
                if (auto scan = scan_from_line(*last, name_, Clock::now())) status.post_scan(std::move(*scan));
            errno = read_error;  // for the caller's report
            return count == 0 || waited == WaitResult::hung_up ? ReadEnd::end_of_input : ReadEnd::failed;
        }
        for (const auto& line : lines_.feed({buffer.data(), static_cast<std::size_t>(count)}))
            if (auto scan = scan_from_line(line, name_, Clock::now())) status.post_scan(std::move(*scan));
    }
}

}  // namespace kitap::devices
