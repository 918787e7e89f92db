#pragma once

#include "devices/io/reconnect_options.hpp"
#include "devices/io/source_thread.hpp"
#include "devices/keyboard/evdev_decoder.hpp"
#include "devices/scan_source.hpp"

#include <filesystem>
#include <string>

namespace kitap::devices {

// `events:FILE`: a recorded input-event stream (`cat /dev/input/eventN > FILE`
// while scanning) replayed through the evdev decoder, as fast as it reads;
// then `ended`. For tests, demos and bug reports from a school. A FIFO is followed
// as follow_path() says: a scanner while a writer streams into it (`cat
// /dev/input/eventN > FIFO`), lost when it stops.
class EventFileSource final : public ScanSource {
public:
    EventFileSource(std::string name, std::filesystem::path path, ReconnectOptions reconnect = {});

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override { thread_.stop(); }

private:
    void run(EventQueue& events, const StopSignal& stop);

    std::string name_;
    std::filesystem::path path_;
    ReconnectOptions reconnect_;
    SourceThread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace kitap::devices
