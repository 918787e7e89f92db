#include "core/db/write_transaction.hpp"

#include "core/db/database.hpp"
#include "core/db/statement.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace kitap::core {
namespace {

using namespace std::chrono_literals;

// Another program (the CLI, a backup) holds the write lock for a moment.
class WriteTransactionTest : public ::testing::Test {
protected:
    void SetUp() override {
        temp_.db().exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction'), ('Қан мен тер', 'fiction')");
        temp_.db().setBusyTimeout(5000);
    }

    // Holds BEGIN IMMEDIATE on its own connection and lets go after `hold`.
    std::jthread other_program_writes(std::chrono::milliseconds hold) {
        other_.exec("BEGIN IMMEDIATE");
        return std::jthread([this, hold] {
            std::this_thread::sleep_for(hold);
            other_.exec("COMMIT");
        });
    }

    testing::TempDatabase temp_;
    SQLite::Database other_{temp_.path().string(), SQLite::OPEN_READWRITE};
};

// A statement prepared once and read for its first row only (as the station's
// lookups are) keeps a read snapshot: without letting it go, BEGIN IMMEDIATE would
// fail at once with SQLITE_BUSY instead of waiting for the other program.
TEST_F(WriteTransactionTest, WaitsForAnotherWriterDespiteAReadLeftOnItsRow) {
    SQLite::Statement first_title(temp_.db(), "SELECT title FROM title ORDER BY id");
    ASSERT_TRUE(first_title.executeStep());  // left on its row, as a one-row read leaves it

    const auto writer = other_program_writes(300ms);
    const auto started = std::chrono::steady_clock::now();
    WriteTransaction transaction(temp_.db());
    EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms) << "it waited for the lock";
    temp_.db().exec("INSERT INTO title (title, kind) VALUES ('Көшпенділер', 'fiction')");
    transaction.commit();

    EXPECT_EQ(temp_.db().execAndGet("SELECT count(*) FROM title").getInt(), 3);
    EXPECT_EQ(rebind(first_title).executeStep(), true) << "the statement runs again after its reset";
    EXPECT_EQ(first_title.getColumn(0).getString(), "Абай жолы");
}

TEST_F(WriteTransactionTest, ALockHeldLongerThanTheBusyTimeoutIsStillBusy) {
    temp_.db().setBusyTimeout(100);
    const auto writer = other_program_writes(1500ms);
    try {
        WriteTransaction transaction(temp_.db());
        FAIL() << "began a write while another program held the lock";
    } catch (const SQLite::Exception& error) {
        EXPECT_EQ(error.getErrorCode() & 0xFF, SQLITE_BUSY);
    }
}

int titles(SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM title").getInt(); }

void add_title(SQLite::Database& db, const std::string& name) {
    db.exec("INSERT INTO title (title, kind) VALUES ('" + name + "', 'fiction')");
}

// Inside another write transaction, one is a savepoint: its commit keeps its writes
// for the outer one to decide, its rollback undoes its own writes only.
TEST_F(WriteTransactionTest, NestedOneIsAStepOfTheOuterTransaction) {
    {
        WriteTransaction outer(temp_.db());
        add_title(temp_.db(), "Көшпенділер");
        {
            WriteTransaction kept(temp_.db());
            add_title(temp_.db(), "Ақ кеме");
            kept.commit();
        }
        {
            WriteTransaction dropped(temp_.db());
            add_title(temp_.db(), "Құм басқан");
        }  // not committed: rolled back to where it began
        EXPECT_EQ(titles(temp_.db()), 4);
        outer.commit();
    }
    EXPECT_EQ(titles(temp_.db()), 4);
    EXPECT_EQ(titles(other_), 4) << "committed for every connection";

    {
        WriteTransaction outer(temp_.db());
        WriteTransaction inner(temp_.db());
        add_title(temp_.db(), "Ұлпан");
        inner.commit();
    }  // the outer one was not committed: the inner one's write goes with it
    EXPECT_EQ(titles(temp_.db()), 4);
}

}  // namespace
}  // namespace kitap::core
