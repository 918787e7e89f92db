// The --json of the actions the web console serves too: the same objects as kitap_answers
// gives (tests/kiosk/answers), through the built `kitap`, its text output left as it was.
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

class JsonActionsCli : public kitap::testing::KitapProcessTest {};

TEST_F(JsonActionsCli, ImportCountsAsJsonAndBadRowsAsBefore) {
    write("readers.csv", "ФИО;Класс;Номер карты\nҚасымова Әлия Ерланқызы;5Ә;20000014\n");
    const auto dry = kitap({"import", "readers", "readers.csv", "--dry-run", "--json"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_EQ(dry.parsed(), (json{{"file", "readers.csv"},
                                  {"kind", "readers"},
                                  {"dry_run", true},
                                  {"rows", 1},
                                  {"added", 1},
                                  {"updated", 0},
                                  {"unchanged", 0},
                                  {"notes", json::array()}}));
    write("bad.csv", "ФИО;Класс;Номер карты\n;5Ә;20000014\n");
    const auto bad = kitap({"import", "readers", "bad.csv", "--json"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(bad.out.empty()) << bad.out;
    EXPECT_EQ(bad.err.rfind("bad.csv:2: ", 0), 0u) << bad.err;
}

TEST_F(JsonActionsCli, ReceiveWriteoffStocktakeAndSettleAsJson) {
    write("catalog.csv", "title,isbn,kind,grade,copies,price\nМатематика,9786010000001,textbook,5,10,1500\n");
    ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);

    const auto received = kitap({"receive", "--isbn", "9786010000001", "--count", "2", "--price", "1500", "--json"});
    ASSERT_EQ(received.exit_code, 0) << received.err;
    EXPECT_EQ(received.parsed()["copies"], 2);
    EXPECT_DOUBLE_EQ(received.parsed()["sum"].get<double>(), 3000.0);

    const auto written_off =
        kitap({"writeoff", "--reason", "worn", "--isbn", "9786010000001", "--count", "1", "--json"});
    ASSERT_EQ(written_off.exit_code, 0) << written_off.err;
    EXPECT_EQ(written_off.parsed()["new_act"], true);
    EXPECT_EQ(written_off.parsed()["act"]["copies"], 1);

    const auto started = kitap({"stocktake", "start", "--json"});
    ASSERT_EQ(started.exit_code, 0) << started.err;
    EXPECT_EQ(started.parsed()["scope"], "all");

    write("readers.csv", "ФИО;Класс;Номер карты\nҚасымова Әлия Ерланқызы;5Ә;20000014\n");
    ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
    const auto nothing = kitap({"settle", "20000014", "--json"});
    EXPECT_EQ(nothing.exit_code, 1);
    EXPECT_EQ(nothing.parsed()["settled"], 0);
}

}  // namespace
