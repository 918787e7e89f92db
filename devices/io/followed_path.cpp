#include "devices/io/followed_path.hpp"

#include "devices/io/unique_fd.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kitap::devices {
namespace {

enum class Writer { present, gone, failed };

// Reads everything the FIFO holds without blocking, then tells whether a writer still
// has it open: an empty FIFO reads as EAGAIN while one does and as its end when none
// does. `wrote` is set when there were bytes: someone was there, if only briefly, and
// the source is connected before their scans.
Writer read_available(int fd, StatusReporter& status, const ByteStreamHandler& handler, bool& wrote) {
    std::array<char, 4096> buffer{};
    for (;;) {
        const auto count = ::read(fd, buffer.data(), buffer.size());
        if (count > 0) {
            wrote = true;
            status.report(SourceStatus::connected);
            handler.bytes({buffer.data(), static_cast<std::size_t>(count)});
            continue;
        }
        if (count == 0) return Writer::gone;
        if (errno == EINTR) continue;
        return errno == EAGAIN ? Writer::present : Writer::failed;
    }
}

UniqueFd open_for_reading(const std::filesystem::path& path) {
    // O_NONBLOCK: opening a FIFO without a writer must not block, or stop() would hang.
    return UniqueFd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
}

// An opened FIFO, writer after writer; returns when stopped (true) or when it cannot be
// read or opened again (false).
bool follow_fifo(const std::filesystem::path& path, UniqueFd fd, const ReconnectOptions& reconnect,
                 StatusReporter& status, const StopSignal& stop, const ByteStreamHandler& handler) {
    status.report(SourceStatus::connected);
    bool had_writer = false;  // since the last report: only a writer that came and went is a scanner gone
    bool gone_at_last_look = false;
    for (;;) {
        bool wrote = false;
        const Writer writer = read_available(fd.get(), status, handler, wrote);
        if (writer == Writer::failed) {
            status.report(SourceStatus::lost, std::strerror(errno));
            return false;
        }
        if (wrote || writer == Writer::present) {
            status.report(SourceStatus::connected);
            had_writer = true;
        }
        if (writer == Writer::gone) {
            handler.writer_gone();
            if (had_writer && gone_at_last_look && !wrote) {
                status.report(SourceStatus::lost, "nobody writes to the FIFO");
                had_writer = false;
            }
            // Once its writer has gone, a FIFO polls as hung up for good; a fresh descriptor
            // waits for data again. Opened before the old one closes, so that the FIFO, and
            // anything a quick writer left in it, never goes away (and a FIFO made anew at the
            // path is the one followed).
            UniqueFd fresh = open_for_reading(path);
            if (!fresh) {
                status.report(SourceStatus::lost, std::strerror(errno));
                return false;
            }
            fd = std::move(fresh);
        }
        gone_at_last_look = writer == Writer::gone;
        // Until data comes, a writer closes, or the next look: a writer's opening cannot be
        // polled for, nor the closing of one that was there before this descriptor.
        if (stop.wait_readable(fd.get(), reconnect.retry_interval) == WaitResult::stopped) return true;
    }
}

// A regular file or standard input, to its end; false when stopped first.
bool read_to_end(int fd, const StopSignal& stop, const ByteStreamHandler& handler) {
    std::array<char, 4096> buffer{};
    for (;;) {
        if (stop.wait_readable(fd, std::chrono::milliseconds(-1)) == WaitResult::stopped) return false;
        const auto count = ::read(fd, buffer.data(), buffer.size());
        if (count < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (count <= 0) {  // the end, or a read error: what was read is all there is
            handler.writer_gone();
            return true;
        }
        handler.bytes({buffer.data(), static_cast<std::size_t>(count)});
    }
}

}  // namespace

void follow_path(const std::filesystem::path& path, const ReconnectOptions& reconnect, StatusReporter& status,
                 const StopSignal& stop, const ByteStreamHandler& handler) {
    if (path == "-") {
        status.report(SourceStatus::connected, "standard input");
        if (read_to_end(STDIN_FILENO, stop, handler)) status.report(SourceStatus::ended);
        return;
    }
    while (!stop.requested()) {
        UniqueFd fd = open_for_reading(path);
        if (!fd) {
            status.report(SourceStatus::lost, std::strerror(errno));
            if (stop.sleep_for(reconnect.retry_interval)) return;
            continue;
        }
        struct stat info {};
        if (::fstat(fd.get(), &info) == 0 && !S_ISFIFO(info.st_mode)) {
            status.report(SourceStatus::connected);
            if (read_to_end(fd.get(), stop, handler)) status.report(SourceStatus::ended);
            return;
        }
        if (follow_fifo(path, std::move(fd), reconnect, status, stop, handler)) return;
        if (stop.sleep_for(reconnect.retry_interval)) return;  // a read error: open it again
    }
}

}  // namespace kitap::devices
