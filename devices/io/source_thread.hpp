#pragma once

#include "devices/io/stop_signal.hpp"

#include <functional>
#include <thread>

namespace kitap::devices {

// The reader thread every source owns, with the signal that stops it. Its
// destructor stops and joins: as its owner's last member it ends the thread
// before anything the thread uses is destroyed.
class SourceThread {
public:
    SourceThread() = default;
    SourceThread(const SourceThread&) = delete;
    SourceThread& operator=(const SourceThread&) = delete;
    SourceThread(SourceThread&&) = delete;
    SourceThread& operator=(SourceThread&&) = delete;
    ~SourceThread() { stop(); }

    // Runs `body` on a new thread; `body` returns when the signal is raised.
    void start(std::function<void(const StopSignal&)> body);
    // Raises the signal and joins; safe to call twice or before start().
    void stop();

private:
    StopSignal stop_;
    std::thread thread_;
};

}  // namespace kitap::devices
