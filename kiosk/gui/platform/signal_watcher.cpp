#include "kiosk/gui/platform/signal_watcher.hpp"

#include <pthread.h>
#include <signal.h>

namespace kitap::kiosk {
namespace {

// SIGUSR2 only tells the watcher thread that the kiosk is ending anyway.
sigset_t watched_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR2);
    return set;
}

}  // namespace

void SignalWatcher::block_signals() {
    const sigset_t set = watched_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher(std::function<void()> wake) : wake_(std::move(wake)) {
    thread_ = std::thread([this] { run(); });
}

SignalWatcher::~SignalWatcher() {
    pthread_kill(thread_.native_handle(), SIGUSR2);
    thread_.join();
}

void SignalWatcher::run() {
    const sigset_t set = watched_signals();
    int received = 0;
    while (sigwait(&set, &received) == 0) {
        if (received == SIGUSR2) return;
        signal_ = received;
        stop_requested_ = true;
        if (wake_) wake_();
    }
}

}  // namespace kitap::kiosk
