#include "core/db/writer_turns.hpp"

#include "core/db/database.hpp"
#include "core/db/write_transaction.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <chrono>
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
    EXPECT_FALSE(WriterTurns::take(memory.getHandle()).owns_lock());
}

}  // namespace
}  // namespace kitap::core
