#include "core/db/writer_turns.hpp"

#include "core/db/database.hpp"
#include "core/db/write_transaction.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

namespace kitap::core {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Two connections of this process to one library file, as two desks of `kitap serve`.
class WriterTurnsTest : public ::testing::Test {
protected:
    WriterTurnsTest() : first_(open_database(temp_.path())), second_(open_database(temp_.path())) {}

    // SQLite's own waiting off: only the turn can make `second_` wait for `first_`.
    void second_waits_only_for_its_turn(std::chrono::milliseconds timeout) {
        set_busy_wait(second_, timeout);
        sqlite3_busy_handler(second_.getHandle(), nullptr, nullptr);
    }

    testing::TempDatabase temp_;
    SQLite::Database first_;
    SQLite::Database second_;
};

TEST_F(WriterTurnsTest, AWriterWaitsForTheTurnAndWritesAsSoonAsTheOtherCommits) {
    second_waits_only_for_its_turn(2000ms);
    auto held = std::make_unique<WriteTransaction>(first_);
    first_.exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    std::jthread committer([&] {
        std::this_thread::sleep_for(50ms);
        held->commit();
    });
    const auto start = Clock::now();
    WriteTransaction waiting(second_);  // without the turn: SQLITE_BUSY at once
    EXPECT_GE(Clock::now() - start, 40ms);
    second_.exec("INSERT INTO title (title, kind) VALUES ('Қан мен тер', 'fiction')");
    waiting.commit();
    committer.join();
    EXPECT_EQ(second_.execAndGet("SELECT count(*) FROM title").getInt(), 2);
}

TEST_F(WriterTurnsTest, ATurnThatDoesNotComeWithinTheBusyTimeoutIsSqliteBusy) {
    second_waits_only_for_its_turn(100ms);
    WriteTransaction held(first_);
    const auto start = Clock::now();
    try {
        WriteTransaction waiting(second_);
        ADD_FAILURE() << "two writers of one file at once";
    } catch (const SQLite::Exception& e) {
        EXPECT_EQ(sqlite_error_code(e), SQLITE_BUSY);
    }
    EXPECT_GE(Clock::now() - start, 100ms);
}

TEST_F(WriterTurnsTest, ARolledBackTransactionGivesUpItsTurn) {
    second_waits_only_for_its_turn(0ms);
    { WriteTransaction abandoned(first_); }
    EXPECT_NO_THROW(WriteTransaction(second_).commit());
}

TEST(WriterTurns, AConnectionToNoFileTakesNoTurn) {
    auto memory = open_connection(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 1000);
    const auto turn = WriterTurns::take(memory.getHandle());
    EXPECT_FALSE(turn.lock.owns_lock());
    EXPECT_EQ(turn.syncs, nullptr);
}

// The file's syncs (they live as long as the process), read while no transaction is open.
SharedSyncs& syncs_of(SQLite::Database& db) { return *WriterTurns::take(db.getHandle()).syncs; }

TEST_F(WriterTurnsTest, EachCommitSyncsTheLogBeforeItReturnsAndBothConnectionsShareTheSyncs) {
    auto& syncs = syncs_of(first_);
    EXPECT_EQ(&syncs, &syncs_of(second_));
    const auto before = syncs.syncs();
    WriteTransaction first(first_);
    first_.exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    first.commit();
    EXPECT_EQ(syncs.syncs(), before + 1);
    WriteTransaction second(second_);
    second.commit();
    EXPECT_EQ(syncs.syncs(), before + 2);
}

TEST_F(WriterTurnsTest, AnInnerTransactionLeavesTheSyncToTheOuter) {
    auto& syncs = syncs_of(first_);
    const auto before = syncs.syncs();
    WriteTransaction outer(first_);
    WriteTransaction(first_).commit();
    EXPECT_EQ(syncs.syncs(), before);
    outer.commit();
    EXPECT_EQ(syncs.syncs(), before + 1);
}

// SQLite checkpoints a log of 1000 frames or more after the commit that filled it; under
// a writer's turn that checkpoint waits until the turn is given up and the commit is
// durable, and is made then, before commit() returns. 6 MB is some 1500 frames.
TEST_F(WriterTurnsTest, ALogFilledUnderTheTurnIsCheckpointedBeforeTheCommitReturns) {
    first_.exec("CREATE TABLE scratch (data BLOB)");
    const auto before = std::filesystem::file_size(temp_.path());
    WriteTransaction filling(first_);
    first_.exec("INSERT INTO scratch VALUES (zeroblob(6000000))");
    filling.commit();
    EXPECT_GT(std::filesystem::file_size(temp_.path()), before + 5'000'000) << "the log was not checkpointed";
}

TEST_F(WriterTurnsTest, ALogFilledByOneStatementIsCheckpointedAsSqliteWould) {
    first_.exec("CREATE TABLE scratch (data BLOB)");
    const auto before = std::filesystem::file_size(temp_.path());
    first_.exec("INSERT INTO scratch VALUES (zeroblob(6000000))");
    EXPECT_GT(std::filesystem::file_size(temp_.path()), before + 5'000'000) << "the log was not checkpointed";
}

// The stores' one-row lookups stay on their row until their next use, and a read left
// open keeps the connection in a read transaction: SQLite refuses to checkpoint on it
// (SQLITE_LOCKED), and the log grew by every scan. A commit lets go of the reads left
// open, so the log is checkpointed and the next writer starts it over.
TEST_F(WriterTurnsTest, AReadLeftOnItsRowHoldsNoCheckpointBackAndTheLogStartsOver) {
    first_.exec("CREATE TABLE scratch (data BLOB)");
    SQLite::Statement lookup(first_, "SELECT count(*) FROM scratch");
    const auto fill = [&] {
        WriteTransaction filling(first_);
        first_.exec("INSERT INTO scratch VALUES (zeroblob(6000000))");
        ASSERT_TRUE(lookup.executeStep());
        filling.commit();
    };
    const auto before = std::filesystem::file_size(temp_.path());
    fill();
    ASSERT_GT(std::filesystem::file_size(temp_.path()), before + 5'000'000) << "the log was not checkpointed";
    fill();
    EXPECT_GT(std::filesystem::file_size(temp_.path()), before + 11'000'000) << "the log was not checkpointed";
    EXPECT_LT(std::filesystem::file_size(temp_.path().string() + "-wal"), 7'000'000) << "the log was not started over";
}

// A sync the test holds until it lets it go, saying when it has begun.
class HeldSync {
public:
    void operator()() {
        std::unique_lock lock(mutex_);
        begun_ = true;
        changed_.notify_all();
        changed_.wait(lock, [this] { return released_; });
    }
    void wait_until_begun() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return begun_; });
    }
    void release() {
        const std::scoped_lock lock(mutex_);
        released_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool begun_ = false;
    bool released_ = false;
};

// Whatever order the threads run in, the commits made during the first sync are not
// covered by it, and the next sync covers both: two syncs for three commits.
TEST(SharedSyncs, CommitsMadeDuringASyncWaitForTheNextOneWhichServesThemAll) {
    SharedSyncs syncs;
    HeldSync held;
    std::atomic<int> later_syncs = 0;
    const auto first = syncs.committed();
    std::jthread leader([&] { syncs.wait_durable(first, std::ref(held)); });
    held.wait_until_begun();
    const auto second = syncs.committed();
    const auto third = syncs.committed();
    std::atomic<int> durable = 0;
    const auto count_sync = [&] { ++later_syncs; };
    std::jthread second_writer([&] {
        syncs.wait_durable(second, count_sync);
        ++durable;
    });
    std::jthread third_writer([&] {
        syncs.wait_durable(third, count_sync);
        ++durable;
    });
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(durable, 0) << "a commit counted as durable by a sync that began before it";
    held.release();
    leader.join();
    second_writer.join();
    third_writer.join();
    EXPECT_EQ(later_syncs, 1);
    EXPECT_EQ(syncs.syncs(), 2u);
}

TEST(SharedSyncs, ASyncThatFailsThrowsToItsCallerAndTheNextWaiterSyncsAgain) {
    SharedSyncs syncs;
    const auto commit = syncs.committed();
    EXPECT_THROW(syncs.wait_durable(commit, [] { throw SQLite::Exception("disk I/O error", SQLITE_IOERR_FSYNC); }),
                 SQLite::Exception);
    int retried = 0;
    syncs.wait_durable(commit, [&] { ++retried; });
    EXPECT_EQ(retried, 1);
    EXPECT_EQ(syncs.syncs(), 1u);
}

}  // namespace
}  // namespace kitap::core
