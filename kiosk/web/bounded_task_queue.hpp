#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kitap::web {

// httplib's own ThreadPool queues every accepted connection without bound: a flood
// of connections would pile up sockets and memory. This one makes enqueue() (called
// by the accepting thread) wait while `max_waiting` connections are already waiting
// for a worker, so the next ones wait in the kernel's listen backlog instead.
class BoundedTaskQueue : public httplib::TaskQueue {
public:
    BoundedTaskQueue(std::size_t workers, std::size_t max_waiting);
    ~BoundedTaskQueue() override;
    BoundedTaskQueue(const BoundedTaskQueue&) = delete;
    BoundedTaskQueue& operator=(const BoundedTaskQueue&) = delete;

    void enqueue(std::function<void()> task) override;
    void shutdown() override;

private:
    void work();

    std::size_t max_waiting_;
    std::deque<std::function<void()>> waiting_;
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable task_added_;
    std::condition_variable task_taken_;
    std::vector<std::thread> workers_;
};

}  // namespace kitap::web
