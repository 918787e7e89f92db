#include "devices/keyboard/event_file_source.hpp"

#include "devices/io/status_reporter.hpp"
#include "devices/keyboard/input_event_stream.hpp"

#include <array>
#include <fstream>
#include <utility>

namespace kitap::devices {

EventFileSource::EventFileSource(std::string name, std::filesystem::path path)
    : name_(std::move(name)), path_(std::move(path)) {}

void EventFileSource::start(EventQueue& events) {
    thread_.start([this, &events](const StopSignal& stop) { run(events, stop); });
}

void EventFileSource::run(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        status.report(SourceStatus::failed, "cannot open " + path_.string());
        return;
    }
    status.report(SourceStatus::connected);
    EvdevDecoder decoder(name_);
    InputEventStream stream;
    std::array<char, 64 * sizeof(input_event)> buffer{};
    while (!stop.requested() && in) {
        in.read(buffer.data(), buffer.size());
        for (const auto& event : stream.feed({buffer.data(), static_cast<std::size_t>(in.gcount())}))
            if (auto scan = decoder.feed(event, Clock::now())) status.post_scan(std::move(*scan));
    }
    if (!stop.requested()) status.report(SourceStatus::ended);
}

}  // namespace kitap::devices
