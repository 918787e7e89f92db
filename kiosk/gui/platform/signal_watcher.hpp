#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace kitap::kiosk {

// SIGTERM and SIGINT end the kiosk cleanly: they are blocked in every thread and
// taken by one watcher thread, which sets a flag and wakes the UI loop (no work in
// a signal handler). block_signals() must run first in main(), before any thread
// (GLFW's, the GL driver's, the scanners') exists, so that all of them inherit the mask.
class SignalWatcher {
public:
    static void block_signals();

    explicit SignalWatcher(std::function<void()> wake);
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    bool stop_requested() const { return stop_requested_.load(); }
    int signal() const { return signal_.load(); }

private:
    void run();

    std::function<void()> wake_;
    std::atomic<bool> stop_requested_{false};
    std::atomic<int> signal_{0};
    std::thread thread_;
};

}  // namespace kitap::kiosk
