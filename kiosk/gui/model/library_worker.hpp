#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace kitap::kiosk {

// One thread that owns the kiosk's library and runs what the UI thread posts,
// strictly in the order posted; the UI thread takes the answers back once a frame
// (drain), as it takes the scanners' events from the device queue. A job gets the
// library by reference on the worker and returns a value; that value, never a
// reference into the library, goes to the request's `done` on the UI thread, and
// what `done` returns (a `Reply`, the effects the UI acts on) to drain's `apply`.
// So a commit waiting on another program's lock holds up the requests behind it,
// never the frames. post(), drain(), busy() and stop() belong to the UI thread.
template <typename Library, typename Reply>
class SerialWorker {
public:
    using Clock = std::chrono::steady_clock;

    // `wakeup` runs on the worker after each finished request (glfwPostEmptyEvent).
    SerialWorker(std::unique_ptr<Library> library, std::function<void()> wakeup)
        : library_(std::move(library)), wakeup_(std::move(wakeup)), thread_([this] { run(); }) {}
    ~SerialWorker() { stop(); }
    SerialWorker(const SerialWorker&) = delete;
    SerialWorker& operator=(const SerialWorker&) = delete;

    // `job(Library&)` runs on the worker; `done(result)` on the UI thread, in drain().
    template <typename Job, typename Done>
    void post(Job job, Done done) {
        if (stopped_) return;
        posted_.push_back(Clock::now());
        std::lock_guard lock(mutex_);
        requests_.push_back([this, job = std::move(job), done = std::move(done)]() mutable -> Completion {
            auto result = job(*library_);
            return [done = std::move(done), result = std::move(result)]() mutable { return done(std::move(result)); };
        });
        wake_.notify_one();
    }

    // The answers of the requests finished since the last drain, in the order they
    // were posted: each one's `done`, then `apply` with its reply. A job that threw
    // throws here, on the UI thread, as it would have without a worker.
    template <typename Apply>
    std::size_t drain(Apply&& apply) {
        std::size_t drained = 0;
        for (;; ++drained) {
            Completion completion;
            {
                std::lock_guard lock(mutex_);
                if (finished_.empty()) return drained;
                completion = std::move(finished_.front());
                finished_.pop_front();
            }
            posted_.pop_front();
            apply(completion());
        }
    }

    // Waits at most `timeout` for an answer to be ready to drain: a frame that has
    // just posted a scan may wait a few milliseconds for a quick commit rather than
    // be drawn twice, once without its outcome.
    bool wait_for_answer(Clock::duration timeout) {
        std::unique_lock lock(mutex_);
        return answered_.wait_for(lock, timeout, [this] { return !finished_.empty(); });
    }

    // Requests posted whose answers have not been drained yet.
    bool busy() const { return !posted_.empty(); }
    // When the oldest of them was posted: how long the kiosk has been waiting.
    std::optional<Clock::time_point> busy_since() const {
        return posted_.empty() ? std::nullopt : std::optional(posted_.front());
    }

    // Waits for the request the worker is running (its transaction ends as it would
    // have) and drops the ones not started: their answers were never shown. Then
    // nothing more is run or answered.
    void stop() {
        if (stopped_) return;
        stopped_ = true;
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            requests_.clear();
        }
        wake_.notify_one();
        thread_.join();
        finished_.clear();
        posted_.clear();
    }

private:
    using Completion = std::function<Reply()>;
    using Request = std::function<Completion()>;

    void run() {
        for (;;) {
            Request request;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return stopping_ || !requests_.empty(); });
                if (stopping_) return;
                request = std::move(requests_.front());
                requests_.pop_front();
            }
            Completion completion;
            try {
                completion = request();
            } catch (...) {
                completion = [error = std::current_exception()]() -> Reply { std::rethrow_exception(error); };
            }
            {
                std::lock_guard lock(mutex_);
                finished_.push_back(std::move(completion));
            }
            answered_.notify_all();
            wakeup_();
        }
    }

    std::unique_ptr<Library> library_;  // touched only on the worker thread
    std::function<void()> wakeup_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable answered_;
    std::deque<Request> requests_;          // guarded by mutex_
    std::deque<Completion> finished_;       // guarded by mutex_
    bool stopping_ = false;                 // guarded by mutex_
    std::deque<Clock::time_point> posted_;  // the UI thread's: one per answer not yet drained
    bool stopped_ = false;                  // the UI thread's
    std::thread thread_;                    // last: starts once everything above exists
};

}  // namespace kitap::kiosk
