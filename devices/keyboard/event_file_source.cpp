#include "devices/keyboard/event_file_source.hpp"

#include "devices/io/followed_path.hpp"
#include "devices/io/status_reporter.hpp"
#include "devices/keyboard/input_event_stream.hpp"

#include <unistd.h>

#include <utility>

namespace kitap::devices {

EventFileSource::EventFileSource(std::string name, std::filesystem::path path, ReconnectOptions reconnect)
    : name_(std::move(name)), path_(std::move(path)), reconnect_(reconnect) {}

void EventFileSource::start(EventQueue& events) {
    thread_.start([this, &events](const StopSignal& stop) { run(events, stop); });
}

void EventFileSource::run(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    // A recording that is not there is a mistake on the command line, not a scanner yet to come.
    if (::access(path_.c_str(), R_OK) != 0) {
        status.report(SourceStatus::failed, "cannot open " + path_.string());
        return;
    }
    EvdevDecoder decoder(name_);
    InputEventStream stream;
    const auto decode = [&](std::string_view bytes) {
        for (const auto& event : stream.feed(bytes))
            if (auto scan = decoder.feed(event, Clock::now())) status.post_scan(std::move(*scan));
    };
    // A writer that stopped mid-event or mid-code: the next one starts afresh.
    const auto start_afresh = [&] {
        stream.reset();
        decoder.reset();
    };
    follow_path(path_, reconnect_, status, stop, {.bytes = decode, .writer_gone = start_afresh});
}

}  // namespace kitap::devices
