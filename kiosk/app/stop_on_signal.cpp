#include "kiosk/app/stop_on_signal.hpp"

#include <pthread.h>

namespace kitap::app {

StopOnSignal::StopOnSignal(std::function<void()> stop) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    waiter_ = std::thread([this, stop = std::move(stop)] {
        int signal = 0;
        sigwait(&signals_, &signal);
        stop();
    });
}

StopOnSignal::~StopOnSignal() {
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
}

}  // namespace kitap::app
