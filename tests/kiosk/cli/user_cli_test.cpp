// `kitap user add|list|passwd|remove`, the web console's accounts, as the
// librarian meets them at the PC; and `kitap audit` showing a web account's rows.
#include "core/library.hpp"
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

class UserCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        write("readers.csv", "name,class,card\nҚасымова Әлия,5Ә,20000014\nНұрланұлы Ерасыл,6Б,20000022\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
    }

    std::vector<std::string> audit_rows() {
        std::vector<std::string> rows;
        for (const auto& entry : kitap({"audit", "--json"}).parsed())
            rows.push_back(entry["action"].get<std::string>() + " " + entry["detail"].get<std::string>() + " " +
                           (entry["account"].is_null() ? "-" : entry["account"].get<std::string>()));
        return rows;
    }
};

TEST_F(UserCli, AccountsAreAddedWithAPasswordFromStdinAndListedWithoutIt) {
    EXPECT_NE(kitap({"user", "list"}).out.find("No accounts yet"), std::string::npos);
    const auto librarian = kitap({"user", "add", "aigul", "--role", "librarian"}, "kitaphana-2026\n");
    EXPECT_EQ(librarian.exit_code, 0) << librarian.err;
    EXPECT_EQ(librarian.out, "Account aigul added: librarian.\n");
    const auto teacher =
        kitap({"user", "add", "marat", "--role", "teacher", "--class", "6б", "--class", "5Ә"}, "сынып жетекші\n");
    EXPECT_EQ(teacher.exit_code, 0) << teacher.err;
    EXPECT_EQ(teacher.out, "Account marat added: teacher of 5Ә, 6Б.\n");

    const auto listed = kitap({"user", "list", "--json"});
    EXPECT_EQ(listed.parsed(), json::parse(R"([{"name": "aigul", "role": "librarian", "classes": []},
                                               {"name": "marat", "role": "teacher", "classes": ["5Ә", "6Б"]}])"));
    const auto text = kitap({"user", "list"}, "", "LANG=ru_RU.UTF-8");
    EXPECT_NE(text.out.find("учитель"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("5Ә, 6Б"), std::string::npos) << text.out;
    for (const auto& out : {librarian.out + librarian.err, listed.out, text.out}) {
        EXPECT_EQ(out.find("kitaphana-2026"), std::string::npos);
        EXPECT_EQ(out.find("argon2"), std::string::npos);
    }
}

TEST_F(UserCli, RefusalsNameWhatIsWrongAndChangeNothing) {
    const auto refused = [&](const std::vector<std::string>& args, const std::string& password = "long enough!") {
        const auto run = kitap(args, password + "\n");
        EXPECT_EQ(run.exit_code, 2) << run.out;
        EXPECT_TRUE(run.out.empty()) << run.out;
        return run.err;
    };
    EXPECT_NE(refused({"user", "add", "marat", "--role", "teacher", "--class", "5Ә", "--class", "7В"}).find("7В"),
              std::string::npos);
    EXPECT_NE(refused({"user", "add", "marat", "--role", "teacher"}).find("--class"), std::string::npos);
    EXPECT_NE(refused({"user", "add", "dana", "--role", "director", "--class", "5Ә"}).find("Only a teacher"),
              std::string::npos);
    EXPECT_NE(refused({"user", "add", "dana", "--role", "director"}, "nine char").find("at least 10 characters"),
              std::string::npos);
    EXPECT_NE(refused({"user", "add", "two words", "--role", "director"}).find("\"two words\" cannot be"),
              std::string::npos);
    refused({"user", "add", "dana", "--role", "admin"});
    EXPECT_EQ(kitap({"user", "list", "--json"}).parsed(), json::array());

    ASSERT_EQ(kitap({"user", "add", "dana", "--role", "director"}, "long enough!\n").exit_code, 0);
    EXPECT_NE(refused({"user", "add", "dana", "--role", "librarian"}).find("dana already exists"), std::string::npos);
    EXPECT_NE(refused({"user", "passwd", "nobody"}).find("No account is named nobody"), std::string::npos);
    EXPECT_NE(refused({"user", "passwd", "dana"}, "short").find("at least 10"), std::string::npos);
    EXPECT_NE(refused({"user", "remove", "nobody"}).find("nobody"), std::string::npos);
}

TEST_F(UserCli, PasswdAndRemoveAreAuditedAndTheChainHolds) {
    ASSERT_EQ(kitap({"user", "add", "aigul", "--role", "librarian"}, "kitaphana-2026\n").exit_code, 0);
    const auto passwd = kitap({"user", "passwd", "aigul"}, "a brand new password\n");
    EXPECT_EQ(passwd.exit_code, 0) << passwd.err;
    EXPECT_NE(passwd.out.find("open sessions"), std::string::npos) << passwd.out;
    EXPECT_EQ(kitap({"user", "remove", "aigul"}).exit_code, 0);
    EXPECT_EQ(kitap({"user", "list", "--json"}).parsed(), json::array());

    const auto rows = audit_rows();
    EXPECT_EQ(
        std::vector<std::string>(rows.end() - 3, rows.end()),
        (std::vector<std::string>{"account_added account=aigul role=librarian -",
                                  "account_password_changed account=aigul -", "account_removed account=aigul -"}));
    EXPECT_EQ(kitap({"audit", "verify"}).exit_code, 0);
}

TEST_F(UserCli, AStationIsAddedWithATokenOnOneLineAndPasswdGivesANewOne) {
    const auto added = kitap({"user", "add", "reading-room", "--role", "station"}, "never read\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    ASSERT_EQ(added.out.size(), std::string("token: \n").size() + 64) << added.out;
    EXPECT_TRUE(added.out.starts_with("token: ")) << added.out;
    const auto token = added.out.substr(7, 64);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(kitap({"user", "list", "--json"}).parsed(),
              json::parse(R"([{"name": "reading-room", "role": "station", "classes": []}])"));
    EXPECT_NE(kitap({"user", "list"}, "", "LANG=kk_KZ.UTF-8").out.find("станция"), std::string::npos);

    const auto renewed = kitap({"user", "passwd", "reading-room"});
    ASSERT_EQ(renewed.exit_code, 0) << renewed.err;
    EXPECT_TRUE(renewed.out.starts_with("token: ")) << renewed.out;
    EXPECT_NE(renewed.out.substr(7, 64), token);
    auto library = kitap::core::Library::open(db());
    ASSERT_TRUE(library);
    EXPECT_EQ(library->accounts().find_by_token(token).value(), std::nullopt);
    EXPECT_EQ(library->accounts().find_by_token(renewed.out.substr(7, 64)).value()->name, "reading-room");

    const auto with_class = kitap({"user", "add", "kiosk-2", "--role", "station", "--class", "5Ә"});
    EXPECT_EQ(with_class.exit_code, 2);
    EXPECT_TRUE(with_class.out.empty()) << with_class.out;
    const auto taken = kitap({"user", "add", "reading-room", "--role", "station"});
    EXPECT_EQ(taken.exit_code, 2);
    EXPECT_NE(taken.err.find("reading-room already exists"), std::string::npos) << taken.err;
    const auto rows = audit_rows();
    EXPECT_EQ(std::vector<std::string>(rows.end() - 2, rows.end()),
              (std::vector<std::string>{"account_added account=reading-room role=station -",
                                        "station_token_renewed account=reading-room -"}));
}

// What the web console does on each request: its rows name the account, in the
// audit's JSON and text, and the hash chain holds over rows with and without one.
TEST_F(UserCli, TheAuditShowsTheWebAccountARowWasWrittenAs) {
    ASSERT_EQ(kitap({"user", "add", "aigul", "--role", "librarian"}, "kitaphana-2026\n").exit_code, 0);
    {
        auto library = kitap::core::Library::open(db());
        ASSERT_TRUE(library);
        library->act_as("aigul");
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        ASSERT_TRUE(library->settings().change("kiosk_idle_timeout_seconds", "45", now, "web"));
    }
    ASSERT_EQ(kitap({"librarian", "set-pin"}, "975310\n").exit_code, 0);

    const auto rows = audit_rows();
    EXPECT_EQ(std::vector<std::string>(rows.end() - 2, rows.end()),
              (std::vector<std::string>{"setting_changed kiosk_idle_timeout_seconds=45 aigul", "pin_set  -"}));
    const auto text = kitap({"audit"});
    EXPECT_NE(text.out.find("web account"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("aigul"), std::string::npos) << text.out;
    const auto verify = kitap({"audit", "verify", "--json"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_EQ(verify.parsed()["whole"], true);
}

TEST_F(UserCli, ASip2TerminalsAccountKeepsHowItTalksAndACardItBlockedIsUnblockedHere) {
    const auto added =
        kitap({"user", "add", "gate-1", "--role", "sip2", "--checksums", "--language", "ru"}, "self-check-1\n");
    EXPECT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(added.out, "Account gate-1 added: SIP2 terminal.\n");
    EXPECT_EQ(kitap({"user", "list", "--json"}).parsed(),
              json::parse(R"([{"name": "gate-1", "role": "sip2", "classes": [],
                                                                          "terminal": {"checksums": true, "language": "ru"}}])"));
    const auto changed = kitap({"user", "terminal", "gate-1", "--checksums", "off"});
    EXPECT_EQ(changed.out, "Terminal gate-1: checksums off, language ru.\n") << changed.err;
    EXPECT_EQ(kitap({"user", "add", "aigul", "--role", "librarian", "--checksums"}, "kitaphana-2026\n").exit_code, 2)
        << "only a terminal has checksums";
    EXPECT_EQ(kitap({"user", "terminal", "nobody", "--language", "kk"}).exit_code, 2);

    {
        auto library = kitap::core::Library::open(db()).value();
        ASSERT_EQ(library.circulation().block_card("20000014", kitap::core::Timestamp{}, "sip2:gate-1").value(),
                  kitap::core::CardBlockChange::done);
    }
    EXPECT_EQ(kitap({"reader", "20000014", "--json"}).parsed()["card_blocked"], true);
    const auto unblocked = kitap({"reader", "unblock", "20000014"});
    EXPECT_EQ(unblocked.out, "Card 20000014 is unblocked: self-service takes it again.\n") << unblocked.err;
    EXPECT_EQ(kitap({"reader", "20000014", "--json"}).parsed()["card_blocked"], false);
    EXPECT_EQ(kitap({"reader", "unblock", "99999999"}).exit_code, 2);
}

}  // namespace
