// End to end: `kitap audit` after a few of the librarian's commands and a pupil's visit.
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

class AuditCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        write("readers.csv",
              "ФИО;Класс;Номер карты\n"
              "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
              "Нұрланұлы Ерасыл;5Ә;20000022\n");
        write("catalog.csv", "title,kind,barcodes\nАбай жолы,fiction,10000017\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);
        // A pupil borrows the novel at the kiosk; the librarian hands it to another at the desk.
        ASSERT_EQ(kitap({"scan", "20000014", "10000017", "KITAP-DONE"}).exit_code, 0);
        ASSERT_EQ(kitap({"scan", "--mode", "desk", "--station", "desk-1", "20000022", "10000017"}).exit_code, 0);
        ASSERT_EQ(kitap({"librarian", "set-pin"}, "482613\n").exit_code, 0);
    }

    std::vector<json> audit_json(const std::vector<std::string>& options = {}) {
        std::vector<std::string> args{"audit", "--json"};
        args.insert(args.end(), options.begin(), options.end());
        const auto run = kitap(args);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return run.parsed().get<std::vector<json>>();
    }

    static std::vector<json> with_action(const std::vector<json>& entries, const std::string& action) {
        std::vector<json> found;
        std::copy_if(entries.begin(), entries.end(), std::back_inserter(found),
                     [&action](const json& entry) { return entry["action"] == action; });
        return found;
    }
};

TEST_F(AuditCli, JsonListsTheLibrariansActionsOldestFirstAndFlagsOverrides) {
    const auto entries = audit_json();
    ASSERT_FALSE(entries.empty());
    const std::set<std::string> keys{"at",     "at_local", "station",     "actor", "action",   "override",
                                     "reader", "item",     "reader_name", "title", "quantity", "detail"};
    for (const auto& entry : entries) {
        std::set<std::string> names;
        for (const auto& [name, value] : entry.items()) names.insert(name);
        EXPECT_EQ(names, keys);
        EXPECT_NE(entry["actor"], "20000014") << "a pupil's self-service is not the librarian's: " << entry;
    }
    EXPECT_TRUE(
        std::is_sorted(entries.begin(), entries.end(), [](const json& a, const json& b) { return a["at"] < b["at"]; }));
    EXPECT_EQ(with_action(entries, "reader_added").size(), 2u);
    EXPECT_EQ(with_action(entries, "reader_added")[0]["actor"], "import");

    const auto moved_back = with_action(entries, "return");
    ASSERT_EQ(moved_back.size(), 1u);
    EXPECT_EQ(moved_back[0]["override"], "loan_moved");
    EXPECT_EQ(moved_back[0]["reader"], "20000014");
    EXPECT_EQ(moved_back[0]["station"], "desk-1");
    const auto moved = with_action(entries, "loan");
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(moved[0]["override"], "loan_moved");
    EXPECT_EQ(moved[0]["reader"], "20000022");
    EXPECT_EQ(moved[0]["reader_name"], "Нұрланұлы Ерасыл");
    EXPECT_EQ(moved[0]["item"], "10000017");
    EXPECT_EQ(moved[0]["title"], "Абай жолы");
    EXPECT_EQ(moved[0]["quantity"], 1);
    EXPECT_EQ(moved[0]["actor"], "librarian");
    EXPECT_EQ(moved[0]["detail"], "moved from 20000014");
    EXPECT_EQ(with_action(entries, "visit").size(), 1u) << "the desk's visit only";

    const auto pin = with_action(entries, "pin_set");
    ASSERT_EQ(pin.size(), 1u);
    EXPECT_EQ(pin[0]["station"], "cli");
    EXPECT_EQ(pin[0]["override"], nullptr);
    EXPECT_EQ(pin[0]["reader"], nullptr);
    EXPECT_EQ(pin[0]["detail"], "");
    EXPECT_EQ(entries.back()["action"], "pin_set") << "newest last";
}

TEST_F(AuditCli, SinceLeavesOutEarlierActionsAndRefusesWhatIsNotATime) {
    EXPECT_TRUE(audit_json({"--since", "2999-01-01"}).empty());
    EXPECT_EQ(audit_json({"--since", "2000-01-01T00:00:00Z"}).size(), audit_json().size());
    const auto bad = kitap({"audit", "--since", "last-week"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--since"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("last-week"), std::string::npos) << bad.err;
}

TEST_F(AuditCli, BackupAndRestoreAreRecordedTheRestoreInTheRestoredDatabase) {
    ASSERT_EQ(kitap({"backup", "--out", "before.db"}).exit_code, 0);
    const auto backups = with_action(audit_json(), "backup");
    ASSERT_EQ(backups.size(), 1u);
    EXPECT_EQ(backups[0]["detail"], (dir_ / "before.db").string());

    ASSERT_EQ(kitap({"restore", "before.db"}).exit_code, 0);
    const auto entries = audit_json();
    EXPECT_TRUE(with_action(entries, "backup").empty()) << "the backup was taken before its own record";
    EXPECT_EQ(entries.back()["action"], "restore");
    EXPECT_EQ(entries.back()["detail"], (dir_ / "before.db").string());
}

TEST_F(AuditCli, TextIsATableInThePersonsLanguage) {
    const auto english = kitap({"audit"});
    ASSERT_EQ(english.exit_code, 0) << english.err;
    EXPECT_NE(english.out.find("Librarian actions and overrides since"), std::string::npos) << english.out;
    EXPECT_NE(english.out.find("taken from another reader"), std::string::npos) << english.out;
    EXPECT_NE(english.out.find("20000022 Нұрланұлы Ерасыл"), std::string::npos) << english.out;
    EXPECT_NE(english.out.find("PIN set"), std::string::npos) << english.out;

    const auto kazakh = kitap({"--lang", "kk", "audit"});
    EXPECT_NE(kazakh.out.find("басқа оқырманнан алынды"), std::string::npos) << kazakh.out;
    EXPECT_NE(kazakh.out.find("ережеден тыс: 2"), std::string::npos) << kazakh.out;

    EXPECT_NE(kitap({"audit", "--since", "2999-01-01"}).out.find("No librarian actions since 2999-01-01 00:00:00"),
              std::string::npos);
}

}  // namespace
