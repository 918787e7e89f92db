#include "devices/io/pipe_source.hpp"

#include "devices/aim_identifier.hpp"
#include "devices/io/followed_path.hpp"
#include "devices/io/status_reporter.hpp"

#include <utility>

namespace kitap::devices {

PipeSource::PipeSource(std::string name, std::filesystem::path path, ReconnectOptions reconnect)
    : name_(std::move(name)), path_(std::move(path)), reconnect_(reconnect) {}

void PipeSource::start(EventQueue& events) {
    thread_.start([this, &events](const StopSignal& stop) { run(events, stop); });
}

void PipeSource::run(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    const auto post = [&](const std::string& line) {
        if (auto scan = scan_from_line(line, name_, Clock::now())) status.post_scan(std::move(*scan));
    };
    const auto read_lines = [&](std::string_view bytes) {
        for (const auto& line : lines_.feed(bytes)) post(line);
    };
    // The last line of a file or of a writer's burst may lack its newline.
    const auto finish_line = [&] {
        if (auto last = lines_.finish()) post(*last);
    };
    follow_path(path_, reconnect_, status, stop, {.bytes = read_lines, .writer_gone = finish_line});
}

}  // namespace kitap::devices
