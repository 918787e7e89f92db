#include "devices/io/source_thread.hpp"

#include <utility>

namespace kitap::devices {

void SourceThread::start(std::function<void(const StopSignal&)> body) {
    if (thread_.joinable()) return;
    thread_ = std::thread([this, body = std::move(body)] { body(stop_); });
}

void SourceThread::stop() {
    stop_.request();
    if (thread_.joinable()) thread_.join();
}

}  // namespace kitap::devices
