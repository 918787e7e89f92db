// `kitap readers --class` and `kitap catalog search`: the answers the web console
// serves, as the command line prints them.
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>

namespace {

class LookupCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        write("readers.csv", "ФИО;Класс;Номер карты\nҚасымова Әлия;5Ә;20000014\nНұрланұлы Ерасыл;5Ә;20000022\n");
        write("catalog.csv",
              "title,authors,isbn,kind,grade,copies,barcodes\n"
              "Абай жолы,Мұхтар Әуезов,,fiction,,,10000017 10000025\n");
        ASSERT_EQ(kitap({"import", "readers", "readers.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"import", "catalog", "catalog.csv"}).exit_code, 0);
        ASSERT_EQ(kitap({"scan", "--mode", "desk", "20000014", "10000017"}).exit_code, 0);
    }
};

TEST_F(LookupCli, ClassReadersWithWhatEachHolds) {
    const auto pupils = kitap({"readers", "--class", "5ә", "--json"});
    ASSERT_EQ(pupils.exit_code, 0) << pupils.err;
    const auto listed = pupils.parsed();
    EXPECT_EQ(listed["class"], "5Ә");
    ASSERT_EQ(listed["pupils"].size(), 2u);
    for (const auto& pupil : listed["pupils"]) {
        const bool lent_to = pupil["card"] == "20000014";
        EXPECT_EQ(pupil["name"], lent_to ? "Қасымова Әлия" : "Нұрланұлы Ерасыл");
        EXPECT_EQ(pupil["holds"], lent_to ? 1 : 0);
    }
    const auto text = kitap({"readers", "--class", "5Ә"});
    EXPECT_NE(text.out.find("20000014  Қасымова Әлия"), std::string::npos) << text.out;
    EXPECT_EQ(kitap({"readers", "--class", "9Ж"}).exit_code, 2);
    EXPECT_EQ(kitap({"readers", "--class", "nine"}).exit_code, 2);
}

TEST_F(LookupCli, CatalogSearchInKazakh) {
    const auto found = kitap({"catalog", "search", "ӘУЕЗОВ", "--json"});
    ASSERT_EQ(found.exit_code, 0) << found.err;
    const auto titles = found.parsed();
    ASSERT_TRUE(titles.is_array());
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0]["title"], "Абай жолы");
    EXPECT_EQ(titles[0]["authors"], "Мұхтар Әуезов");
    EXPECT_EQ(titles[0]["kind"], "fiction");
    EXPECT_EQ(titles[0]["available"], 1);
    EXPECT_EQ(titles[0]["total"], 2);
    EXPECT_EQ(found.out.find("20000014"), std::string::npos) << "never who holds a copy";
    const auto text = kitap({"catalog", "search", "абай"});
    EXPECT_NE(text.out.find("Абай жолы — Мұхтар Әуезов (fiction): 1 of 2 free"), std::string::npos) << text.out;
    const auto empty = kitap({"catalog", "search", " "});
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_NE(empty.err.find("Type part of a title"), std::string::npos) << empty.err;
}

}  // namespace
