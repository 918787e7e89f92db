// End to end: runs the built `kitap` binary as a librarian or a script would.
#include "kiosk/cli/kitap_process.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using kitap::testing::slurp;

namespace fs = std::filesystem;
using nlohmann::json;

class KitapCli : public kitap::testing::KitapProcessTest {
protected:
    // A tiny library built through the CLI's own imports.
    void import_small_library() {
        write("readers.csv",
              "ФИО;Класс;Номер карты\n"
              "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
              "Нұрланұлы Ерасыл;5Ә;20000022\n");
        write("catalog.csv",
              "title,authors,isbn,kind,grade,copies,barcodes\n"
              "Абай жолы,Мұхтар Әуезов,,fiction,,,10000017 10000025\n"
              "\"Математика. 5-сынып. 1-бөлім\",,9786010000001,textbook,5,2,\n");
        write("curriculum.csv", "grade,language,isbn\n5,kk,9786010000001\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"curriculum", "import", "curriculum.csv"}).exit_code, 0);
    }
};

TEST_F(KitapCli, InitIsIdempotent) {
    EXPECT_EQ(kitap({"init"}).exit_code, 0);
    EXPECT_TRUE(fs::exists(db()));
    EXPECT_EQ(kitap({"init"}).exit_code, 0);
}

TEST_F(KitapCli, ScanPrintsOneJsonObjectPerCode) {
    import_small_library();
    auto run = kitap({"scan", "20000014", "10000017", "9786010000001", "UNKNOWN-1"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto lines = run.json_lines();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0]["outcome"], "session");
    EXPECT_EQ(lines[0]["kind"], "reader");
    EXPECT_EQ(lines[0]["reader"], "20000014");
    EXPECT_EQ(lines[1]["outcome"], "loan");
    EXPECT_EQ(lines[1]["kind"], "copy");
    EXPECT_TRUE(lines[1]["due"].is_string());
    EXPECT_EQ(lines[2]["kind"], "title");
    EXPECT_EQ(lines[2]["outcome"], "loan");
    EXPECT_EQ(lines[3]["outcome"], "refused");
    EXPECT_EQ(lines[3]["reason"], "unknown_code");
    for (const auto& line : lines)
        for (const char* key : {"code", "kind", "outcome", "reason", "message", "reader", "due"})
            EXPECT_TRUE(line.contains(key)) << key << " missing in " << line.dump();
}

TEST_F(KitapCli, ScanReadsStdinAndSpeaksTheChosenLanguage) {
    import_small_library();
    auto run = kitap({"--lang", "kk", "scan"}, "10000017\n");
    ASSERT_EQ(run.exit_code, 0);
    auto line = run.json_lines().at(0);
    EXPECT_EQ(line["reason"], "no_session");
    EXPECT_EQ(line["message"], "Алдымен өз картаңызды оқытыңыз.");
    auto russian = kitap({"scan", "10000017"}, "", "LANG=ru_RU.UTF-8").json_lines().at(0);
    EXPECT_EQ(russian["message"], "Сначала отсканируйте свою карточку.");
}

TEST_F(KitapCli, DeskModeMovesABookBetweenReaders) {
    import_small_library();
    kitap({"scan", "20000014", "10000017"});
    auto self = kitap({"scan", "20000022", "10000017"}).json_lines();
    EXPECT_EQ(self[1]["reason"], "on_loan_to_other");
    auto desk = kitap({"scan", "--mode", "desk", "20000022", "10000017"}).json_lines();
    EXPECT_EQ(desk[1]["outcome"], "loan");
    EXPECT_EQ(desk[1]["previous_holder"], "20000014");
}

TEST_F(KitapCli, ReaderItemAndStatsAsJson) {
    import_small_library();
    kitap({"scan", "20000014", "10000017", "9786010000001"});
    auto reader = json::parse(kitap({"reader", "20000014", "--json"}).out);
    EXPECT_EQ(reader["name"], "Қасымова Әлия Ерланқызы");
    EXPECT_EQ(reader["class"], "5Ә");
    EXPECT_EQ(reader["category"], "pupil");
    EXPECT_EQ(reader["status"], "active");
    ASSERT_EQ(reader["loans"].size(), 2u);
    for (const auto& loan : reader["loans"])
        for (const char* key : {"code", "title", "quantity", "due"}) EXPECT_TRUE(loan.contains(key));

    auto copy = json::parse(kitap({"item", "10000017", "--json"}).out);
    EXPECT_EQ(copy["status"], "on_loan");
    EXPECT_EQ(copy["holder"], "20000014");
    EXPECT_EQ(copy["title"], "Абай жолы");
    auto free_copy = json::parse(kitap({"item", "10000025", "--json"}).out);
    EXPECT_TRUE(free_copy["holder"].is_null());

    auto title = json::parse(kitap({"item", "978-601-00-0000-1", "--json"}).out);
    EXPECT_EQ(title["isbn"], "9786010000001");
    EXPECT_EQ(title["stock"], 2);
    EXPECT_EQ(title["on_loan"], 1);
    EXPECT_EQ(title["free"], 1);

    auto stats = json::parse(kitap({"stats", "--json"}).out);
    EXPECT_EQ(stats["readers"]["pupil"], 2);
    EXPECT_EQ(stats["titles"], 2);
    EXPECT_EQ(stats["copies"], 2);
    EXPECT_EQ(stats["title_stock"], 2);
    EXPECT_EQ(stats["open_loans"], 2);
    EXPECT_EQ(stats["overdue_loans"], 0);
}

TEST_F(KitapCli, UnknownCardOrCodeIsBadInput) {
    import_small_library();
    EXPECT_EQ(kitap({"reader", "99999999"}).exit_code, 2);
    EXPECT_EQ(kitap({"item", "nothing"}).exit_code, 2);
    EXPECT_EQ(kitap({"scan", "--mode", "sideways"}).exit_code, 2);
}

TEST_F(KitapCli, BadImportReportsEveryLineAndChangesNothing) {
    import_small_library();
    write("bad.csv",
          "name,class,card\n"
          "Серікұлы Дәурен,5Ә,20000030\n"
          "Иванов Пётр,,20000048\n"
          "Петрова Анна,14Б,20000055\n");
    auto run = kitap({"import", "readers", "bad.csv"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("bad.csv:3:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("bad.csv:4:"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("bad.csv:2:"), std::string::npos) << run.err;
    auto stats = json::parse(kitap({"stats", "--json"}).out);
    EXPECT_EQ(stats["readers"]["pupil"], 2);
}

TEST_F(KitapCli, DryRunWritesNothing) {
    kitap({"init"});
    write("readers.csv", "name,class\nҚасымова Әлия,5Ә\n");
    auto run = kitap({"import", "readers", "readers.csv", "--dry-run"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(json::parse(kitap({"stats", "--json"}).out)["readers"]["pupil"], 0);
}

TEST_F(KitapCli, DemoFillsOnlyAnEmptyDatabase) {
    auto first = kitap({"demo", "--seed", "7"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    auto stats = json::parse(kitap({"stats", "--json"}).out);
    EXPECT_GT(stats["readers"]["pupil"].get<int>(), 1000);
    EXPECT_GT(stats["overdue_loans"].get<int>(), 0);
    EXPECT_EQ(kitap({"demo"}).exit_code, 1);
}

TEST_F(KitapCli, DatabaseFromNewerCodeIsAFault) {
    kitap({"init"});
    SQLite::Database(db().string(), SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 999");
    auto run = kitap({"stats"});
    EXPECT_EQ(run.exit_code, 3);
    EXPECT_NE(run.err.find("newer"), std::string::npos);
}

TEST_F(KitapCli, ConfigurationErrorsNameFileLineAndKey) {
    write("kitap.toml", "[station]\nidle_timeout_seconds = 30\nidle_timout = 5\n");
    auto run = kitap({"--config", "kitap.toml", "init"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("kitap.toml:3: station.idle_timout: unknown key"), std::string::npos) << run.err;
}

TEST_F(KitapCli, ConfiguredCommandPrefixIsUsed) {
    import_small_library();
    write("kitap.toml", "[codes]\ncommand_prefix = \"CMD:\"\n");
    auto lines = kitap({"--config", "kitap.toml", "scan", "20000014", "CMD:DONE"}).json_lines();
    EXPECT_EQ(lines[1]["outcome"], "ended");
}

// ---- Renewals ----------------------------------------------------------------

TEST_F(KitapCli, ScanRenewsWithKitapRenewThenTheBook) {
    import_small_library();
    auto lent = kitap({"scan", "20000014", "10000017"}).json_lines().at(1);
    const auto run = kitap({"scan", "20000014", "KITAP-RENEW", "10000017", "KITAP-RENEW", "9786010000001"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto lines = run.json_lines();
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[1]["outcome"], "command");
    EXPECT_EQ(lines[1]["message"], "Now scan the book to renew.");
    EXPECT_EQ(lines[2]["outcome"], "renewed");
    EXPECT_EQ(lines[2]["reason"], "");
    EXPECT_EQ(lines[2]["due"], lent["due"]) << "renewed on the loan's day: today plus the period again";
    EXPECT_EQ(lines[2]["renewals"], 1);
    EXPECT_EQ(lines[2]["severity"], "success");
    EXPECT_EQ(lines[2]["message"].get<std::string>().rfind("Renewed: ", 0), 0u) << lines[2];
    EXPECT_EQ(lines[4]["reason"], "not_renewable") << "an ISBN nobody holds here";
    EXPECT_EQ(lines[4]["severity"], "refusal");
}

TEST_F(KitapCli, RenewalsFollowTheConfigAndTheDesksShowInTheAudit) {
    import_small_library();
    write("kitap.toml", "[loans]\nmax_renewals = 1\n");
    kitap({"scan", "20000014", "10000017"});
    const auto desk = kitap(
        {"--config", "kitap.toml", "scan", "--mode", "desk", "KITAP-RENEW", "10000017", "KITAP-RENEW", "10000017"});
    ASSERT_EQ(desk.exit_code, 0) << "a refusal is an answer, as always";
    const auto lines = desk.json_lines();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[1]["outcome"], "renewed");
    EXPECT_EQ(lines[1]["reader"], "20000014");
    EXPECT_EQ(lines[3]["reason"], "renewal_limit");
    EXPECT_EQ(lines[3]["limit"], 1);

    const auto audit = kitap({"audit", "--json"});
    int renewals = 0;
    for (const auto& entry : json::parse(audit.out)) {
        if (entry["action"] != "renew") continue;
        ++renewals;
        EXPECT_EQ(entry["actor"], "librarian");
        EXPECT_EQ(entry["reader"], "20000014");
    }
    EXPECT_EQ(renewals, 1);
    EXPECT_NE(kitap({"audit"}).out.find("renewal"), std::string::npos);
}

// ---- The textbook year --------------------------------------------------

TEST_F(KitapCli, IssueSetGivesTheClassItsSetsAndReportsShortages) {
    import_small_library();
    auto dry = kitap({"issue-set", "--class", "5Ә", "--dry-run", "--json"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_TRUE(json::parse(dry.out)["dry_run"]);
    EXPECT_EQ(json::parse(kitap({"stats", "--json"}).out)["open_loans"], 0);

    kitap({"scan", "--mode", "desk", "20000030"});  // nothing: a card alone changes no stock
    auto run = kitap({"issue-set", "--class", "5ә", "--json"});
    auto result = json::parse(run.out);
    EXPECT_EQ(result["class"], "5Ә");
    EXPECT_EQ(result["issued"][0]["isbn"], "9786010000001");
    EXPECT_EQ(result["issued"][0]["count"], 2);
    EXPECT_TRUE(result["shortages"].empty());
    EXPECT_EQ(kitap({"issue-set", "--class", "9Б"}).exit_code, 2);
}

TEST_F(KitapCli, ShortStockIsListedPerPupil) {
    import_small_library();
    write("more.csv", "name,class,card\nСерікова Дана,5Ә,20000030\n");
    kitap({"import", "readers", "more.csv"});
    auto result = json::parse(kitap({"issue-set", "--class", "5Ә", "--json"}).out);
    EXPECT_EQ(result["issued"][0]["count"], 2);
    ASSERT_EQ(result["shortages"].size(), 1u);
    EXPECT_TRUE(result["shortages"][0].contains("card"));
    EXPECT_EQ(result["shortages"][0]["isbn"], "9786010000001");
}

TEST_F(KitapCli, SelfServiceTextbooksFollowTheClassSet) {
    import_small_library();
    auto lines = kitap({"scan", "20000014", "9786010000001", "9786010000001"}).json_lines();
    EXPECT_EQ(lines[1]["outcome"], "loan");
    EXPECT_EQ(lines[2]["outcome"], "duplicate");
    lines = kitap({"scan", "20000014", "9786010000001"}).json_lines();
    EXPECT_EQ(lines[1]["reason"], "already_has");
}

TEST_F(KitapCli, ReturnModeConditionsAndCompensation) {
    import_small_library();
    kitap({"scan", "--mode", "desk", "20000014", "10000017", "9786010000001"});
    auto lines =
        kitap({"scan", "--mode", "return", "20000014", "KITAP-LOST", "9786010000001", "10000017"}).json_lines();
    EXPECT_EQ(lines[1]["outcome"], "command");
    EXPECT_EQ(lines[2]["outcome"], "return");
    EXPECT_EQ(lines[2]["condition"], "lost");
    EXPECT_EQ(lines[3]["condition"], "good");
    auto clearance = json::parse(kitap({"clearance", "20000014", "--json"}).out);
    EXPECT_FALSE(clearance["clear"]);
    ASSERT_EQ(clearance["items"].size(), 1u);
    EXPECT_EQ(clearance["items"][0]["type"], "compensation");
    EXPECT_EQ(kitap({"settle", "20000014", "--as", "replaced"}).exit_code, 0);
    EXPECT_TRUE(json::parse(kitap({"clearance", "20000014", "--json"}).out)["clear"]);
}

TEST_F(KitapCli, DeskReturnCommand) {
    import_small_library();
    kitap({"issue-set", "--class", "5Ә"});
    auto too_many = kitap({"return", "--card", "20000014", "--isbn", "9786010000001", "--count", "2"});
    EXPECT_EQ(too_many.exit_code, 1) << too_many.err;
    auto run = kitap({"return", "--card", "20000014", "--isbn", "9786010000001", "--condition", "damaged", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(json::parse(run.out)["condition"], "damaged");
    EXPECT_EQ(kitap({"return", "--card", "20000014", "--isbn", "1", "--copy", "2"}).exit_code, 2);
}

TEST_F(KitapCli, ProvisionAndDebtorsReports) {
    import_small_library();
    kitap({"issue-set", "--class", "5Ә"});
    auto provision = json::parse(kitap({"report", "provision", "--format", "json"}).out);
    ASSERT_EQ(provision["lines"].size(), 1u);
    for (const char* key : {"pupils", "needed", "issued", "provision_pct", "free_stock"})
        EXPECT_TRUE(provision["lines"][0].contains(key)) << key;
    EXPECT_EQ(provision["lines"][0]["provision_pct"], 100.0);
    auto csv = kitap({"report", "provision", "--class", "5Ә", "--format", "csv", "--out", "provision.csv"});
    EXPECT_EQ(csv.exit_code, 0);
    EXPECT_NE(slurp(dir_ / "provision.csv").find("5Ә,kk,9786010000001"), std::string::npos);
    auto debtors = json::parse(kitap({"report", "debtors", "--as-of", "2099-06-01", "--format", "json"}).out);
    ASSERT_EQ(debtors.size(), 1u);
    EXPECT_EQ(debtors[0]["class"], "5Ә");
    EXPECT_EQ(debtors[0]["debtors"].size(), 2u);
    EXPECT_EQ(kitap({"report", "debtors", "--as-of", "June"}).exit_code, 2);
}

TEST_F(KitapCli, BackupAndRestore) {
    import_small_library();
    auto backup = kitap({"backup", "--out", "saved.db"});
    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    kitap({"scan", "20000014", "10000017"});
    EXPECT_EQ(json::parse(kitap({"stats", "--json"}).out)["open_loans"], 1);
    auto restore = kitap({"restore", "saved.db"});
    ASSERT_EQ(restore.exit_code, 0) << restore.err;
    EXPECT_EQ(json::parse(kitap({"stats", "--json"}).out)["open_loans"], 0);
    write("junk.db", "junk");
    EXPECT_EQ(kitap({"restore", "junk.db"}).exit_code, 2);
}

TEST_F(KitapCli, LibrarianSetPinStoresAnArgon2idHash) {
    auto set = kitap({"librarian", "set-pin"}, "482613\n");
    ASSERT_EQ(set.exit_code, 0) << set.err;
    SQLite::Database database(db().string());
    const auto stored = [&] {
        return database.execAndGet("SELECT value FROM setting WHERE key = 'librarian.pin_hash'").getString();
    };
    const std::string hash = stored();
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_EQ(hash.find("482613"), std::string::npos);
    EXPECT_EQ(kitap({"librarian", "set-pin"}, "12\n").exit_code, 2);
    EXPECT_EQ(kitap({"librarian", "set-pin"}, "12ab56\n").exit_code, 2);
    EXPECT_EQ(kitap({"librarian", "set-pin"}, "123456789\n").exit_code, 2);
    EXPECT_EQ(stored(), hash) << "a refused PIN changes nothing";
    EXPECT_EQ(kitap({"librarian", "set-pin"}, "48261357\n").exit_code, 0);
    EXPECT_NE(stored(), hash);
}

// Four digits were allowed before: a new PIN needs six, and is told why.
TEST_F(KitapCli, LibrarianSetPinRefusesFourAndFiveDigits) {
    for (const std::string pin : {"4826", "48261"}) {
        const auto set = kitap({"--lang", "en", "librarian", "set-pin"}, pin + "\n");
        EXPECT_EQ(set.exit_code, 2) << pin;
        EXPECT_NE(set.err.find("The PIN has " + std::to_string(pin.size()) + " digits; a new PIN needs 6 to 8"),
                  std::string::npos)
            << set.err;
    }
    const auto russian = kitap({"--lang", "ru", "librarian", "set-pin"}, "4826\n");
    EXPECT_NE(russian.err.find("от 6 до 8"), std::string::npos) << russian.err;
    SQLite::Database database(db().string());
    EXPECT_EQ(database.execAndGet("SELECT count(*) FROM setting WHERE key = 'librarian.pin_hash'").getInt(), 0);
    EXPECT_EQ(database.execAndGet("SELECT count(*) FROM event WHERE action = 'pin_set'").getInt(), 0);
}

}  // namespace
