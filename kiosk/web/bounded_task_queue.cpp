#include "kiosk/web/bounded_task_queue.hpp"

#include <algorithm>

namespace kitap::web {

BoundedTaskQueue::BoundedTaskQueue(std::size_t workers, std::size_t max_waiting)
    : max_waiting_(std::max<std::size_t>(max_waiting, 1)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i) workers_.emplace_back([this] { work(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

void BoundedTaskQueue::enqueue(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    task_taken_.wait(lock, [this] { return waiting_.size() < max_waiting_ || stopping_; });
    waiting_.push_back(std::move(task));
    task_added_.notify_one();
}

void BoundedTaskQueue::shutdown() {
    {
        const std::scoped_lock lock(mutex_);
        if (stopping_ && workers_.empty()) return;
        stopping_ = true;
    }
    task_added_.notify_all();
    task_taken_.notify_all();
    for (auto& worker : workers_) worker.join();
    workers_.clear();
}

void BoundedTaskQueue::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            task_added_.wait(lock, [this] { return !waiting_.empty() || stopping_; });
            if (waiting_.empty()) return;  // stopping, and nothing left to serve
            task = std::move(waiting_.front());
            waiting_.pop_front();
        }
        task_taken_.notify_one();
        task();
    }
}

}  // namespace kitap::web
