// kitap-kiosk --server: a kiosk whose station is a real `kitap serve` (WebServer on
// 127.0.0.1), which the tests stop and start again to take the kiosk offline and back.
#include "kiosk/gui/model/remote_kiosk_library.hpp"

#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/web/tls_certificate.hpp"
#include "tests/kiosk/gui/support/station_server.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

using testing::StationServer;
using namespace std::chrono_literals;

core::Timestamp now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

class RemoteKioskLibraryTest : public ::testing::Test {
protected:
    RemoteKioskLibrary::Settings settings(const std::filesystem::path& journal) const {
        return {.address = {.tls = false, .host = "127.0.0.1", .port = server.port()},
                .token = server.token(),
                .station = StationServer::station,
                .journal = journal,
                .timeouts = {.connect = 500ms, .read = 5000ms},
                .retry_every = 0s};  // every call asks whether the server is back
    }
    std::unique_ptr<RemoteKioskLibrary> kiosk_on(const std::filesystem::path& journal) const {
        auto kiosk = std::make_unique<RemoteKioskLibrary>(settings(journal));
        EXPECT_FALSE(kiosk->open());
        return kiosk;
    }
    RemoteKioskLibrary::Handled scan(const std::string& code) {
        return kiosk->handle(core::Scan{.text = code, .source = "test"}, now());
    }
    static core::Outcome outcome_of(const RemoteKioskLibrary::Handled& handled) {
        EXPECT_FALSE(handled.fault) << handled.fault->detail;
        EXPECT_FALSE(handled.outcomes.empty());
        return handled.outcomes.empty() ? core::Outcome::refused : handled.outcomes.back().outcome;
    }
    // Offline: a loan on the kiosk alone, kept in its journal.
    void lend_offline() {
        server.stop();
        const auto card = scan(StationServer::pupil);
        EXPECT_TRUE(card.offline);
        EXPECT_EQ(outcome_of(card), core::Outcome::session);
        const auto loan = scan(StationServer::copy);
        EXPECT_TRUE(loan.offline);
        EXPECT_EQ(outcome_of(loan), core::Outcome::loan);
    }

    testing::TempDir dir;
    StationServer server;
    std::filesystem::path journal = dir.path() / "journal-reading-room.db";
    std::unique_ptr<RemoteKioskLibrary> kiosk = kiosk_on(journal);
};

TEST_F(RemoteKioskLibraryTest, OnlineTheScansAreTheServersStations) {
    EXPECT_EQ(kiosk->link_status(), (LinkStatus{.state = LinkStatus::State::online}));
    const auto card = scan(StationServer::pupil);
    EXPECT_EQ(outcome_of(card), core::Outcome::session);
    EXPECT_FALSE(card.offline);
    ASSERT_TRUE(card.session && card.session->reader);
    EXPECT_EQ(card.session->reader->card, StationServer::pupil);
    EXPECT_EQ(kiosk->session_reader()->card, StationServer::pupil);
    EXPECT_EQ(outcome_of(scan(StationServer::copy)), core::Outcome::loan);
    EXPECT_EQ(server.open_loans_of(StationServer::pupil), 1) << "the loan is on the server";
    EXPECT_EQ(outcome_of(kiosk->handle(core::StationCommand(core::Command::done), now())), core::Outcome::ended);
    EXPECT_FALSE(kiosk->session_reader());
    EXPECT_EQ(kiosk->command_code(core::Command::done), "KITAP-DONE");
}

TEST_F(RemoteKioskLibraryTest, OfflineTheCacheDecidesAndTheJournalKeeps) {
    lend_offline();
    EXPECT_EQ(kiosk->link_status(), (LinkStatus{.state = LinkStatus::State::offline, .journal_waiting = 2}));
    // A card the cache has never seen: only the server could say who it is.
    const auto unknown = scan("20000030");
    ASSERT_EQ(outcome_of(unknown), core::Outcome::refused);
    EXPECT_EQ(unknown.outcomes.back().reason, core::Reason::needs_server);
    EXPECT_TRUE(unknown.offline);
    // The librarian's screens need the server, and say so at once.
    const auto pin = kiosk->librarian_pin_state(now());
    ASSERT_FALSE(pin);
    EXPECT_EQ(pin.error().kind, FaultKind::needs_server);
    EXPECT_EQ(server.open_loans_of(StationServer::pupil), 0);
}

TEST_F(RemoteKioskLibraryTest, BackOnlineTheJournalGoesUpAndTheCacheIsFresh) {
    lend_offline();
    // Meanwhile the school took in a pupil the kiosk's cache does not know yet.
    server.school().add_pupil("20000030", server.school().add_class("2023-2024", 6, "А"));
    server.start();
    const auto tick = kiosk->expire_idle(now());
    EXPECT_FALSE(tick.fault);
    EXPECT_EQ(kiosk->link_status(), (LinkStatus{.state = LinkStatus::State::online, .journal_waiting = 0}));
    EXPECT_EQ(server.open_loans_of(StationServer::pupil), 1) << "the offline loan is on the server";
    auto library = server.open_library();
    const auto stations = library.stations().list(now());
    ASSERT_TRUE(stations);
    ASSERT_EQ(stations->size(), 1u);
    EXPECT_EQ((*stations)[0].journal_waiting, 0);

    server.stop();
    EXPECT_EQ(outcome_of(scan("20000030")), core::Outcome::session) << "the refreshed cache knows the new pupil";
}

TEST_F(RemoteKioskLibraryTest, AnUploadRepeatedChangesNothing) {
    lend_offline();
    kiosk.reset();  // the kiosk is killed before it hears back: a copy of its journal uploads again
    const auto copy = dir.path() / "journal-copy.db";
    std::filesystem::copy_file(journal, copy);
    server.start();
    kiosk = kiosk_on(journal);
    EXPECT_EQ(kiosk->link_status().journal_waiting, 0);
    kiosk.reset();
    const auto again = kiosk_on(copy);
    EXPECT_EQ(again->link_status(), (LinkStatus{.state = LinkStatus::State::online, .journal_waiting = 0}))
        << "the server acknowledged the entries it already had";
    EXPECT_EQ(server.open_loans_of(StationServer::pupil), 1);
}

TEST_F(RemoteKioskLibraryTest, TheServerChecksTheLibrariansPin) {
    {
        auto library = server.open_library();
        ASSERT_TRUE(store_pin(library.settings(), "270519"));
    }
    EXPECT_EQ(kiosk->librarian_pin_state(now())->locked_for, 0s);
    const auto wrong = kiosk->check_librarian_pin("1111", now());
    ASSERT_TRUE(wrong) << wrong.error().detail;
    EXPECT_EQ(wrong->verdict, PinCheck::Verdict::wrong);
    EXPECT_EQ(wrong->tries_left, 4);
    const auto desk_before = kiosk->handle_at_desk(core::Scan{.text = StationServer::pupil, .source = "test"}, now());
    EXPECT_TRUE(desk_before.fault) << "the desk opens only after the server has checked the PIN";

    const auto right = kiosk->check_librarian_pin("270519", now());
    ASSERT_TRUE(right);
    EXPECT_EQ(right->verdict, PinCheck::Verdict::accepted);
    kiosk->open_desk(core::StationMode::desk);
    const auto desk = kiosk->handle_at_desk(core::Scan{.text = StationServer::pupil, .source = "test"}, now());
    EXPECT_EQ(outcome_of(desk), core::Outcome::session);
    EXPECT_EQ(kiosk->desk_reader()->card, StationServer::pupil);
    EXPECT_FALSE(kiosk->record(core::LibrarianActionKind::librarian_locked, now()));
    EXPECT_TRUE(kiosk->handle_at_desk(core::Scan{.text = StationServer::copy, .source = "test"}, now()).fault)
        << "left: the server locked the desk again";

    auto library = server.open_library();
    const auto attempts = library.audit().pin_attempts();
    ASSERT_TRUE(attempts);
    EXPECT_TRUE(attempts->last_unlock) << "the server wrote the tries";
}

// The librarian's panels read the server's library as a local kiosk reads its own.
TEST_F(RemoteKioskLibraryTest, ThePanelsAreTheServersOnceThePinIsAccepted) {
    EXPECT_EQ(outcome_of(scan(StationServer::pupil)), core::Outcome::session);
    EXPECT_EQ(outcome_of(scan(StationServer::copy)), core::Outcome::loan);
    EXPECT_TRUE(!kiosk->held_items(StationServer::pupil)) << "locked before the PIN";
    {
        auto library = server.open_library();
        ASSERT_TRUE(store_pin(library.settings(), "270519"));
    }
    ASSERT_EQ(kiosk->check_librarian_pin("270519", now())->verdict, PinCheck::Verdict::accepted);

    const auto held = kiosk->held_items(StationServer::pupil);
    ASSERT_TRUE(held) << held.error().detail;
    ASSERT_EQ(held->size(), 1u);
    EXPECT_EQ((*held)[0].code, StationServer::copy);
    const auto looked = kiosk->look_up(StationServer::copy);
    ASSERT_TRUE(looked) << looked.error().detail;
    ASSERT_TRUE(looked->copy);
    EXPECT_EQ(looked->copy->history.size(), 1u);
    const auto progress = kiosk->class_progress("5Ә", core::local_date(now()));
    ASSERT_TRUE(progress) << progress.error().detail;
    const auto stocktake = kiosk->stocktake_status();
    ASSERT_TRUE(stocktake) << stocktake.error().detail;
    EXPECT_FALSE(*stocktake);
    const auto finished = kiosk->finish_stocktake(now());
    ASSERT_TRUE(finished) << finished.error().detail;
    EXPECT_FALSE(*finished) << "none open: core's refusal, to be translated";

    EXPECT_FALSE(kiosk->set_setting("kiosk_language", "ru", now()));
    EXPECT_EQ(server.open_library().settings().get("kiosk_language").value(), "ru");
    EXPECT_TRUE(kiosk->set_setting("school_name", "x", now())) << "only the kiosk's own settings";
    EXPECT_FALSE(kiosk->record(core::LibrarianActionKind::kiosk_closed, now()));
    EXPECT_TRUE(!kiosk->held_items(StationServer::pupil)) << "closed: locked again";
}

// The condition chosen at the return desk is the server's station's; the kiosk shows it
// until the return it was chosen for, then good again.
// "Find a book" needs no PIN: any pupil may search the catalogue, on the server.
TEST_F(RemoteKioskLibraryTest, FindABookSearchesTheServersCatalogueWhileItAnswers) {
    const auto found = kiosk->find_books("title");
    ASSERT_TRUE(found) << found.error().detail;
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ((*found)[0].title, "Title " + testing::TestSchool::isbn(1));
    EXPECT_EQ((*found)[0].total, 2);
    EXPECT_EQ((*found)[0].available, 2);
    server.stop();
    const auto offline = kiosk->find_books("title");
    ASSERT_FALSE(offline);
    EXPECT_EQ(offline.error().kind, FaultKind::needs_server);
}

TEST_F(RemoteKioskLibraryTest, TheReturnDesksConditionFollowsTheServersStation) {
    EXPECT_EQ(outcome_of(scan(StationServer::pupil)), core::Outcome::session);
    EXPECT_EQ(outcome_of(scan(StationServer::copy)), core::Outcome::loan);
    {
        auto library = server.open_library();
        ASSERT_TRUE(store_pin(library.settings(), "270519"));
    }
    ASSERT_EQ(kiosk->check_librarian_pin("270519", now())->verdict, PinCheck::Verdict::accepted);
    kiosk->open_desk(core::StationMode::desk);
    EXPECT_FALSE(kiosk->desk_condition()) << "only the return desk has one";
    kiosk->open_desk(core::StationMode::return_);
    EXPECT_EQ(kiosk->desk_condition(), core::Condition::good);

    const auto worn = kiosk->handle_at_desk(core::StationCommand(core::Command::worn), now());
    EXPECT_EQ(outcome_of(worn), core::Outcome::command);
    EXPECT_EQ(kiosk->desk_condition(), core::Condition::worn);
    const auto returned = kiosk->handle_at_desk(core::Scan{.text = StationServer::copy, .source = "test"}, now());
    EXPECT_EQ(outcome_of(returned), core::Outcome::returned);
    EXPECT_EQ(returned.outcomes.back().condition, core::Condition::worn) << "recorded worn on the server";
    EXPECT_EQ(kiosk->desk_condition(), core::Condition::good);
}

TEST_F(RemoteKioskLibraryTest, ATokenTheServerDoesNotKnowIsSaidSo) {
    auto with_wrong_token = settings(dir.path() / "journal-other.db");
    with_wrong_token.token = "not-the-stations-token";
    RemoteKioskLibrary stranger(with_wrong_token);
    const auto fault = stranger.open();
    ASSERT_TRUE(fault);
    EXPECT_EQ(fault->kind, FaultKind::station_refused) << fault->detail;
    EXPECT_NE(fault->detail.find("401"), std::string::npos) << fault->detail;
}

TEST(RemoteKioskLibraryTls, AnotherCertificateIsRefusedWithBothFingerprints) {
    testing::TempDir dir;
    const web::TlsFiles files{.certificate = dir.path() / "web.crt", .key = dir.path() / "web.key"};
    web::make_self_signed_certificate(files, "kitap-pc");
    StationServer server(files);
    const std::string trusted =
        "3A:F0:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:20:30:40:50:60";
    RemoteKioskLibrary kiosk({.address = {.tls = true, .host = "127.0.0.1", .port = server.port()},
                              .token = server.token(),
                              .trusted_fingerprint = trusted,
                              .station = StationServer::station,
                              .journal = dir.path() / "journal.db"});
    const auto fault = kiosk.open();
    ASSERT_TRUE(fault);
    EXPECT_EQ(fault->kind, FaultKind::server_certificate);
    EXPECT_NE(fault->detail.find(web::sha256_fingerprint(files.certificate)), std::string::npos);
    EXPECT_NE(fault->detail.find(trusted), std::string::npos);
}

}  // namespace
}  // namespace kitap::kiosk
