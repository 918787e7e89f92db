#pragma once

#include "devices/event_queue.hpp"

#include <string>

namespace kitap::devices {

// A scanner of any kind. start() launches the source's own reader thread, which
// posts ScanEvents and StatusEvents into the queue until stop(); the UI thread
// only ever drains the queue. A source is started at most once; stop() is
// idempotent, returns when the thread has ended, and the destructor calls it.
class ScanSource {
public:
    ScanSource() = default;
    ScanSource(const ScanSource&) = delete;
    ScanSource& operator=(const ScanSource&) = delete;
    ScanSource(ScanSource&&) = delete;
    ScanSource& operator=(ScanSource&&) = delete;
    virtual ~ScanSource() = default;

    // The spec it was made from ("evdev:auto"); also the `source` of its events.
    virtual const std::string& name() const = 0;
    // `events` must outlive the source (or at least its stop()).
    virtual void start(EventQueue& events) = 0;
    virtual void stop() = 0;
};

}  // namespace kitap::devices
