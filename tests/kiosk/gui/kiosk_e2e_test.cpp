// The whole kiosk, as pupils and the librarian meet it: the built kitap-kiosk on
// a fresh database under an Xvfb of its own, scans written into a pipe: source,
// taps made with xdotool. Each outcome must show on screen (a screenshot named
// after its screen) before the next scan, and the database must hold what the
// screens said.
#include "core/circulation/library_store.hpp"
#include "core/db/database.hpp"
#include "kiosk/gui/screens/issuance_panel.hpp"
#include "kiosk/gui/screens/librarian_screen.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "tests/kiosk/gui/support/child_process.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kitap::kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::SampleLibrary;

class KioskEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* program : {"Xvfb", "xdotool"})
            if (!testing::find_program(program))
                GTEST_SKIP() << program << " is not installed (deploy/install-deps installs xvfb and xdotool)";
        testing::create_sample_library(db_path(), "123456");
        std::ofstream(dir.path() / "kitap.toml") << "[school]\nname = \"№ 7 мектеп-гимназия\"\n"
                                                    "[station]\ndouble_scan_seconds = 1\nidle_timeout_seconds = 6\n"
                                                    // xdotool's 8 ms between keys can stretch on a loaded CI
                                                    // machine; a person typing (150 ms) stays far above this.
                                                    "[devices]\nscanner_key_gap_ms = 80\n";
        ASSERT_EQ(mkfifo(fifo().c_str(), 0600), 0);
        display.emplace(dir.path() / "xvfb.log");
    }

    void TearDown() override {
        if (scans >= 0) close(scans);
        if (kiosk && kiosk->running()) {
            kiosk->signal(SIGTERM);
            kiosk->wait_for_exit(20s);
        }
        // KITAP_E2E_SCREENSHOTS=DIR keeps each test's screenshots in DIR/<test>/ to look at.
        if (const char* keep = std::getenv("KITAP_E2E_SCREENSHOTS"); keep && *keep) {
            const auto target = fs::path(keep) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
            std::error_code error;
            fs::remove_all(target, error);
            fs::create_directories(target, error);
            fs::copy(shots(), target, fs::copy_options::recursive, error);
        }
        if (HasFailure()) {
            std::ifstream log(dir.path() / "kiosk.log");
            std::cerr << "--- kiosk.log ---\n" << log.rdbuf() << "\n--- screenshots: ";
            for (const auto& name : screenshots()) std::cerr << name << ' ';
            std::cerr << '\n';
        }
    }

    fs::path db_path() const { return dir.path() / "kitap.db"; }
    fs::path fifo() const { return dir.path() / "scans.fifo"; }
    fs::path shots() const { return dir.path() / "shots"; }

    void start_kiosk(const std::string& language, const std::vector<std::string>& more = {}) {
        std::vector<std::string> args{KITAP_KIOSK_BINARY,
                                      "--db",
                                      db_path().string(),
                                      "--config",
                                      (dir.path() / "kitap.toml").string(),
                                      "--scanner",
                                      "pipe:" + fifo().string(),
                                      "--fullscreen",
                                      "--lang",
                                      language,
                                      "--screenshot-dir",
                                      shots().string(),
                                      "--mute"};
        args.insert(args.end(), more.begin(), more.end());
        kiosk.emplace(args,
                      std::vector<std::string>{"DISPLAY=" + display->name(),
                                               // Mesa's software driver (swrast_dri.so) leaks two small blocks
                                               // and is unloaded before LeakSanitizer reports, so no
                                               // suppression can name it; the kiosk's own code is leak-checked
                                               // by kitap_kiosk_tests.
                                               "ASAN_OPTIONS=detect_leaks=0"},
                      dir.path() / "kiosk.log");
        // The pipe source opens the FIFO once the kiosk runs; then it is ours to write.
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while ((scans = open(fifo().c_str(), O_WRONLY | O_NONBLOCK)) < 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(50ms);
        ASSERT_GE(scans, 0) << "the kiosk never opened its pipe: source";
    }

    void scan(const std::string& code) {
        const std::string line = code + "\n";
        ASSERT_EQ(write(scans, line.data(), line.size()), static_cast<ssize_t>(line.size()));
    }

    std::vector<std::string> screenshots() const {
        std::vector<std::string> names;
        static const std::regex name(R"(\d{4}-[a-z_]+\.png)");
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(shots(), error))
            if (std::regex_match(entry.path().filename().string(), name)) names.push_back(entry.path().filename());
        std::sort(names.begin(), names.end());
        return names;
    }

    // Waits for screenshot number `count` and returns its name ("" on timeout).
    std::string wait_for_screenshot(std::size_t count, std::chrono::seconds timeout = 20s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto names = screenshots();
            if (names.size() >= count) return names[count - 1];
            if (!kiosk->running()) break;
            std::this_thread::sleep_for(50ms);
        }
        return "";
    }

    void xdotool(const std::string& arguments) {
        const std::string command = "DISPLAY=" + display->name() + " xdotool " + arguments;
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }
    void tap(const Rect& r) {
        xdotool("mousemove " + std::to_string(static_cast<int>(r.centre_x())) + " " +
                std::to_string(static_cast<int>(r.centre_y())) + " click 1");
        std::this_thread::sleep_for(150ms);
    }

    std::optional<core::OpenLoan> open_loan(SQLite::Database& db, const char* barcode) {
        core::LibraryStore store(db);
        return store.open_loan_of_copy(store.copy_by_barcode(barcode)->id);
    }

    testing::TempDir dir;
    std::optional<testing::VirtualDisplay> display;
    std::optional<testing::ChildProcess> kiosk;
    int scans = -1;
};

// Card -> loan -> return -> refused -> loan -> another card -> idle timeout, then the
// librarian's corner, PIN keypad, a lookup and closing the kiosk.
TEST_F(KioskEndToEnd, APupilsVisitThenTheLibrarianClosesTheKiosk) {
    start_kiosk("kk");
    EXPECT_EQ(wait_for_screenshot(1), "0001-welcome.png");

    const std::vector<std::pair<const char*, const char*>> visit = {
        {SampleLibrary::pupil_a, "0002-session.png"},  // the session opens
        {SampleLibrary::copy_1, "0003-session.png"},   // lent
        {SampleLibrary::copy_1, "0004-session.png"},   // brought back (after the double-scan window)
        {SampleLibrary::copy_3, "0005-session.png"},   // someone else's: refused
        {SampleLibrary::copy_2, "0006-session.png"},   // lent
        {SampleLibrary::pupil_b, "0007-session.png"},  // another card: the session switches
    };
    std::size_t count = 1;
    for (const auto& [code, screenshot] : visit) {
        if (std::string(code) == SampleLibrary::copy_1) std::this_thread::sleep_for(1200ms);
        scan(code);
        EXPECT_EQ(wait_for_screenshot(++count), screenshot) << "after scanning " << code;
    }
    // Nobody scans: after 6 s the session ends by itself.
    EXPECT_EQ(wait_for_screenshot(++count, 30s), "0008-welcome.png");

    // The librarian holds the corner for two seconds, then types the PIN on the keypad.
    const Rect corner = librarian_corner(1.0f);
    xdotool("mousemove " + std::to_string(static_cast<int>(corner.centre_x())) + " " +
            std::to_string(static_cast<int>(corner.centre_y())) + " mousedown 1 sleep 2.6 mouseup 1");
    EXPECT_EQ(wait_for_screenshot(++count), "0009-pin.png");
    const Rect below_bar{0, top_bar_height(1.0f), 1280, 800 - top_bar_height(1.0f)};
    const KeypadLayout keypad = keypad_layout(below_bar, 1.0f);
    for (int key : {0, 1, 2, 3, 4, 5}) tap(keypad.keys[key]);  // 1 2 3 4 5 6
    tap(keypad.keys[KeypadLayout::ok]);
    EXPECT_EQ(wait_for_screenshot(++count), "0010-librarian.png");  // class issuance: the classes

    // Class issuance: a pupil's card brings up the class, a textbook scanned goes to
    // that pupil; then the whole class is given its set from stock.
    const LibrarianLayout librarian = librarian_layout(below_bar, 1.0f);
    scan(SampleLibrary::pupil_a);
    EXPECT_EQ(wait_for_screenshot(++count), "0011-librarian.png");
    scan(SampleLibrary::maths_5);
    EXPECT_EQ(wait_for_screenshot(++count), "0012-librarian.png");
    const IssuanceLayout issuance = issuance_layout(librarian.content, 1.0f);
    tap(issuance.issue_all);
    EXPECT_EQ(wait_for_screenshot(++count), "0013-librarian.png");  // the question
    tap(issuance.confirm);
    EXPECT_EQ(wait_for_screenshot(++count), "0014-librarian.png");  // what was issued

    // Behind the PIN, on the lookup tab, a scan only looks things up.
    tap(librarian.tabs[static_cast<std::size_t>(LibrarianTab::lookup)]);
    EXPECT_EQ(wait_for_screenshot(++count), "0015-librarian.png");
    scan(SampleLibrary::copy_2);
    EXPECT_EQ(wait_for_screenshot(++count), "0016-librarian.png");

    tap(librarian.leave);
    EXPECT_EQ(wait_for_screenshot(++count), "0017-librarian.png");
    tap(librarian.close);
    EXPECT_EQ(kiosk->wait_for_exit(20s), 0);

    // What the screens said is what the database holds.
    auto db = core::open_database(db_path());
    EXPECT_FALSE(open_loan(db, SampleLibrary::copy_1)) << "returned";
    const auto copy_2 = open_loan(db, SampleLibrary::copy_2);
    ASSERT_TRUE(copy_2);
    EXPECT_EQ(copy_2->reader_card, SampleLibrary::pupil_a);
    const auto copy_3 = open_loan(db, SampleLibrary::copy_3);
    ASSERT_TRUE(copy_3);
    EXPECT_EQ(copy_3->reader_card, SampleLibrary::pupil_b) << "the refused scan changed nothing";
    SQLite::Statement events(db, "SELECT action, count(*) FROM event WHERE station = 'kiosk' GROUP BY action");
    std::map<std::string, int> actions;
    while (events.executeStep()) actions[events.getColumn(0).getString()] = events.getColumn(1).getInt();
    EXPECT_EQ(actions["loan"], 2 + 1 + 3);  // the pupil's, the desk's, the class issuance's
    EXPECT_EQ(actions["pin_accepted"], 1);  // the librarian's side is in the audit log
    EXPECT_EQ(actions["kiosk_closed"], 1);
    EXPECT_EQ(actions["return"], 1);
    const auto held = [&](const char* card, const char* isbn) {
        SQLite::Statement query(db, R"(
            SELECT coalesce(sum(l.quantity), 0) FROM loan l JOIN reader r ON r.id = l.reader_id
            JOIN title t ON t.id = l.title_id WHERE r.card = ? AND t.isbn = ? AND l.returned_at IS NULL)");
        query.bind(1, card);
        query.bind(2, isbn);
        query.executeStep();
        return query.getColumn(0).getInt();
    };
    for (const char* card : {SampleLibrary::pupil_a, SampleLibrary::pupil_c})
        for (const char* isbn : {SampleLibrary::maths_5, SampleLibrary::kazakh_5})
            EXPECT_EQ(held(card, isbn), 1) << card << " " << isbn;
    EXPECT_EQ(actions["visit"], 1);  // pupil B's visit today was already counted when the sample lent copy 3

    // Every screenshot is the whole 1280x800 screen.
    for (const auto& name : screenshots()) {
        std::ifstream png(shots() / name, std::ios::binary);
        unsigned char header[24] = {};
        png.read(reinterpret_cast<char*>(header), sizeof header);
        const auto be32 = [&](int at) {
            return header[at] << 24 | header[at + 1] << 16 | header[at + 2] << 8 | header[at + 3];
        };
        EXPECT_EQ(be32(16), 1280) << name;
        EXPECT_EQ(be32(20), 800) << name;
    }
}

// Another program locks the database: the next scan shows the fault screen, nothing
// is recorded, and the kiosk recovers by itself once the lock goes. SIGTERM ends it.
TEST_F(KioskEndToEnd, ALockedDatabaseIsAFaultThatRecoversByItself) {
    start_kiosk("ru");
    EXPECT_EQ(wait_for_screenshot(1), "0001-welcome.png");
    scan(SampleLibrary::pupil_a);
    EXPECT_EQ(wait_for_screenshot(2), "0002-session.png");
    {
        SQLite::Database other(db_path().string(), SQLite::OPEN_READWRITE);
        SQLite::Transaction lock(other, SQLite::TransactionBehavior::IMMEDIATE);
        scan(SampleLibrary::copy_1);
        EXPECT_EQ(wait_for_screenshot(3, 30s), "0003-fault.png");
        std::this_thread::sleep_for(1s);
    }  // the lock goes
    EXPECT_EQ(wait_for_screenshot(4, 30s), "0004-welcome.png");
    {
        auto db = core::open_database(db_path());
        EXPECT_FALSE(open_loan(db, SampleLibrary::copy_1)) << "the scan during the fault was not recorded";
    }
    scan(SampleLibrary::pupil_a);
    EXPECT_EQ(wait_for_screenshot(5), "0005-session.png");
    scan(SampleLibrary::copy_1);
    EXPECT_EQ(wait_for_screenshot(6), "0006-session.png");

    kiosk->signal(SIGTERM);
    EXPECT_EQ(kiosk->wait_for_exit(20s), 0);
    auto db = core::open_database(db_path());
    const auto loan = open_loan(db, SampleLibrary::copy_1);
    ASSERT_TRUE(loan);
    EXPECT_EQ(loan->reader_card, SampleLibrary::pupil_a);
}

// A scanner in keyboard mode types into the kiosk window: its burst of keys is a
// scan. Escape and Alt-F4 do nothing for pupils. (A window manager's close request,
// which Xvfb without a window manager cannot send, is refused in KioskWindow::on_close.)
TEST_F(KioskEndToEnd, KeyboardScannerAndNoWayOutForPupils) {
    start_kiosk("en", {"--scanner", "wedge"});
    EXPECT_EQ(wait_for_screenshot(1), "0001-welcome.png");
    xdotool("key Escape");
    xdotool("key alt+F4");
    std::this_thread::sleep_for(1s);
    EXPECT_TRUE(kiosk->running());
    // The card's digits and Enter, 8 ms apart, as a scanner types them.
    std::string keys = "key --delay 8";
    for (char digit : std::string(SampleLibrary::pupil_a)) keys += std::string(" ") + digit;
    xdotool(keys + " Return");
    EXPECT_EQ(wait_for_screenshot(2), "0002-session.png");
    // A person typing slowly is no scanner: nothing happens.
    xdotool("key --delay 150 3 0 0 0 0 0 0 1 Return");
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(screenshots().size(), 2u);
    kiosk->signal(SIGINT);
    EXPECT_EQ(kiosk->wait_for_exit(20s), 0);
    auto db = core::open_database(db_path());
    EXPECT_FALSE(open_loan(db, SampleLibrary::copy_1));
}

}  // namespace
}  // namespace kitap::kiosk
