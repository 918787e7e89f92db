// End to end: the librarian's year through the built `kitap` binary — closing
// a year, receipts and write-offs, the register, a stocktake, the order.
#include "core/calendar.hpp"
#include "core/year/school_years.hpp"

#include <SQLiteCpp/Database.h>
#include "kiosk/cli/kitap_process.hpp"

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

using kitap::testing::CliRun;
using kitap::testing::slurp;

namespace fs = std::filesystem;
using nlohmann::json;

// The school year the binary sees today (tests run on any date).
std::string this_school_year() {
    return kitap::core::school_year_of(
        kitap::core::local_date(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())));
}

class YearCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        write("readers.csv",
              "ФИО;Класс;Номер карты\n"
              "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
              "Нұрланұлы Ерасыл;5Ә;20000022\n"
              "Петров Иван;11А;20000030\n");
        write("catalog.csv",
              "title,isbn,kind,grade,copies,price,barcodes\n"
              "Абай жолы,,fiction,,,,10000017 10000025\n"
              "\"Математика. 5-сынып. 1-бөлім\",9786010000001,textbook,5,10,1500,\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);
    }
};

TEST_F(YearCli, YearCloseDryRunThenOnceOnly) {
    kitap({"scan", "--mode", "desk", "20000030", "9786010000001"});
    const std::string year = this_school_year();
    const std::string next = kitap::core::next_school_year(year);

    const auto plan = kitap({"year", "close", "--dry-run"});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    const auto preview = plan.parsed();
    EXPECT_EQ(preview["year"], year);
    EXPECT_EQ(preview["dry_run"], true);
    ASSERT_EQ(preview["promoted"].size(), 1u);
    EXPECT_EQ(preview["promoted"][0], (json{{"from", "5Ә"}, {"to", "6Ә"}, {"pupils", 2}}));
    ASSERT_EQ(preview["graduates"].size(), 1u);
    EXPECT_EQ(preview["graduates"][0]["card"], "20000030");
    EXPECT_EQ(preview["graduates"][0]["open_loans"], 1);
    ASSERT_EQ(preview["debts"].size(), 1u);
    EXPECT_EQ(preview["debts"][0]["code"], "9786010000001");
    EXPECT_EQ(json::parse(kitap({"reader", "20000014", "--json"}).out)["class"], "5Ә");

    const auto closed = kitap({"year", "close", "--early"});
    ASSERT_EQ(closed.exit_code, 0) << closed.err;
    EXPECT_EQ(closed.parsed()["dry_run"], false);
    EXPECT_EQ(json::parse(kitap({"reader", "20000014", "--json"}).out)["class"], "6Ә");
    const auto graduate = json::parse(kitap({"reader", "20000030", "--json"}).out);
    EXPECT_EQ(graduate["status"], "left");
    EXPECT_EQ(graduate["loans"].size(), 1u);

    const auto again = kitap({"year", "close", "--early"});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("already closed"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find(year), std::string::npos) << again.err;
    EXPECT_EQ(json::parse(kitap({"reader", "20000014", "--json"}).out)["class"], "6Ә");
    EXPECT_EQ(kitap({"year", "close", "--year", next}).exit_code, 1);
}

TEST_F(YearCli, ReceiptsWriteOffsActsAndTheRegister) {
    const auto received = kitap(
        {"receive", "--isbn", "978-601-00-0000-1", "--count", "20", "--price", "1 600,50", "--source", "Атамұра"});
    ASSERT_EQ(received.exit_code, 0) << received.err;
    ASSERT_EQ(kitap({"receive", "--isbn", "9786010000001", "--copy", "10000033", "10000041", "--price", "1600.50",
                     "--shelf", "A-1"})
                  .exit_code,
              0);
    const auto unknown = kitap({"receive", "--isbn", "9786010000025", "--count", "1", "--price", "100"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("9786010000025"), std::string::npos) << unknown.err;
    EXPECT_EQ(kitap({"receive", "--isbn", "9786010000001", "--count", "1", "--price", "abc"}).exit_code, 2);
    EXPECT_EQ(json::parse(kitap({"item", "9786010000001", "--json"}).out)["stock"], 30);

    kitap({"scan", "--mode", "desk", "20000014", "9786010000001"});
    const auto too_many = kitap({"writeoff", "--reason", "worn", "--isbn", "9786010000001", "--count", "30"});
    EXPECT_EQ(too_many.exit_code, 1);
    EXPECT_NE(too_many.err.find("at most 29"), std::string::npos) << too_many.err;
    ASSERT_EQ(kitap({"writeoff", "--reason", "worn", "--isbn", "9786010000001", "--count", "4"}).exit_code, 0);
    ASSERT_EQ(kitap({"writeoff", "--reason", "damaged", "--act", "Д-1", "--copy", "10000033"}).exit_code, 0);
    EXPECT_EQ(json::parse(kitap({"item", "10000033", "--json"}).out)["status"], "written_off");

    const auto acts = kitap({"acts", "--json"}).parsed();
    ASSERT_EQ(acts.size(), 2u);
    EXPECT_EQ(acts[0]["number"].get<std::string>().substr(4), "-001");
    EXPECT_EQ(acts[0]["reason"], "worn");
    EXPECT_EQ(acts[0]["copies"], 4);
    EXPECT_DOUBLE_EQ(acts[0]["sum"].get<double>(), 4 * 1600.50);
    EXPECT_EQ(acts[1]["number"], "Д-1");

    const auto report = kitap({"report", "register", "--format", "json"}).parsed();
    EXPECT_EQ(report["year"], this_school_year());
    EXPECT_EQ(report["textbooks"]["fund_start"], 10);
    EXPECT_EQ(report["textbooks"]["received"]["copies"], 22);
    EXPECT_EQ(report["textbooks"]["written_off"]["by_reason"]["damaged"]["copies"], 1);
    EXPECT_EQ(report["textbooks"]["fund_end"], 27);
    EXPECT_EQ(report["other"]["fund_end"], 2);
    const auto csv = kitap({"report", "register", "--format", "csv"}).out;
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "measure,textbooks,other,total");
    EXPECT_NE(csv.find("\nfund_end,27,2,29\r\n"), std::string::npos) << csv;
}

TEST_F(YearCli, AStocktakeAcrossRunsOfTheProgram) {
    kitap({"scan", "--mode", "desk", "20000014", "10000025"});
    ASSERT_EQ(kitap({"stocktake", "start"}).exit_code, 0);
    EXPECT_EQ(kitap({"stocktake", "start", "--scope", "shelf:B"}).exit_code, 1);
    const auto scans = kitap({"stocktake", "scan"}, "10000025\n9786010000001\n9786010000001\nNOPE\n").json_lines();
    ASSERT_EQ(scans.size(), 4u);
    EXPECT_EQ(scans[0]["finding"], "unexpected");
    EXPECT_EQ(scans[0]["reason"], "on_loan");
    EXPECT_EQ(scans[2]["finding"], "counted");
    EXPECT_EQ(scans[2]["counted"], 2);
    EXPECT_EQ(scans[3]["finding"], "unknown");

    const auto finished = kitap({"stocktake", "finish", "--format", "json"});
    ASSERT_EQ(finished.exit_code, 0) << finished.err;
    const auto report = finished.parsed();
    ASSERT_EQ(report["missing"].size(), 1u);
    EXPECT_EQ(report["missing"][0]["code"], "10000017");
    ASSERT_EQ(report["unexpected"].size(), 2u);
    EXPECT_EQ(report["unexpected"][1]["reason"], "unknown");
    ASSERT_EQ(report["titles"].size(), 1u);
    EXPECT_EQ(report["titles"][0], (json{{"isbn", "9786010000001"},
                                         {"title", "Математика. 5-сынып. 1-бөлім"},
                                         {"expected", 10},
                                         {"counted", 2},
                                         {"difference", -8}}));
    EXPECT_EQ(kitap({"stocktake", "finish"}).exit_code, 1);
    EXPECT_EQ(kitap({"stocktake", "scan", "10000017"}).exit_code, 1);
    EXPECT_EQ(kitap({"stocktake", "start", "--scope", "shelf:"}).exit_code, 2);
}

TEST_F(YearCli, TheOrderForNextYear) {
    // Grade 6 pupils get eight of the maths book: the two 5Ә pupils need 16, 10 are free.
    SQLite::Database(db().string(), SQLite::OPEN_READWRITE)
        .exec(
            "INSERT INTO curriculum (grade, language, title_id, per_pupil) "
            "SELECT 6, 'kk', id, 8 FROM title WHERE isbn = '9786010000001'");
    const std::string next = kitap::core::next_school_year(this_school_year());
    const auto refused = kitap({"report", "order", "--for-year", "2999-3000"});
    EXPECT_EQ(refused.exit_code, 1);
    const auto order = kitap({"report", "order", "--for-year", next, "--grade1", "25", "--format", "json"});
    ASSERT_EQ(order.exit_code, 0) << order.err;
    const auto report = order.parsed();
    EXPECT_EQ(report["for_year"], next);
    EXPECT_EQ(report["pupils"][0], (json{{"grade", 1}, {"language", "kk"}, {"pupils", 25}, {"estimated", false}}));
    ASSERT_EQ(report["titles"].size(), 1u);
    EXPECT_EQ(report["titles"][0]["needed"], 16);
    EXPECT_EQ(report["titles"][0]["usable"], 10);
    EXPECT_EQ(report["titles"][0]["to_order"], 6);
    EXPECT_DOUBLE_EQ(report["total"]["sum"].get<double>(), 9000.0);
    const auto csv = kitap({"--lang", "kk", "report", "order", "--for-year", next, "--format", "csv"}).out;
    EXPECT_EQ(
        csv.substr(0, csv.find("\r\n")),
        "isbn,title,grades,languages,pupils,needed,free,expected_returns,wear_rate,worn,usable,to_order,price,sum");
    EXPECT_EQ(kitap({"report", "order", "--for-year", "2024"}).exit_code, 2);
}

}  // namespace
