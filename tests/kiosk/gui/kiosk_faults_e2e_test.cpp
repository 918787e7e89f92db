// The kiosk when things break under it, end to end: the disk fills while it runs
// and frees again; its only scanner is unplugged and plugged back. Each time the
// fault screen must show (a NNNN-fault.png), nothing half-done may reach the
// database, and the kiosk must go on by itself once the cause has gone.
#include "core/circulation/library_store.hpp"
#include "core/db/database.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/kiosk/gui/support/tested_kiosk.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include <sys/resource.h>

namespace kitap::kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::SampleLibrary;
using testing::TestedKiosk;

// Sets the soft file size limit (RLIMIT_FSIZE) of a running process, as `prlimit --fsize` does.
void limit_file_size(pid_t pid, rlim_t bytes) {
    rlimit limit{};
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, nullptr, &limit), 0);
    limit.rlim_cur = std::min(bytes, limit.rlim_max);
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, &limit, nullptr), 0);
}

std::optional<std::string> holder_of(SQLite::Database& db, const char* barcode) {
    core::LibraryStore store(db);
    const auto loan = store.open_loan_of_copy(store.copy_by_barcode(barcode)->id);
    return loan ? std::optional(loan->reader_card) : std::nullopt;
}

int printed_loans_of(const TestedKiosk& kiosk, const char* barcode) {
    const auto lines = kiosk.printed_outcomes();
    const std::string code = std::string("\"code\":\"") + barcode + "\"";
    return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.find(code) != std::string::npos && line.find("\"outcome\":\"loan\"") != std::string::npos;
    }));
}

class KioskFaults : public ::testing::Test {
protected:
    void SetUp() override {
        if (!TestedKiosk::can_run()) GTEST_SKIP() << "Xvfb is not installed (deploy/install-deps installs xvfb)";
        kiosk.emplace();
    }
    std::optional<TestedKiosk> kiosk;
};

// The kiosk may write no further into its files than the write-ahead log already
// reaches (a file size limit: the write fails with EFBIG, as on a full disk). The next
// loan is refused whole and the fault screen says the disk is full; with room again
// the kiosk comes back by itself and the same loan goes through.
TEST_F(KioskFaults, ADiskThatFillsIsAFaultUntilThereIsRoomAgain) {
    // Another connection stays open all along, so the kiosk's log is never checkpointed
    // away, and it is made long first (without reaching the 1000 pages of an automatic
    // checkpoint): the screenshots, far shorter, stay writable under the limit.
    SQLite::Database keeper = core::open_database(kiosk->db_path());
    keeper.exec("PRAGMA wal_autocheckpoint = 0");
    keeper.exec("CREATE TABLE padding (bytes BLOB)");
    keeper.exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
        "INSERT INTO padding SELECT randomblob(4000) FROM n");
    keeper.exec("DROP TABLE padding");

    kiosk->start();
    EXPECT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(kiosk->wait_for_screenshot(2), "0002-session.png");

    const auto wal = fs::path(kiosk->db_path().string() + "-wal");
    limit_file_size(kiosk->process().pid(), fs::file_size(wal));
    kiosk->scan(SampleLibrary::copy_1);
    EXPECT_EQ(kiosk->wait_for_screenshot(3), "0003-fault.png");
    std::this_thread::sleep_for(4s);  // a retry, still without room, stays on the fault screen
    EXPECT_EQ(kiosk->screenshots().size(), 3u);
    EXPECT_FALSE(holder_of(keeper, SampleLibrary::copy_1)) << "the refused loan left nothing";
    EXPECT_EQ(printed_loans_of(*kiosk, SampleLibrary::copy_1), 0);
    EXPECT_EQ(keeper.execAndGet("PRAGMA integrity_check").getString(), "ok");

    limit_file_size(kiosk->process().pid(), RLIM_INFINITY);
    EXPECT_EQ(kiosk->wait_for_screenshot(4), "0004-welcome.png") << "back by itself within a retry";
    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(kiosk->wait_for_screenshot(5), "0005-session.png");
    kiosk->scan(SampleLibrary::copy_1);
    EXPECT_EQ(kiosk->wait_for_screenshot(6), "0006-session.png");
    EXPECT_EQ(holder_of(keeper, SampleLibrary::copy_1), SampleLibrary::pupil_a);
    EXPECT_EQ(printed_loans_of(*kiosk, SampleLibrary::copy_1), 1);
}

// The FIFO's writer is the only scanner: when it goes the pupils are told (the fault
// screen, the open session closed), when it comes back the kiosk takes scans again.
TEST_F(KioskFaults, TheOnlyScannerUnpluggedAndPluggedBack) {
    kiosk->start();
    EXPECT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(kiosk->wait_for_screenshot(2), "0002-session.png");

    kiosk->unplug();
    EXPECT_EQ(kiosk->wait_for_screenshot(3), "0003-fault.png");
    kiosk->plug_in();
    EXPECT_EQ(kiosk->wait_for_screenshot(4), "0004-welcome.png") << "back before anything is scanned";

    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(kiosk->wait_for_screenshot(5), "0005-session.png");
    kiosk->scan(SampleLibrary::copy_1);
    EXPECT_EQ(kiosk->wait_for_screenshot(6), "0006-session.png");
    kiosk->process().signal(SIGTERM);
    EXPECT_EQ(kiosk->process().wait_for_exit(20s), 0);
    auto db = core::open_database(kiosk->db_path());
    EXPECT_EQ(holder_of(db, SampleLibrary::copy_1), SampleLibrary::pupil_a);
    EXPECT_EQ(printed_loans_of(*kiosk, SampleLibrary::copy_1), 1);
}

}  // namespace
}  // namespace kitap::kiosk
