// `kitap hold add|list|cancel`: reservations as the librarian types them, and a return
// at `kitap scan` telling who to put the copy aside for.
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>

namespace {

class HoldCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        write("readers.csv",
              "ФИО;Класс;Номер карты\nҚасымова Әлия;5Ә;20000014\nНұрланұлы Ерасыл;5Ә;20000022\n"
              "Серікова Дана;5Ә;20000030\n");
        write("catalog.csv",
              "title,authors,isbn,kind,grade,copies,barcodes\n"
              "Абай жолы,Мұхтар Әуезов,9786010000018,fiction,,,10000017\n"
              "Абай жолы. Екінші кітап,Мұхтар Әуезов,,fiction,,,10000025\n"
              "Математика,,9786010000001,textbook,5,20,\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"scan", "--mode", "desk", "20000030", "10000017"}).exit_code, 0);
    }
};

TEST_F(HoldCli, AddListReturnAndCancel) {
    const auto placed = kitap({"hold", "add", "20000014", "9786010000018", "--json"});
    ASSERT_EQ(placed.exit_code, 0) << placed.err;
    const auto hold = placed.parsed();
    EXPECT_EQ(hold["state"], "waiting");
    EXPECT_EQ(hold["position"], 1);
    EXPECT_EQ(hold["card"], "20000014");
    EXPECT_EQ(hold["title"], "Абай жолы");
    const auto second = kitap({"hold", "add", "20000022", "10000017"});  // by a copy's number
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("place 2 in the queue"), std::string::npos) << second.out;

    const auto returned = kitap({"scan", "--mode", "return", "10000017"});
    ASSERT_EQ(returned.exit_code, 0) << returned.err;
    EXPECT_NE(returned.out.find("\"hold_for\":\"20000014\""), std::string::npos) << returned.out;
    EXPECT_NE(returned.out.find("reserved for 5Ә Қасымова Әлия"), std::string::npos) << returned.out;

    const auto listed = kitap({"hold", "list", "--json"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    const auto holds = listed.parsed();
    ASSERT_EQ(holds.size(), 2u);
    EXPECT_EQ(holds[0]["state"], "ready");
    EXPECT_EQ(holds[0]["kept"], "10000017");
    EXPECT_TRUE(holds[0]["until"].is_string());
    EXPECT_EQ(holds[1]["state"], "waiting");
    EXPECT_EQ(holds[1]["position"], 1);
    EXPECT_NE(kitap({"hold", "list"}).out.find("kept (10000017) until"), std::string::npos);

    const auto id = std::to_string(holds[0]["id"].get<long long>());
    const auto cancelled = kitap({"hold", "cancel", id, "--json"});
    ASSERT_EQ(cancelled.exit_code, 0) << cancelled.err;
    EXPECT_EQ(cancelled.parsed()["state"], "cancelled");
    EXPECT_EQ(kitap({"hold", "list", "--json"}).parsed()[0]["state"], "ready") << "passed to the next reader";
    const auto again = kitap({"hold", "cancel", id});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("has ended already"), std::string::npos) << again.err;
    EXPECT_EQ(kitap({"hold", "cancel", "999"}).exit_code, 2);
}

TEST_F(HoldCli, RefusalsSayWhyAndWordsMustChooseOneTitle) {
    const auto available = kitap({"hold", "add", "20000014", "10000025"});
    EXPECT_EQ(available.exit_code, 1);
    EXPECT_NE(available.err.find("on the shelf"), std::string::npos) << available.err;
    const auto textbook = kitap({"hold", "add", "20000014", "Математика"});
    EXPECT_EQ(textbook.exit_code, 1);
    EXPECT_NE(textbook.err.find("textbook"), std::string::npos) << textbook.err;
    const auto unknown = kitap({"hold", "add", "99999999", "9786010000018"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("99999999"), std::string::npos) << unknown.err;
    const auto ambiguous = kitap({"hold", "add", "20000014", "абай"});
    EXPECT_EQ(ambiguous.exit_code, 2);
    EXPECT_NE(ambiguous.err.find("matches 2 titles"), std::string::npos) << ambiguous.err;
    EXPECT_NE(ambiguous.err.find("Абай жолы. Екінші кітап"), std::string::npos) << ambiguous.err;
    EXPECT_EQ(kitap({"hold", "add", "20000014", "ешқандай кітап"}).exit_code, 2);
    EXPECT_EQ(kitap({"hold", "list", "--json"}).parsed().size(), 0u) << "nothing placed";
}

}  // namespace
