#pragma once

#include <csignal>
#include <functional>
#include <thread>

namespace kitap::app {

// SIGINT and SIGTERM stop a server (`kitap serve`, `kitap sip2`): blocked in every
// thread started after this, awaited by one of its own, which calls `stop`.
class StopOnSignal {
public:
    explicit StopOnSignal(std::function<void()> stop);
    ~StopOnSignal();  // also when the server stopped on its own
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_{};
    std::thread waiter_;
};

}  // namespace kitap::app
