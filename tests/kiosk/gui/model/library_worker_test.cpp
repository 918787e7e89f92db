#include "kiosk/gui/model/library_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

// Stands in for the kiosk's library: remembers what ran, on which thread, in order.
struct Ledger {
    std::vector<int> ran;
    std::thread::id thread;
};
using Worker = SerialWorker<Ledger, std::string>;

// Drains until `count` answers have come back (the worker answers on its own time).
std::vector<std::string> drain_until(Worker& worker, std::size_t count) {
    std::vector<std::string> replies;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (replies.size() < count && std::chrono::steady_clock::now() < deadline) {
        worker.drain([&](std::string reply) { replies.push_back(std::move(reply)); });
        std::this_thread::sleep_for(1ms);
    }
    return replies;
}

TEST(LibraryWorker, RunsRequestsInOrderOffTheCallingThreadAndAnswersInOrder) {
    std::atomic<int> wakeups = 0;
    Worker worker(std::make_unique<Ledger>(), [&] { ++wakeups; });
    for (int i = 0; i < 50; ++i)
        worker.post(
            [i](Ledger& ledger) {
                ledger.ran.push_back(i);
                ledger.thread = std::this_thread::get_id();
                return std::pair(i, ledger.ran.size());
            },
            [](std::pair<int, std::size_t> result) {
                return std::to_string(result.first) + "@" + std::to_string(result.second);
            });
    EXPECT_TRUE(worker.busy());
    const auto replies = drain_until(worker, 50);
    ASSERT_EQ(replies.size(), 50u);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(replies[i], std::to_string(i) + "@" + std::to_string(i + 1));
    EXPECT_FALSE(worker.busy());
    EXPECT_FALSE(worker.busy_since());
    EXPECT_EQ(wakeups, 50);
    // Answers run on the thread that drains; the jobs ran elsewhere.
    std::thread::id job_thread;
    worker.post([](Ledger& ledger) { return ledger.thread; },
                [&](std::thread::id id) {
                    job_thread = id;
                    return std::string();
                });
    drain_until(worker, 1);
    EXPECT_NE(job_thread, std::this_thread::get_id());
}

// A request stuck behind another program's lock holds up the ones behind it, never
// the thread that posts: it keeps posting and draining (drawing) while it waits.
TEST(LibraryWorker, ABlockedRequestHoldsUpOnlyTheRequestsBehindIt) {
    std::promise<void> unlock;
    auto locked = unlock.get_future().share();
    Worker worker(std::make_unique<Ledger>(), [] {});
    worker.post(
        [locked](Ledger& ledger) {
            locked.wait();
            ledger.ran.push_back(1);
            return 1;
        },
        [](int i) { return std::to_string(i); });
    worker.post(
        [](Ledger& ledger) {
            ledger.ran.push_back(2);
            return 2;
        },
        [](int i) { return std::to_string(i); });
    const auto posted = worker.busy_since();
    ASSERT_TRUE(posted);
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(worker.drain([](std::string) { ADD_FAILURE() << "nothing is answered before the lock goes"; }), 0u);
    EXPECT_TRUE(worker.busy());
    EXPECT_EQ(worker.busy_since(), posted) << "the oldest request's time";
    const auto waited_from = std::chrono::steady_clock::now();
    EXPECT_FALSE(worker.wait_for_answer(20ms));
    EXPECT_GE(std::chrono::steady_clock::now() - waited_from, 20ms) << "waits no longer than it was told";
    unlock.set_value();
    EXPECT_TRUE(worker.wait_for_answer(10s));
    EXPECT_EQ(drain_until(worker, 2), (std::vector<std::string>{"1", "2"}));
}

// SIGTERM: the request under way finishes (its transaction ends as it would have);
// the ones not started are dropped, and nothing is answered after stop().
TEST(LibraryWorker, StopWaitsForTheRunningRequestAndDropsTheRest) {
    std::promise<void> started, go_on;
    auto may_finish = go_on.get_future().share();
    std::atomic<bool> first_finished = false, second_ran = false;
    auto worker = std::make_unique<Worker>(std::make_unique<Ledger>(), [] {});
    worker->post(
        [&, may_finish](Ledger&) {
            started.set_value();
            may_finish.wait();
            std::this_thread::sleep_for(100ms);
            first_finished = true;
            return 1;
        },
        [](int) -> std::string {
            ADD_FAILURE() << "answered after stop";
            return {};
        });
    worker->post(
        [&](Ledger&) {
            second_ran = true;
            return 2;
        },
        [](int) { return std::string(); });
    started.get_future().wait();
    std::thread release([&] {
        std::this_thread::sleep_for(50ms);
        go_on.set_value();
    });
    worker->stop();
    EXPECT_TRUE(first_finished) << "stop() returned before the running request ended";
    EXPECT_FALSE(second_ran);
    EXPECT_FALSE(worker->busy());
    EXPECT_EQ(worker->drain([](std::string) {}), 0u);
    worker->post([](Ledger&) { return 3; }, [](int) { return std::string(); });  // ignored once stopped
    EXPECT_FALSE(worker->busy());
    release.join();
    worker.reset();
}

// A job that throws (broken infrastructure) throws on the UI thread, where the
// kiosk's top level shows it, in its place among the answers.
TEST(LibraryWorker, AJobThatThrowsThrowsWhereItIsDrained) {
    Worker worker(std::make_unique<Ledger>(), [] {});
    worker.post([](Ledger&) { return 1; }, [](int i) { return std::to_string(i); });
    worker.post([](Ledger&) -> int { throw std::runtime_error("disk on fire"); }, [](int) { return std::string(); });
    std::vector<std::string> replies;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    bool thrown = false;
    while (!thrown && std::chrono::steady_clock::now() < deadline) {
        try {
            worker.drain([&](std::string reply) { replies.push_back(std::move(reply)); });
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "disk on fire");
            thrown = true;
        }
        std::this_thread::sleep_for(1ms);
    }
    EXPECT_TRUE(thrown);
    EXPECT_EQ(replies, std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace kitap::kiosk
