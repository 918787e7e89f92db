#pragma once

#include "devices/io/reconnect_options.hpp"
#include "devices/io/source_thread.hpp"
#include "devices/io/status_reporter.hpp"
#include "devices/keyboard/evdev_decoder.hpp"
#include "devices/keyboard/input_event_stream.hpp"
#include "devices/scan_source.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kitap::devices {

// `evdev:PATH` and `evdev:auto`: a keyboard-mode scanner read from its input
// device, grabbed so that its keys never reach the kiosk window. When the node
// disappears (unplugged) the source reports `lost` and looks for it again every
// retry interval; `auto` looks for any scanner, so a replacement works too.
// A node that cannot be grabbed (another program holds it, or it is a FIFO
// carrying a recording) is read anyway and said so in the status detail.
class EvdevSource final : public ScanSource {
public:
    using Locator = std::function<std::optional<std::filesystem::path>()>;

    EvdevSource(std::string name, Locator locate, ReconnectOptions reconnect = {});

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override { thread_.stop(); }

private:
    void run(EventQueue& events, const StopSignal& stop);
    // Reads events until the device goes away; false when stopped.
    bool read_events(int fd, StatusReporter& status, const StopSignal& stop);

    std::string name_;
    Locator locate_;
    ReconnectOptions reconnect_;
    EvdevDecoder decoder_;
    InputEventStream stream_;
    SourceThread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace kitap::devices
