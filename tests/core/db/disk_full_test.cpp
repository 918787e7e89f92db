// A disk that fills in the middle of an action: SQLite's max_page_count stands in
// for the disk, set to the pages the database holds with the event log's last page
// filled, so the action's first new page is refused (SQLITE_FULL) after some of its
// writes. The caller must get an exception (broken infrastructure, not an outcome),
// the database must hold nothing of the action, and once there is room again the
// same action must succeed.
#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/import/reader_import.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "tests/support/test_database.hpp"

#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr const char* pupil_card = "20000014";
constexpr const char* free_copy = "10000017";
constexpr int pupils_in_class = 30;

class DiskFullTest : public ::testing::Test {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        auto& db = temp_.db();
        db.exec(
            "INSERT INTO school_class (id, grade, letter, language, school_year) VALUES (1, 5, 'Ә', 'kk', "
            "'2026-2027')");
        SQLite::Statement pupil(db,
                                "INSERT INTO reader (card, full_name, category, class_id) VALUES (?, ?, 'pupil', 1)");
        for (int n = 0; n < pupils_in_class; ++n) {
            pupil.bind(1, n == 0 ? std::string(pupil_card) : "2100" + std::to_string(1000 + n));
            pupil.bind(2, "Оқушы " + std::to_string(n));
            pupil.exec();
            pupil.reset();
        }
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, subject, stock) VALUES
            (1, 'Абай жолы', NULL, 'fiction', NULL, '', 0),
            (2, 'Математика. 5-сынып. 1-бөлім', '9786010000001', 'textbook', 5, 'Математика', 100),
            (3, 'Қазақ тілі. 5-сынып', '9786010000018', 'textbook', 5, 'Қазақ тілі', 100))");
        db.exec("INSERT INTO copy (id, barcode, title_id, status) VALUES (1, '10000017', 1, 'in_fund')");
        db.exec(R"(INSERT INTO curriculum (grade, language, title_id, per_pupil, subject) VALUES
            (5, 'kk', 2, 1, 'Математика'), (5, 'kk', 3, 1, 'Қазақ тілі'))");
        db.exec("VACUUM");  // no free pages left over from the migrations: every new page grows the file
    }

    // Limits the database to the pages it has and fills the event log's last page, so
    // the next event (or any other new page) does not fit. Every action logs events.
    void fill_the_disk() {
        auto& db = temp_.db();
        db.exec("PRAGMA max_page_count = " + std::to_string(db.execAndGet("PRAGMA page_count").getInt()));
        db.exec("PRAGMA synchronous = OFF");  // hundreds of one-row commits; durability is not under test here
        EventLog filler(db);
        for (;;) {
            try {
                filler.append({.at = now_, .action = "filler"});
            } catch (const SQLite::Exception& e) {
                ASSERT_EQ(e.getErrorCode(), SQLITE_FULL) << e.what();
                break;
            }
        }
        db.exec("PRAGMA synchronous = FULL");
    }

    void free_the_disk() { temp_.db().exec("PRAGMA max_page_count = 1073741823"); }

    // Every row of every table, to compare the database before and after a failed action.
    std::string everything() { return testing::table_rows(temp_.db()); }

    // The action fails on a full disk with an exception and leaves nothing behind.
    void expect_refused_whole(const std::function<void()>& action) {
        fill_the_disk();
        const std::string before = everything();
        try {
            action();
            ADD_FAILURE() << "the action succeeded on a full disk";
        } catch (const SQLite::Exception& e) {
            EXPECT_EQ(e.getErrorCode(), SQLITE_FULL) << e.what();
        }
        EXPECT_EQ(everything(), before) << "the failed action left something behind";
        EXPECT_EQ(temp_.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
        free_the_disk();
    }

    int count(const std::string& sql) { return temp_.db().execAndGet(sql).getInt(); }

    testing::TempDatabase temp_;
    sys_seconds now_ = sys_days{year{2026} / 11 / 25} + hours{10};
};

TEST_F(DiskFullTest, AStationScanIsRefusedWholeThenSucceeds) {
    LibraryStore store(temp_.db());
    Station station(store, Rules{}, StationMode::self, "kiosk");
    ASSERT_EQ(station.handle({.text = pupil_card}, now_).last().outcome, Outcome::session);

    // The loan row is written before its event, which finds no room.
    expect_refused_whole([&] { station.handle({.text = free_copy}, now_); });
    EXPECT_EQ(count("SELECT count(*) FROM loan"), 0);

    const auto lent = station.handle({.text = free_copy}, now_).last();
    EXPECT_EQ(lent.outcome, Outcome::loan);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'loan' AND station = 'kiosk'"), 1);
}

TEST_F(DiskFullTest, AClassIssuanceIsRefusedWholeThenSucceeds) {
    const IssueSetOptions options{.now = now_};
    expect_refused_whole([&] { issue_class_set(temp_.db(), "5Ә", Rules{}, options); });

    const auto issued = issue_class_set(temp_.db(), "5Ә", Rules{}, options);
    ASSERT_TRUE(issued.result);
    EXPECT_EQ(issued.result->complete_sets, pupils_in_class);
    EXPECT_EQ(count("SELECT count(*) FROM loan"), 2 * pupils_in_class);
}

TEST_F(DiskFullTest, AReaderImportIsRefusedWholeThenSucceeds) {
    std::string roster = "name,class\n";
    for (int n = 0; n < 200; ++n) roster += "Жаңа оқушы " + std::to_string(n) + ",6Б\n";
    const ReaderImportOptions options{.school_year = "2026-2027", .now = now_};
    expect_refused_whole([&] { import_readers(temp_.db(), roster, options); });

    const auto imported = import_readers(temp_.db(), roster, options);
    EXPECT_TRUE(imported.ok());
    EXPECT_EQ(imported.added, 200);
    EXPECT_EQ(count("SELECT count(*) FROM reader"), pupils_in_class + 200);
}

}  // namespace
}  // namespace kitap::core
