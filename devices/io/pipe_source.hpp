#pragma once

#include "devices/io/line_splitter.hpp"
#include "devices/io/reconnect_options.hpp"
#include "devices/io/source_thread.hpp"
#include "devices/scan_source.hpp"

#include <filesystem>
#include <string>

namespace kitap::devices {

// `pipe:PATH`: each line is one scan, for tests, demos and integrations. The path
// is read as follow_path() says: a FIFO's writer is the scanner (lost when it closes
// the FIFO, back when the next one opens it), a regular file is read once, "-" is
// standard input.
class PipeSource final : public ScanSource {
public:
    PipeSource(std::string name, std::filesystem::path path, ReconnectOptions reconnect = {});

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override { thread_.stop(); }

private:
    void run(EventQueue& events, const StopSignal& stop);

    std::string name_;
    std::filesystem::path path_;
    ReconnectOptions reconnect_;
    LineSplitter lines_;
    SourceThread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace kitap::devices
