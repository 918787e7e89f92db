// What the transcripts do not show: PINs, holds, logins across channels and what is on
// disk when an answer says ok.
#include "tests/kiosk/sip2/session/sip2_session_fixture.hpp"

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;

const std::string date = "20240301    170000";
const std::string no_due(18, ' ');

std::string checkout(const std::string& card, const std::string& item, const std::string& pin = "") {
    return "11NN" + date + no_due + "AOkitap|AA" + card + "|AB" + item + "|AC|" + (pin.empty() ? "" : "AD" + pin + "|");
}

using Sip2Session = Sip2SessionFixture;

TEST_F(Sip2Session, AnAcknowledgedCheckoutIsOnDiskBeforeTheAnswer) {
    add_terminal();
    ASSERT_EQ(log_in(), "941");
    ASSERT_TRUE(ask(checkout("20000022", "10000025")).starts_with("121"));
    // Another connection, as the librarian's desk would read it.
    auto other = core::Library::open(path()).value();
    const auto held = other.circulation().held_items("20000022").value();
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].code, "10000025");
    EXPECT_EQ(text("SELECT station FROM loan WHERE reader_id = (SELECT id FROM reader WHERE card = '20000022')"),
              "sip2:front-door")
        << "the terminal's location code names the station";
    EXPECT_EQ(text("SELECT actor_account FROM event WHERE action = 'loan'"), terminal_name);
}

TEST_F(Sip2Session, AReaderWithAPinNeedsItAsThePatronPassword) {
    core::Rules rules;
    rules.station.reader_pin = core::ReaderPinPolicy::when_set;
    library(rules);
    add_terminal();
    ASSERT_EQ(library().circulation().set_reader_pin("20000022", "4321", now, "cli").value(),
              core::ReaderPinChange::done);
    ASSERT_EQ(log_in(), "941");
    EXPECT_TRUE(ask(checkout("20000022", "10000025")).starts_with("120")) << "no PIN, no checkout";
    now += 10s;
    EXPECT_TRUE(ask(checkout("20000022", "10000025", "1111")).starts_with("120")) << "a wrong PIN";
    now += 10s;
    const auto status = ask("23000" + date + "AOkitap|AA20000022|AC|AD1111|");
    EXPECT_NE(status.find("|CQN|"), std::string::npos) << status;
    now += 10s;
    EXPECT_TRUE(ask(checkout("20000022", "10000025", "4321")).starts_with("121"));
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_pin_wrong'"), 2)
        << "wrong PINs count toward the card's lockout as at the kiosk";
}

TEST_F(Sip2Session, ABookAReaderWaitsForIsSortedToTheHoldBin) {
    add_terminal();
    ASSERT_EQ(log_in(), "941");
    ASSERT_TRUE(ask(checkout("20000014", "10000025")).starts_with("121"));
    const auto placed = library().holds().place("20000022", novel, {.at = now, .station = "desk"}).value();
    ASSERT_TRUE(placed.hold) << static_cast<int>(placed.refusal);
    now += 10s;
    const auto returned = ask("09N" + date + date + "APfront-door|AOkitap|AB10000017|AC|");
    EXPECT_TRUE(returned.starts_with("101Y")) << "ok, resensitize, magnetic media, alert: " << returned;
    EXPECT_NE(returned.find("|CLH|"), std::string::npos) << returned;
    EXPECT_NE(returned.find("|CV02|"), std::string::npos) << returned;
    EXPECT_NE(returned.find("|CY20000022|"), std::string::npos) << returned;
}

TEST_F(Sip2Session, ThreeWrongLoginsEndTheConnectionAndFiveLockTheAccount) {
    add_terminal();
    for (int attempt = 1; attempt <= 3; ++attempt) {
        EXPECT_EQ(ask("9300CNselfcheck|COnot-it|CPfront-door|"), "940");
        EXPECT_EQ(session().finished(), attempt == 3);
    }
    sip2::Sip2Session again(library(), {}, {"127.0.0.1:40002"}, [this] { return now; });
    for (int attempt = 4; attempt <= 5; ++attempt) again.answer("9300CNselfcheck|COnot-it|CPfront-door|");
    EXPECT_EQ(again.answer(std::string("9300CN") + terminal_name + "|CO" + terminal_password + "|"), "940\r")
        << "locked: the right password too";
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'sip2_login_failed' AND detail LIKE "
                    "'account=selfcheck client=127.0.0.1:4000%'"),
              5);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'sip2_login_locked_out'"), 1);
}

TEST_F(Sip2Session, ATerminalsAccountLogsInOnlyHereAndTheLibrariansNeverHere) {
    add_terminal();
    ASSERT_TRUE(library()
                    .accounts()
                    .add({.name = "aigul", .role = core::AccountRole::librarian, .password = "librarian-pass"}, now)
                    ->has_value());
    EXPECT_FALSE(library().accounts().log_in(terminal_name, terminal_password, "10.0.0.5", now).value())
        << "the web console refuses a sip2 account";
    EXPECT_EQ(ask("9300CNaigul|COlibrarian-pass|CPfront-door|"), "940");
    EXPECT_EQ(log_in(), "941");
}

TEST_F(Sip2Session, ABlockedCardIsShownToTheLibrarianAndUnblockedByHer) {
    add_terminal();
    ASSERT_EQ(log_in(), "941");
    ask("01N" + date + "AOkitap|ALlost|AA20000022|AC|");
    const auto reader = library().circulation().reader("20000022").value();
    EXPECT_TRUE(reader->card_blocked);
    EXPECT_EQ(text("SELECT card_blocked_by FROM reader WHERE card = '20000022'"), "sip2:front-door");
    std::vector<core::AuditEntry> seen;
    ASSERT_TRUE(library().audit().for_each_entry(now - 1h, [&](const auto& entry) {
        if (entry.action == "reader_card_blocked") seen.push_back(entry);
    }));
    ASSERT_EQ(seen.size(), 1u) << "in the librarian's audit log";
    EXPECT_EQ(seen[0].reader_card, "20000022");
    EXPECT_EQ(seen[0].station, "sip2:front-door");
    ASSERT_EQ(library().circulation().unblock_card("20000022", now, "cli").value(), core::CardBlockChange::done);
    now += 10s;
    EXPECT_TRUE(ask(checkout("20000022", "10000025")).starts_with("121"));
}

}  // namespace
}  // namespace kitap::testing
