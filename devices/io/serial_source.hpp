#pragma once

#include "devices/io/line_splitter.hpp"
#include "devices/io/reconnect_options.hpp"
#include "devices/io/source_thread.hpp"
#include "devices/io/status_reporter.hpp"
#include "devices/scan_source.hpp"

#include <filesystem>
#include <optional>
#include <string>

#include <termios.h>

namespace kitap::devices {

// The termios speed constant for a baud rate; nullopt for rates a serial scanner
// does not use (or termios cannot set).
std::optional<speed_t> baud_constant(int baud);

// `serial:PATH[@BAUD]`: a serial or USB-CDC scanner sending one code per line
// (CR, LF or CRLF). The port is put in raw mode at the given rate (9600 by
// default, as scanners ship). Unplugged -> `lost`, then reopened when the path
// is back; /dev/serial/by-id/... links keep their name across replugs.
class SerialSource final : public ScanSource {
public:
    SerialSource(std::string name, std::filesystem::path path, speed_t speed, ReconnectOptions reconnect = {});

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override { thread_.stop(); }

private:
    void run(EventQueue& events, const StopSignal& stop);
    // Reads lines until the port goes away; false when stopped.
    bool read_lines(int fd, StatusReporter& status, const StopSignal& stop);

    std::string name_;
    std::filesystem::path path_;
    speed_t speed_;
    ReconnectOptions reconnect_;
    LineSplitter lines_;
    SourceThread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace kitap::devices
