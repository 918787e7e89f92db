#include "devices/event_queue.hpp"

#include <algorithm>
#include <utility>

namespace kitap::devices {

EventQueue::EventQueue(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

void EventQueue::post(DeviceEvent event) {
    std::function<void()> wakeup;
    {
        std::lock_guard lock(mutex_);
        if (events_.size() == capacity_) {
            events_.pop_front();
            ++dropped_;
        }
        events_.push_back(std::move(event));
        wakeup = wakeup_;
    }
    posted_.notify_one();
    // Outside the lock: the callback may take a lock of its own in the UI library.
    if (wakeup) wakeup();
}

std::vector<DeviceEvent> EventQueue::drain() {
    std::lock_guard lock(mutex_);
    std::vector<DeviceEvent> all(std::make_move_iterator(events_.begin()), std::make_move_iterator(events_.end()));
    events_.clear();
    return all;
}

std::optional<DeviceEvent> EventQueue::wait_next(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!posted_.wait_for(lock, timeout, [this] { return !events_.empty(); })) return std::nullopt;
    auto event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void EventQueue::set_wakeup(std::function<void()> wakeup) {
    std::lock_guard lock(mutex_);
    wakeup_ = std::move(wakeup);
}

std::size_t EventQueue::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

}  // namespace kitap::devices
