#include "devices/keyboard/wedge_source.hpp"

#include <utility>

namespace kitap::devices {

WedgeSource::WedgeSource(WedgeOptions options, std::string name) : name_(name), decoder_(options, std::move(name)) {}

void WedgeSource::start(EventQueue& events) {
    std::lock_guard lock(mutex_);
    if (events_ || stopping_) return;
    events_ = &events;
    events.post(StatusEvent{.source = name_, .status = SourceStatus::connected, .detail = {}, .time = Clock::now()});
    thread_ = std::thread([this] { run(); });
}

void WedgeSource::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void WedgeSource::feed(const KeyStroke& key) {
    {
        std::lock_guard lock(mutex_);
        if (!events_ || stopping_) return;
        post(decoder_.feed(key));
    }
    changed_.notify_all();  // a new deadline for the flushing thread
}

// Releases typed keys when their burst ends without a terminator: a person
// typing "5" into a search field must see it without pressing anything else.
void WedgeSource::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (const auto deadline = decoder_.flush_deadline())
            changed_.wait_until(lock, *deadline + std::chrono::milliseconds(1));
        else
            changed_.wait(lock);
        post(decoder_.flush(Clock::now()));
    }
}

void WedgeSource::post(WedgeOutput output) {
    // Typed keys released by this key came before it.
    if (!output.typed.empty()) events_->post(TypedKeys{.source = name_, .keys = std::move(output.typed)});
    if (output.scan) events_->post(std::move(*output.scan));
}

}  // namespace kitap::devices
