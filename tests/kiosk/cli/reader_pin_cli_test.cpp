// `kitap reader set-pin` / `clear-pin`, `kitap scan`'s "PIN 1234" lines, and the
// self-service pause after a walk of cards, as a librarian or a script meets them.
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

using nlohmann::json;

class ReaderPinCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        // Cards of consecutive pupils, as the old generated sequence made them.
        std::string readers = "name,class,card\n";
        for (const char* pupil : {"Қасымова Әлия Ерланқызы,5Ә,20000014", "Нұрланұлы Ерасыл,5Ә,20000022",
                                  "Серікова Дана,5Ә,20000030", "Әбенова Ғалия,5Ә,20000048"})
            readers += std::string(pupil) + "\n";
        write("readers.csv", readers);
        write("catalog.csv", "title,authors,kind,barcodes\nАбай жолы,Мұхтар Әуезов,fiction,10000017\n");
        write("when_set.toml", "[station]\nreader_pin = \"when_set\"\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);
    }

    std::vector<std::string> audit_actions() {
        std::vector<std::string> actions;
        for (const auto& entry : kitap({"audit", "--json"}).parsed()) actions.push_back(entry["action"]);
        return actions;
    }
};

TEST_F(ReaderPinCli, SetPinReadsStdinAndSaysWhenStationsDoNotAskForIt) {
    const auto set = kitap({"reader", "set-pin", "20000014"}, "4071\n");
    EXPECT_EQ(set.exit_code, 0) << set.err;
    EXPECT_NE(set.out.find("Қасымова Әлия Ерланқызы"), std::string::npos) << set.out;
    EXPECT_NE(set.out.find("reader_pin"), std::string::npos) << "the default configuration asks for no PIN";
    EXPECT_EQ(set.out.find("4071"), std::string::npos);
    EXPECT_EQ(kitap({"--config", "when_set.toml", "reader", "set-pin", "20000022"}, "918273\n").out.find("reader_pin"),
              std::string::npos);

    EXPECT_EQ(kitap({"reader", "set-pin", "20000014"}, "123\n").exit_code, 2);        // too short
    EXPECT_EQ(kitap({"reader", "set-pin", "20000014"}, "12345678x\n").exit_code, 2);  // not digits
    const auto unknown = kitap({"reader", "set-pin", "99999999"}, "4071\n");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("99999999"), std::string::npos);
    EXPECT_EQ(kitap({"reader", "set-pin"}).exit_code, 2);

    // `kitap reader CARD` is still the reader.
    EXPECT_EQ(kitap({"reader", "20000014", "--json"}).parsed()["card"], "20000014");
    EXPECT_EQ(kitap({"reader"}).exit_code, 2);

    EXPECT_EQ(kitap({"reader", "clear-pin", "20000014"}).exit_code, 0);
    EXPECT_EQ(kitap({"reader", "clear-pin", "20000014"}).exit_code, 2);  // none left to clear
    const auto actions = audit_actions();
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "reader_pin_set"), 2);
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "reader_pin_cleared"), 1);
}

TEST_F(ReaderPinCli, ScanAsksForThePinAndShowsNoReaderUntilItIsRight) {
    ASSERT_EQ(kitap({"reader", "set-pin", "20000014"}, "4071\n").exit_code, 0);
    const auto run =
        kitap({"--config", "when_set.toml", "scan"}, "20000014\nPIN 0000\nPIN 4071\n10000017\nKITAP-DONE\nPIN 4071\n");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto lines = run.json_lines();
    ASSERT_EQ(lines.size(), 6u) << run.out;
    EXPECT_EQ(lines[0]["outcome"], "pin_required");
    EXPECT_EQ(lines[0]["code"], "20000014");
    EXPECT_TRUE(lines[0]["reader"].is_null());
    EXPECT_FALSE(lines[0].contains("reader_name"));
    EXPECT_EQ(lines[1]["outcome"], "refused");
    EXPECT_EQ(lines[1]["reason"], "wrong_pin");
    EXPECT_EQ(lines[1]["tries_left"], 4);
    EXPECT_FALSE(lines[1].contains("reader_name"));
    EXPECT_EQ(lines[2]["outcome"], "session");
    EXPECT_EQ(lines[2]["reader_name"], "Қасымова Әлия Ерланқызы");
    EXPECT_EQ(lines[3]["outcome"], "loan");
    EXPECT_EQ(lines[5]["reason"], "no_pin_pending");
    EXPECT_EQ(run.out.find("4071"), std::string::npos) << "a PIN is never printed";
    EXPECT_EQ(run.out.find("0000\""), std::string::npos);
    const auto actions = audit_actions();
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "reader_pin_wrong"), 1);

    // "required": a reader without a PIN is sent to the librarian.
    write("required.toml", "[station]\nreader_pin = \"required\"\n");
    const auto none = kitap({"--config", "required.toml", "--lang", "en", "scan", "20000022"}).json_lines();
    EXPECT_EQ(none[0]["reason"], "pin_not_set");
    EXPECT_NE(none[0]["message"].get<std::string>().find("librarian"), std::string::npos);
    EXPECT_FALSE(none[0].contains("reader_name"));
}

TEST_F(ReaderPinCli, AWalkOfCardsPausesSelfServiceAndTheAuditShowsIt) {
    const auto run = kitap({"--lang", "en", "scan", "20000014", "20000022", "20000030", "20000048", "10000017"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto lines = run.json_lines();
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[2]["outcome"], "session");
    EXPECT_EQ(lines[3]["reason"], "too_many_cards");
    EXPECT_FALSE(lines[3].contains("reader_name"));
    ASSERT_TRUE(lines[3]["until"].is_string());
    const std::string until = lines[3]["until"];
    EXPECT_NE(lines[3]["message"].get<std::string>().find(until.substr(11, 5)), std::string::npos)
        << "the message says when self-service opens again: " << lines[3]["message"];
    EXPECT_EQ(lines[4]["reason"], "too_many_cards");
    EXPECT_EQ(lines[4]["until"], until);

    const auto audit = kitap({"audit", "--json"}).parsed();
    ASSERT_FALSE(audit.empty());
    const auto& paused = audit.back();  // after the imports
    EXPECT_EQ(paused["action"], "self_service_paused");
    EXPECT_EQ(paused["reader"], "20000048");
    EXPECT_EQ(paused["detail"], "cards=20000014,20000022,20000030,20000048");
    EXPECT_NE(kitap({"--lang", "ru", "audit"}).out.find("самообслуживание приостановлено"), std::string::npos);
}

}  // namespace
