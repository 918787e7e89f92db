#include "core/offline/offline_journal.hpp"

#include "tests/support/school.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const Timestamp at = sys_days{2026y / November / 25} + 10h;

OfflineJournal open_journal(const std::filesystem::path& path, const std::string& station = "hall") {
    auto journal = OfflineJournal::open(path, station);
    if (!journal) throw std::runtime_error(journal.error().detail);
    return std::move(*journal);
}

std::vector<std::string> codes_of(const std::vector<JournalEntry>& entries) {
    std::vector<std::string> codes;
    for (const auto& entry : entries) codes.push_back(entry.code);
    return codes;
}

class OfflineJournalTest : public ::testing::Test {
protected:
    std::filesystem::path path() const { return dir_.path() / "journal-hall.db"; }

    testing::TempDir dir_;
};

TEST_F(OfflineJournalTest, AppendGivesAnEntryWithAFreshIdAndKeepsTheOrder) {
    auto journal = open_journal(path());
    const auto first = journal.append("20000014", "20000014", StationMode::self, at);
    const auto second = journal.append("20000014", "10000017", StationMode::self, at + 5s);
    const auto third = journal.append("", "10000025", StationMode::self, at + 9s);
    ASSERT_TRUE(first && second && third);
    EXPECT_EQ(first->id.size(), 32u);
    EXPECT_EQ(first->id.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(first->id, second->id);
    EXPECT_EQ(*second, (JournalEntry{.id = second->id,
                                     .station = "hall",
                                     .scanned_at = at + 5s,
                                     .card = "20000014",
                                     .code = "10000017",
                                     .mode = StationMode::self}));
    EXPECT_EQ(*journal.waiting(10), (std::vector<JournalEntry>{*first, *second, *third}));
    EXPECT_EQ(*journal.waiting(2), (std::vector<JournalEntry>{*first, *second}));
    EXPECT_EQ(*journal.waiting_count(), 3);
}

TEST_F(OfflineJournalTest, IdsAreUnique) {
    auto journal = open_journal(path());
    std::set<std::string> ids;
    for (int i = 0; i < 200; ++i) ids.insert(journal.append("c", "x" + std::to_string(i), StationMode::self, at)->id);
    EXPECT_EQ(ids.size(), 200u);
}

TEST_F(OfflineJournalTest, AcknowledgedEntriesStopWaitingAndStayInTheFile) {
    auto journal = open_journal(path());
    const auto first = *journal.append("20000014", "20000014", StationMode::self, at);
    const auto second = *journal.append("20000014", "10000017", StationMode::self, at + 5s);
    const auto third = *journal.append("20000014", "10000025", StationMode::self, at + 9s);
    EXPECT_EQ(*journal.acknowledge({first.id, third.id, "no-such-id"}), 2);
    EXPECT_EQ(*journal.acknowledge({first.id}), 0);  // already
    EXPECT_EQ(*journal.waiting(10), std::vector<JournalEntry>{second});
    EXPECT_EQ(*journal.waiting_count(), 1);
    SQLite::Database file(path().string());
    EXPECT_EQ(file.execAndGet("SELECT count(*) FROM journal").getInt(), 3);
}

TEST_F(OfflineJournalTest, EntriesCannotBeChangedOrRemoved) {
    auto journal = open_journal(path());
    ASSERT_TRUE(journal.append("20000014", "10000017", StationMode::self, at));
    SQLite::Database file(path().string(), SQLite::OPEN_READWRITE);
    EXPECT_THROW(file.exec("UPDATE journal SET card = '20000022'"), SQLite::Exception);
    EXPECT_THROW(file.exec("DELETE FROM journal"), SQLite::Exception);
    EXPECT_EQ(codes_of(*journal.waiting(10)), std::vector<std::string>{"10000017"});
}

TEST_F(OfflineJournalTest, EntriesOutliveTheKioskAndTheFileIsTheOwnersOnly) {
    {
        auto journal = open_journal(path());
        ASSERT_TRUE(journal.append("20000014", "10000017", StationMode::self, at));
    }
    auto reopened = open_journal(path());
    EXPECT_EQ(codes_of(*reopened.waiting(10)), std::vector<std::string>{"10000017"});
    struct stat info {};
    ASSERT_EQ(::stat(path().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(OfflineJournalTest, ASecondOpenIsRefusedWhileTheFirstHoldsIt) {
    auto journal = open_journal(path());
    const auto second = OfflineJournal::open(path(), "hall");
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().detail.find("another kiosk"), std::string::npos) << second.error().detail;
    { auto moved = std::move(journal); }  // closed
    EXPECT_TRUE(OfflineJournal::open(path(), "hall"));
}

TEST_F(OfflineJournalTest, AFileBelongsToItsStation) {
    { open_journal(path(), "hall"); }
    const auto other = OfflineJournal::open(path(), "reading-room");
    ASSERT_FALSE(other);
    EXPECT_NE(other.error().detail.find("station hall's, not reading-room's"), std::string::npos)
        << other.error().detail;
    EXPECT_FALSE(OfflineJournal::open(dir_.path() / "nameless.db", ""));
}

TEST_F(OfflineJournalTest, TheSchoolDatabaseIsNeverTakenForAJournal) {
    testing::TempDatabase school;
    const auto journal = OfflineJournal::open(school.path(), "hall");
    ASSERT_FALSE(journal);
    EXPECT_NE(journal.error().detail.find("is not a Kitap kiosk's journal"), std::string::npos)
        << journal.error().detail;
    EXPECT_FALSE(school.db().tableExists("journal"));
}

// A kiosk killed (kill -9) while it appends: every entry whose append returned is in the
// journal, in order, once; the file opens again and takes more.
TEST_F(OfflineJournalTest, EveryReturnedAppendSurvivesKillNine) {
    int appended = 0;  // codes "0", "1", ... across the kills
    for (const int kill_after : {3, 17, 40}) {
        int ids[2];
        ASSERT_EQ(::pipe(ids), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(ids[0]);
            auto journal = OfflineJournal::open(path(), "hall");
            if (!journal) ::_exit(3);
            for (int code = appended;; ++code) {
                if (!journal->append("20000014", std::to_string(code), StationMode::self, at)) ::_exit(4);
                const std::string line = std::to_string(code) + "\n";
                if (::write(ids[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(5);
            }
        }
        ::close(ids[1]);
        FILE* reported = ::fdopen(ids[0], "r");
        int last_reported = appended - 1;
        for (int code = 0; last_reported < appended + kill_after && std::fscanf(reported, "%d", &code) == 1;)
            last_reported = code;
        ::kill(child, SIGKILL);  // most likely inside the next append's commit
        int status = 0;
        ::waitpid(child, &status, 0);
        for (int code = 0; std::fscanf(reported, "%d", &code) == 1;) last_reported = code;
        std::fclose(reported);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself: " << status;

        auto journal = open_journal(path());
        const auto codes = codes_of(*journal.waiting(INT_MAX));
        ASSERT_GE(static_cast<int>(codes.size()), last_reported + 1);
        ASSERT_LE(static_cast<int>(codes.size()), last_reported + 2);  // at most the one being committed
        for (int code = 0; code < static_cast<int>(codes.size()); ++code) ASSERT_EQ(codes[code], std::to_string(code));
        appended = static_cast<int>(codes.size());
    }
    EXPECT_GE(appended, 60);
}

}  // namespace
}  // namespace kitap::core
