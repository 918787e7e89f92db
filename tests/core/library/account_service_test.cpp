// The web console's accounts: adding, listing, passwords, removal, logins and their
// lockout, each in the audit log; attribution of later rows to a web account.
#include "core/library.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const Timestamp t0 = sys_days{2026y / 11 / 25} + 9h;  // in the school year 2026-2027
constexpr std::string_view client = "10.0.0.7";

class AccountServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        school_.add_class("2026-2027", 5, "Ә");
        school_.add_class("2026-2027", 11, "А");
        school_.add_class("2025-2026", 7, "Б");  // last year's: not a class any more
        reopen();
    }

    void reopen() {
        auto opened = Library::open(school_.path());
        ASSERT_TRUE(opened) << opened.error().detail;
        library_.emplace(std::move(*opened));
    }

    AccountService accounts() { return library_->accounts(); }

    tl::expected<Account, AccountProblem> add(NewAccount account, Timestamp at = t0) {
        return accounts().add(account, at).value();
    }

    tl::expected<Account, LoginRefused> log_in(std::string_view name, std::string_view password, Timestamp at) {
        return accounts().log_in(name, password, client, at).value();
    }

    // "action detail" of the audit's rows from t0 on.
    std::vector<std::string> audited(std::string_view prefix = "") {
        std::vector<std::string> rows;
        EXPECT_TRUE(library_->audit().for_each_entry(t0 - 1h, [&](const AuditEntry& entry) {
            if (entry.action.starts_with(prefix)) rows.push_back(entry.action + " " + entry.detail);
        }));
        return rows;
    }

    testing::TestSchool school_;
    std::optional<Library> library_;
};

const NewAccount librarian{.name = "aigul", .role = AccountRole::librarian, .password = "kitaphana-2026"};
const NewAccount teacher{
    .name = "marat.s", .role = AccountRole::teacher, .classes = {"11a", "5 ә", "5Ә"}, .password = "сынып жетекші"};
const NewAccount director{.name = "Директор", .role = AccountRole::director, .password = "mektep director"};

TEST_F(AccountServiceTest, AddedAccountsAreListedByNameWithTheirClassesAndAudited) {
    const auto added = add(teacher);
    ASSERT_TRUE(added) << to_string(added.error().kind);
    EXPECT_EQ(added->classes, (std::vector<std::string>{"5Ә", "11А"})) << "as schools write them, once each";
    EXPECT_EQ(added->credentials_version, 1);
    ASSERT_TRUE(add(librarian));
    ASSERT_TRUE(add(director));

    const auto listed = accounts().list().value();
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[0].name, "aigul");
    EXPECT_EQ(listed[0].role, AccountRole::librarian);
    EXPECT_TRUE(listed[0].classes.empty());
    EXPECT_EQ(listed[1], *added);
    EXPECT_EQ(listed[2].name, "Директор");
    EXPECT_EQ(accounts().find("marat.s").value(), added.value());
    EXPECT_EQ(accounts().find("marat").value(), std::nullopt);

    EXPECT_EQ(school_.text("SELECT group_concat(substr(password_hash, 1, 27), ' ') FROM account"),
              "$argon2id$v=19$m=19456,t=2, $argon2id$v=19$m=19456,t=2, $argon2id$v=19$m=19456,t=2,");
    EXPECT_EQ(school_.count("SELECT count(*) FROM account WHERE instr(password_hash, 'kitaphana') > 0"), 0);
    EXPECT_EQ(audited(), (std::vector<std::string>{
                             "account_added account=marat.s role=teacher classes=5Ә,11А",
                             "account_added account=aigul role=librarian",
                             "account_added account=Директор role=director",
                         }));
}

TEST_F(AccountServiceTest, RefusedAccountsSayWhyAndWriteNothing) {
    const auto refused = [&](NewAccount account) {
        const auto result = add(std::move(account));
        return result ? AccountProblem{} : result.error();
    };
    using Kind = AccountProblemKind;
    auto named = [](std::string name) { return NewAccount{.name = std::move(name), .password = "ten chars!"}; };
    EXPECT_EQ(refused(named("")).kind, Kind::bad_name);
    EXPECT_EQ(refused(named("two words")).kind, Kind::bad_name);
    EXPECT_EQ(refused(named("esc\x1b]2;x")), (AccountProblem{Kind::bad_name, "esc\\u001b]2;x"}));
    EXPECT_EQ(refused(named(std::string(65, 'a'))).kind, Kind::bad_name);
    EXPECT_EQ(refused(named("bad\xff")).kind, Kind::bad_name);
    EXPECT_TRUE(add(named(std::string(64, 'a'))));

    // Ten characters, not ten bytes: nine Kazakh letters are eighteen bytes.
    EXPECT_EQ(refused({.name = "a1", .password = "әәәәәәәәә"}).kind, Kind::password_too_short);
    EXPECT_TRUE(add({.name = "a2", .password = "әәәәәәәәәә"}));

    EXPECT_EQ(refused({.name = "t", .role = AccountRole::teacher, .password = "ten chars!"}),
              (AccountProblem{Kind::teacher_needs_class, "t"}));
    EXPECT_EQ(refused({.name = "d", .role = AccountRole::director, .classes = {"5Ә"}, .password = "ten chars!"}).kind,
              Kind::classes_only_for_teachers);
    EXPECT_EQ(refused({.name = "t", .role = AccountRole::teacher, .classes = {"5Ә", "7Б"}, .password = "ten chars!"}),
              (AccountProblem{Kind::unknown_class, "7Б"}))
        << "last year's 7Б is not a class this year";
    EXPECT_EQ(
        refused({.name = "t", .role = AccountRole::teacher, .classes = {"5Ә", "a class"}, .password = "ten chars!"}),
        (AccountProblem{Kind::unknown_class, "a class"}));
    EXPECT_EQ(refused({.name = "a2", .password = "another one"}), (AccountProblem{Kind::name_taken, "a2"}));

    EXPECT_EQ(school_.count("SELECT count(*) FROM account"), 2);
    EXPECT_EQ(school_.count("SELECT count(*) FROM account_class"), 0);
    EXPECT_EQ(audited().size(), 2u);
}

TEST_F(AccountServiceTest, TheRightPasswordLogsInAndEveryLoginIsAuditedWithTheClient) {
    ASSERT_TRUE(add(teacher));
    const auto in = log_in("marat.s", "сынып жетекші", t0);
    ASSERT_TRUE(in);
    EXPECT_EQ(in->role, AccountRole::teacher);
    EXPECT_EQ(in->classes, (std::vector<std::string>{"5Ә", "11А"}));
    EXPECT_EQ(log_in("marat.s", "сынып жетекшІ", t0 + 1s), tl::unexpected(LoginRefused{LoginRefusal::wrong_password}));
    EXPECT_EQ(audited("web_"), (std::vector<std::string>{"web_login account=marat.s client=10.0.0.7",
                                                         "web_login_failed account=marat.s client=10.0.0.7"}));
}

TEST_F(AccountServiceTest, AnUnknownNameIsRefusedAsAWrongPasswordIs) {
    ASSERT_TRUE(add(librarian));
    const auto wrong_password = log_in("aigul", "not her password", t0);
    const auto unknown_name = log_in("aigul2", "kitaphana-2026", t0);
    ASSERT_FALSE(wrong_password);
    EXPECT_EQ(unknown_name, wrong_password);
    // A name no account can have is logged escaped and cut to 64 bytes: no terminal escapes, no megabytes.
    EXPECT_FALSE(log_in("x client=1.2.3.4\x1b[2J" + std::string(1000, 'y'), "whatever!!", t0));
    const auto rows = audited("web_login_failed");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1], "web_login_failed account=aigul2 client=10.0.0.7");
    EXPECT_EQ(rows[2],
              "web_login_failed account=x\\u0020client=1.2.3.4\\u001b[2J" + std::string(44, 'y') + " client=10.0.0.7");
}

TEST_F(AccountServiceTest, FiveWrongPasswordsWithinFifteenMinutesLockEvenTheRightOneForFifteenMinutes) {
    ASSERT_TRUE(add(librarian));
    for (const auto at : {0min, 3min, 6min, 9min, 14min})
        EXPECT_EQ(log_in("aigul", "guess " + std::to_string(at.count()), t0 + at),
                  tl::unexpected(LoginRefused{LoginRefusal::wrong_password}))
            << "the fifth is still only wrong";
    const Timestamp until = t0 + 14min + 15min;
    EXPECT_EQ(log_in("aigul", "kitaphana-2026", t0 + 14min + 1s),
              tl::unexpected(LoginRefused{LoginRefusal::locked_out, until}));
    reopen();  // a restarted server counts the same
    EXPECT_EQ(log_in("aigul", "kitaphana-2026", until - 1s),
              tl::unexpected(LoginRefused{LoginRefusal::locked_out, until}));
    EXPECT_TRUE(log_in("aigul", "kitaphana-2026", until)) << "the sixth try after the lockout";
    EXPECT_EQ(audited("web_login_locked_out").size(), 2u);
    EXPECT_EQ(audited("web_login_locked_out")[0], "web_login_locked_out account=aigul client=10.0.0.7");
}

TEST_F(AccountServiceTest, WrongPasswordsFifteenMinutesApartDoNotAddUp) {
    ASSERT_TRUE(add(librarian));
    for (const auto at : {0min, 1min, 2min, 3min, 15min}) EXPECT_FALSE(log_in("aigul", "guess", t0 + at));
    EXPECT_TRUE(log_in("aigul", "kitaphana-2026", t0 + 15min + 1s)) << "the first had left the window";
}

TEST_F(AccountServiceTest, NamesNoAccountHasLockAsAccountsDo) {
    ASSERT_TRUE(add(librarian));
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(log_in("ghost", "guess", t0 + seconds(i)));
    EXPECT_EQ(log_in("ghost", "guess", t0 + 5s).error().reason, LoginRefusal::locked_out)
        << "else a lockout would tell which names exist";
    EXPECT_TRUE(log_in("aigul", "kitaphana-2026", t0 + 6s)) << "one account's lockout is its own";
}

TEST_F(AccountServiceTest, ANewPasswordVoidsTheOldOneAndItsSessionsAndLiftsALockout) {
    ASSERT_TRUE(add(librarian));
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(log_in("aigul", "guess", t0 + seconds(i)));
    EXPECT_EQ(accounts().change_password("aigul", "short", t0 + 1min).value(),
              (AccountProblem{AccountProblemKind::password_too_short, ""}));
    EXPECT_EQ(accounts().change_password("nobody", "long enough now", t0 + 1min).value(),
              (AccountProblem{AccountProblemKind::unknown_account, "nobody"}));
    EXPECT_EQ(accounts().change_password("aigul", "a new one, longer", t0 + 1min).value(), std::nullopt);
    EXPECT_EQ(accounts().find("aigul").value()->credentials_version, 2);
    EXPECT_FALSE(log_in("aigul", "kitaphana-2026", t0 + 2min));
    const auto in = log_in("aigul", "a new one, longer", t0 + 3min);
    ASSERT_TRUE(in) << "the librarian's new password lifts the lockout";
    EXPECT_EQ(in->credentials_version, 2);
    EXPECT_EQ(audited("account_password"), (std::vector<std::string>{"account_password_changed account=aigul"}));
}

TEST_F(AccountServiceTest, ARemovedAccountNoLongerLogsIn) {
    ASSERT_TRUE(add(teacher));
    ASSERT_TRUE(add(librarian));
    EXPECT_EQ(accounts().remove("marat.s", t0 + 1min).value(), std::nullopt);
    EXPECT_EQ(accounts().remove("marat.s", t0 + 1min).value(),
              (AccountProblem{AccountProblemKind::unknown_account, "marat.s"}));
    EXPECT_EQ(log_in("marat.s", "сынып жетекші", t0 + 2min).error().reason, LoginRefusal::wrong_password);
    EXPECT_EQ(accounts().find("marat.s").value(), std::nullopt);
    EXPECT_EQ(school_.count("SELECT count(*) FROM account_class"), 0);
    EXPECT_EQ(audited("account_removed"), (std::vector<std::string>{"account_removed account=marat.s"}));
}

TEST_F(AccountServiceTest, EveryRowWrittenWhileActingAsAnAccountNamesItAndTheChainHolds) {
    ASSERT_TRUE(add(librarian));
    ASSERT_TRUE(add(teacher));
    library_->act_as("aigul");
    ASSERT_TRUE(library_->settings().change("kiosk_idle_timeout_seconds", "45", t0 + 1min, "web"));
    ASSERT_EQ(accounts().remove("marat.s", t0 + 2min).value(), std::nullopt);
    library_->act_as(std::nullopt);
    ASSERT_TRUE(library_->settings().change("kiosk_idle_timeout_seconds", "60", t0 + 3min, "cli"));

    std::vector<std::string> rows;
    ASSERT_TRUE(library_->audit().for_each_entry(t0 - 1h, [&](const AuditEntry& entry) {
        rows.push_back(entry.action + " " + entry.station + " " + entry.actor + " " + entry.account.value_or("-"));
    }));
    EXPECT_EQ(rows, (std::vector<std::string>{
                        "account_added cli librarian -",
                        "account_added cli librarian -",
                        "setting_changed web librarian aigul",
                        "account_removed web librarian aigul",
                        "setting_changed cli librarian -",
                    }));
    const auto check = library_->audit().verify_chain().value();
    EXPECT_TRUE(check.whole());
    EXPECT_EQ(check.events, 5);
}

TEST_F(AccountServiceTest, ATeachersAccountChangesAreNotShownAsTheLibrarians) {
    ASSERT_TRUE(add(teacher));
    library_->act_as("marat.s");
    ASSERT_EQ(accounts().change_password("marat.s", "my own new password", t0 + 1min).value(), std::nullopt);
    std::vector<std::string> rows;
    ASSERT_TRUE(library_->audit().for_each_entry(t0 + 1min, [&](const AuditEntry& entry) {
        rows.push_back(entry.action + " [" + entry.actor + "] " + entry.account.value_or("-"));
    }));
    EXPECT_EQ(rows, (std::vector<std::string>{"account_password_changed [] marat.s"}));
}

TEST_F(AccountServiceTest, AStationHasATokenKeptOnlyAsItsHashAndNoPassword) {
    const auto added = accounts().add_station("reading-room", t0).value();
    ASSERT_TRUE(added) << to_string(added.error().kind);
    EXPECT_EQ(added->account.role, AccountRole::station);
    EXPECT_EQ(added->token.size(), 64u);
    EXPECT_EQ(added->token.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(accounts().add_station("second-floor", t0).value()->token, added->token);
    EXPECT_EQ(school_.count("SELECT count(*) FROM account WHERE password_hash IS NULL AND length(token_hash) = 64"), 2);
    EXPECT_EQ(school_.count("SELECT count(*) FROM account WHERE instr(token_hash, '" + added->token + "') > 0"), 0)
        << "the token itself is not stored";

    EXPECT_EQ(accounts().find_by_token(added->token).value(), added->account);
    EXPECT_EQ(accounts().find_by_token(added->token.substr(1)).value(), std::nullopt);
    EXPECT_EQ(accounts().find_by_token("").value(), std::nullopt);
    EXPECT_EQ(log_in("reading-room", "", t0 + 1min).error().reason, LoginRefusal::wrong_password);
    EXPECT_EQ(log_in("reading-room", added->token, t0 + 1min).error().reason, LoginRefusal::wrong_password)
        << "a station never logs in with a password, not even its token";
    EXPECT_EQ(audited("account_added"), (std::vector<std::string>{"account_added account=reading-room role=station",
                                                                  "account_added account=second-floor role=station"}));
}

TEST_F(AccountServiceTest, AStationsNewTokenVoidsTheOldAndPasswordsAreRefused) {
    const auto first = accounts().add_station("reading-room", t0).value().value();
    ASSERT_TRUE(add(librarian));
    const auto renewed = accounts().renew_token("reading-room", t0 + 1min).value();
    ASSERT_TRUE(renewed);
    EXPECT_EQ(renewed->account.credentials_version, 2);
    EXPECT_EQ(accounts().find_by_token(first.token).value(), std::nullopt);
    EXPECT_EQ(accounts().find_by_token(renewed->token).value(), renewed->account);

    EXPECT_EQ(accounts().renew_token("aigul", t0).value().error(),
              (AccountProblem{AccountProblemKind::not_a_station, "aigul"}));
    EXPECT_EQ(accounts().renew_token("nobody", t0).value().error(),
              (AccountProblem{AccountProblemKind::unknown_account, "nobody"}));
    EXPECT_EQ(accounts().change_password("reading-room", "a password at last", t0).value(),
              (AccountProblem{AccountProblemKind::station_has_no_password, "reading-room"}));
    EXPECT_EQ(add({.name = "kiosk-3", .role = AccountRole::station, .password = "long enough password"}).error(),
              (AccountProblem{AccountProblemKind::station_has_no_password, "kiosk-3"}));
    EXPECT_EQ(accounts().add_station("aigul", t0).value().error(),
              (AccountProblem{AccountProblemKind::name_taken, "aigul"}));
    EXPECT_EQ(accounts().add_station("two words", t0).value().error().kind, AccountProblemKind::bad_name);
    EXPECT_EQ(audited("station_token"), (std::vector<std::string>{"station_token_renewed account=reading-room"}));
}

TEST_F(AccountServiceTest, AClassTeacherGoesOnWithTheClassAtYearClose) {
    ASSERT_TRUE(add(teacher));
    school_.add_pupil("20000014", 1);
    const Timestamp june = sys_days{2027y / 6 / 20} + 9h;
    const auto close = library_->year().close({}, {.at = june});
    ASSERT_TRUE(close) << close.error().detail;
    ASSERT_TRUE(*close) << close->error().key;
    EXPECT_EQ(accounts().find("marat.s").value()->classes, (std::vector<std::string>{"6Ә"}))
        << "11А graduated; 5Ә moved on to 6Ә";
}

TEST_F(AccountServiceTest, ASip2TerminalKeepsItsSettingsAndLogsInOnlyThroughSip2) {
    const NewAccount gate{.name = "gate-1",
                          .role = AccountRole::sip2,
                          .password = "self-check-1",
                          .terminal = {.checksums = true, .language = "ru"}};
    ASSERT_TRUE(add(gate));
    EXPECT_EQ(accounts().find("gate-1").value()->terminal, (TerminalSettings{.checksums = true, .language = "ru"}));
    EXPECT_EQ(log_in("gate-1", "self-check-1", t0), tl::unexpected(LoginRefused{LoginRefusal::wrong_password}))
        << "not into the web console";
    const auto through_sip2 = accounts().log_in("gate-1", "self-check-1", client, t0 + 1s, LoginChannel::sip2).value();
    ASSERT_TRUE(through_sip2);
    EXPECT_EQ(through_sip2->role, AccountRole::sip2);
    ASSERT_TRUE(add(librarian));
    EXPECT_FALSE(accounts().log_in("aigul", "kitaphana-2026", client, t0 + 2s, LoginChannel::sip2).value())
        << "a librarian's password opens no terminal";
    EXPECT_FALSE(accounts().set_terminal("gate-1", {.checksums = false, .language = "en"}, t0 + 3s).value());
    EXPECT_EQ(accounts().find("gate-1").value()->terminal.language, "en");
    EXPECT_EQ(accounts().set_terminal("aigul", {}, t0 + 4s).value()->kind, AccountProblemKind::not_a_terminal);
    EXPECT_EQ(accounts().set_terminal("gate-1", {.language = "de"}, t0 + 4s).value()->kind,
              AccountProblemKind::unknown_language);
    EXPECT_EQ(
        add({.name = "x", .role = AccountRole::director, .password = "long enough!", .terminal = {.checksums = true}})
            .error()
            .kind,
        AccountProblemKind::not_a_terminal);
}

TEST_F(AccountServiceTest, WrongPasswordsThroughEitherChannelCountTowardOneLockout) {
    ASSERT_TRUE(add({.name = "gate-1", .role = AccountRole::sip2, .password = "self-check-1"}));
    for (int attempt = 0; attempt < 3; ++attempt) log_in("gate-1", "guess", t0 + std::chrono::seconds(attempt));
    for (int attempt = 3; attempt < 5; ++attempt)
        accounts().log_in("gate-1", "guess", client, t0 + std::chrono::seconds(attempt), LoginChannel::sip2);
    EXPECT_EQ(accounts().log_in("gate-1", "self-check-1", client, t0 + 10s, LoginChannel::sip2).value().error().reason,
              LoginRefusal::locked_out);
    EXPECT_EQ(audited("sip2_login").size(), 3u) << "two wrong, one locked out";
}

}  // namespace
}  // namespace kitap::core
