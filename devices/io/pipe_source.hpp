#pragma once

#include "devices/io/line_splitter.hpp"
#include "devices/io/reconnect_options.hpp"
#include "devices/io/source_thread.hpp"
#include "devices/io/status_reporter.hpp"
#include "devices/scan_source.hpp"

#include <filesystem>
#include <string>

namespace kitap::devices {

// `pipe:PATH`: each line is one scan, for tests, demos and integrations.
// - A FIFO is read for as long as the source runs: when its writer goes away the
//   FIFO is opened again and waits for the next writer.
// - A regular file is read once, then the source reports `ended`.
// - "-" reads standard input to its end.
// A path that does not exist (yet) is `lost` and looked for again.
class PipeSource final : public ScanSource {
public:
    PipeSource(std::string name, std::filesystem::path path, ReconnectOptions reconnect = {});

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override { thread_.stop(); }

private:
    enum class ReadEnd { end_of_input, stopped, failed };

    void run(EventQueue& events, const StopSignal& stop);
    // Reads lines from `fd` until its writer closes it (or stop); posts each line as a scan.
    ReadEnd read_lines(int fd, StatusReporter& status, const StopSignal& stop);
    void read_once(int fd, StatusReporter& status, const StopSignal& stop);

    std::string name_;
    std::filesystem::path path_;
    ReconnectOptions reconnect_;
    LineSplitter lines_;
    SourceThread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace kitap::devices
