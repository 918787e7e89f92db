// End to end: `kitap audit` after a few of the librarian's commands and a pupil's visit.
#include "kiosk/cli/kitap_process.hpp"

#include <SQLiteCpp/Database.h>
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

    // What someone with the sqlite3 shell can do: the guard triggers dropped, a
    // change made, the triggers put back as they were.
    void behind_the_triggers_back(const std::string& change) {
        SQLite::Database shell(db().string(), SQLite::OPEN_READWRITE);
        const auto sql_of = [&shell](const std::string& name) {
            return shell.execAndGet("SELECT sql FROM sqlite_schema WHERE name = '" + name + "'").getString();
        };
        const auto no_update = sql_of("event_no_update"), no_delete = sql_of("event_no_delete");
        shell.exec("DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete;");
        shell.exec(change);
        shell.exec(no_update + ";" + no_delete + ";");
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
    const std::set<std::string> keys{"at",     "at_local", "station",     "actor", "account",  "action", "override",
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

TEST_F(AuditCli, APupilWhoseCardIsLibrarianDoesNotAppearAsTheLibrarian) {
    write("cheeky.csv", "ФИО;Класс;Номер карты\nCheeky Pupil;5Ә;librarian\n");
    write("book.csv", "title,kind,barcodes\nҚара сөздер,fiction,10000025\n");
    ASSERT_EQ(kitap({"import", "readers", "cheeky.csv"}).exit_code, 0);
    ASSERT_EQ(kitap({"import", "catalog", "book.csv"}).exit_code, 0);
    const auto visit = kitap({"scan", "librarian", "10000025", "KITAP-DONE"});
    ASSERT_EQ(visit.exit_code, 0);
    ASSERT_EQ(visit.json_lines().at(1)["outcome"], "loan") << visit.out;

    // Only the import of the pupil and of the book are the librarian's; the visit and the loan are the pupil's.
    for (const auto& entry : audit_json()) {
        if (entry["reader"] != "librarian" && entry["item"] != "10000025") continue;
        EXPECT_EQ(entry["actor"], "import") << "the pupil's self-service is not audited: " << entry;
        EXPECT_TRUE(entry["action"] == "reader_added" || entry["action"] == "copy_added") << entry;
    }
}

TEST_F(AuditCli, VerifyFindsTheChainWholeThenTheRowChangedBehindTheTriggersBack) {
    const auto whole = kitap({"audit", "verify", "--json"});
    ASSERT_EQ(whole.exit_code, 0) << whole.out << whole.err;
    const auto report = whole.parsed();
    EXPECT_EQ(report["whole"], true);
    const auto events = report["events"].get<int>();
    EXPECT_GE(events, 8);
    EXPECT_EQ(report["last_id"], events);
    EXPECT_EQ(report["head"].get<std::string>().size(), 64u);
    const auto text = kitap({"audit", "verify"});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("The audit log is whole: " + std::to_string(events) + " events"), std::string::npos)
        << text.out;

    // A loan at the desk made to look like the pupil's own.
    behind_the_triggers_back("UPDATE event SET actor_role = 'reader', actor_card = '20000022' WHERE id = 5");
    const auto broken = kitap({"audit", "verify", "--json"});
    EXPECT_EQ(broken.exit_code, 1);
    const auto found = broken.parsed();
    EXPECT_EQ(found["whole"], false);
    EXPECT_EQ(found["id"], 5);
    EXPECT_EQ(found["problem"], "changed");
    EXPECT_EQ(found["events"], 4);
    EXPECT_FALSE(found["at"].get<std::string>().empty());
    const auto said = kitap({"--lang", "ru", "audit", "verify"});
    EXPECT_EQ(said.exit_code, 1);
    EXPECT_NE(said.out.find("событие №5"), std::string::npos) << said.out;
}

TEST_F(AuditCli, VerifyReportsADeletedRow) {
    behind_the_triggers_back("DELETE FROM event WHERE id = 3");
    const auto run = kitap({"audit", "verify", "--json"});
    EXPECT_EQ(run.exit_code, 1);
    const auto found = run.parsed();
    EXPECT_EQ(found["id"], 4);
    EXPECT_EQ(found["problem"], "missing");
    EXPECT_EQ(found["missing_from"], 3);
    EXPECT_EQ(found["missing_to"], 3);
    EXPECT_NE(kitap({"audit", "verify"}).out.find("events #3–#3, before event #4"), std::string::npos);
}

TEST_F(AuditCli, ANameWithAnEscapeSequenceIsPrintedEscapedNeverObeyed) {
    {
        SQLite::Database db(this->db().string(), SQLite::OPEN_READWRITE);
        db.exec(
            "UPDATE reader SET full_name = 'Evil' || char(27) || ']2;pwned' || char(7) || char(10) || "
            "'2026-01-01 forged line' WHERE card = '20000022'");
    }
    const auto reader = kitap({"reader", "20000022"});
    ASSERT_EQ(reader.exit_code, 0) << reader.err;
    EXPECT_EQ(reader.out.find('\x1b'), std::string::npos) << reader.out;
    EXPECT_NE(reader.out.find("Evil\\u001b]2;pwned\\u0007\\u000a2026-01-01 forged line"), std::string::npos)
        << reader.out;

    const auto audit = kitap({"audit"});
    ASSERT_EQ(audit.exit_code, 0) << audit.err;
    EXPECT_EQ(audit.out.find('\x1b'), std::string::npos) << audit.out;
    EXPECT_EQ(audit.out.find('\x07'), std::string::npos) << audit.out;
    EXPECT_NE(audit.out.find("20000022 Evil\\u001b]2;pwned"), std::string::npos) << audit.out;
    EXPECT_EQ(audit.out.find("\n2026-01-01 forged line"), std::string::npos) << "no line of the table is forged";

    const auto as_json = kitap({"reader", "20000022", "--json"});
    EXPECT_EQ(as_json.parsed()["name"], "Evil\x1b]2;pwned\x07\n2026-01-01 forged line") << "JSON keeps the data";
}

}  // namespace
