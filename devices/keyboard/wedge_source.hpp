#pragma once

#include "devices/keyboard/wedge_decoder.hpp"
#include "devices/scan_source.hpp"

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace kitap::devices {

// `wedge`: a keyboard-mode scanner typing into the kiosk window. The window
// calls feed() for every key press (from its own thread, without waiting); scans
// and the keys a person typed come back through the queue, the typed ones at
// most max_key_gap late, released by this source's thread when a burst ends
// without a terminator.
class WedgeSource final : public ScanSource {
public:
    explicit WedgeSource(WedgeOptions options = {}, std::string name = "wedge");
    WedgeSource(const WedgeSource&) = delete;
    WedgeSource& operator=(const WedgeSource&) = delete;
    WedgeSource(WedgeSource&&) = delete;
    WedgeSource& operator=(WedgeSource&&) = delete;
    ~WedgeSource() override { stop(); }

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override;

    // Keys fed before start() or after stop() are ignored.
    void feed(const KeyStroke& key);

private:
    void run();
    void post(WedgeOutput output);

    std::string name_;
    std::mutex mutex_;
    std::condition_variable changed_;
    WedgeDecoder decoder_;
    EventQueue* events_ = nullptr;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kitap::devices
