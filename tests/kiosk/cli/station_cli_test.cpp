// `kitap stations` and `kitap exceptions [accept|discard ID]` as the librarian
// meets them: a kiosk's offline journal has been replayed on the school's server.
#include "core/library.hpp"
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Database.h>

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

class StationCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        ASSERT_EQ(kitap({"init"}).exit_code, 0);
        SQLite::Database db(this->db().string(), SQLite::OPEN_READWRITE);
        db.exec(R"(INSERT INTO reader (id, card, full_name, category, status) VALUES
                (1, '20000014', 'Қасымова Әлия', 'other', 'active'),
                (2, '20000022', 'Нұрланұлы Ерасыл', 'other', 'active'),
                (3, '20000048', 'Серікұлы Дәурен', 'other', 'left'))");
        db.exec("INSERT INTO title (id, title, kind, stock) VALUES (1, 'Абай жолы', 'fiction', 0)");
        db.exec("INSERT INTO copy (id, barcode, title_id) VALUES (1, '10000017', 1), (2, '10000025', 1)");
        db.exec(
            "INSERT INTO loan (reader_id, title_id, copy_id, loaned_at, due) VALUES "
            "(2, 1, 1, '2026-11-20T09:00:00Z', '2099-01-01')");

        auto library = kitap::core::Library::open(this->db()).value();
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        auto stations = library.stations();
        ASSERT_TRUE(stations.record_seen("kiosk-2", 2, now - 10s));
        ASSERT_TRUE(stations.record_seen("reading-room", 0, now - 1h));
        ASSERT_TRUE(
            stations.replay("kiosk-2",
                            {{.id = "a1", .scanned_at = now - 1h, .card = "20000014", .code = "10000017"},
                             {.id = "a2", .scanned_at = now - 1h + 1min, .card = "20000048", .code = "10000025"}},
                            now));
    }
};

TEST_F(StationCli, StationsSayWhichAreOnline) {
    const auto listed = kitap({"stations", "--json"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    const auto stations = listed.parsed();
    ASSERT_EQ(stations.size(), 2u);
    EXPECT_EQ(stations[0]["name"], "kiosk-2");
    EXPECT_EQ(stations[0]["online"], true);
    EXPECT_EQ(stations[0]["journal_waiting"], 2);
    EXPECT_TRUE(stations[0]["last_seen"].get<std::string>().ends_with("Z"));
    EXPECT_EQ(stations[1]["online"], false);
    EXPECT_EQ(stations[1].size(), 4u) << "name, online, last_seen, journal_waiting";

    const auto text = kitap({"stations"}, "", "LANG=kk_KZ.UTF-8");
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("байланыста"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("байланыс жоқ"), std::string::npos) << text.out;
}

TEST_F(StationCli, ExceptionsAreListedAndSettledOnceEach) {
    const auto listed = kitap({"exceptions", "--json"}).parsed();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0]["id"], 1);
    EXPECT_EQ(listed[0]["station"], "kiosk-2");
    EXPECT_EQ(listed[0]["card"], "20000014");
    EXPECT_EQ(listed[0]["code"], "10000017");
    EXPECT_EQ(listed[0]["reason"], "on_loan_to_other");
    EXPECT_EQ(listed[1]["reason"], "reader_left");
    const auto text = kitap({"exceptions"}, "", "LANG=ru_RU.UTF-8");
    EXPECT_NE(text.out.find("Эта карточка закрыта"), std::string::npos) << text.out;

    const auto accepted = kitap({"exceptions", "accept", "1", "--json"});
    ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
    EXPECT_EQ(accepted.parsed()["outcome"]["previous_holder"], "20000022");
    EXPECT_EQ(kitap({"reader", "20000014", "--json"}).parsed()["loans"].size(), 1u);

    const auto again = kitap({"exceptions", "accept", "1"});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_EQ(again.err, "Exception 1 was accepted or discarded before. Nothing was changed.\n");
    EXPECT_EQ(kitap({"exceptions", "discard", "7"}).exit_code, 2);
    EXPECT_EQ(kitap({"exceptions", "discard", "one"}).exit_code, 2);

    const auto refused = kitap({"exceptions", "accept", "2"});
    EXPECT_EQ(refused.exit_code, 1) << "the reader left: the desk refuses it too";
    EXPECT_NE(refused.err.find("stays open"), std::string::npos) << refused.err;

    const auto discarded = kitap({"exceptions", "discard", "2"});
    EXPECT_EQ(discarded.exit_code, 0) << discarded.err;
    EXPECT_EQ(discarded.out,
              "Exception 2 discarded: 10000025 scanned at kiosk-2 with the card 20000048 was not applied.\n");
    EXPECT_EQ(kitap({"exceptions", "--json"}).parsed(), json::array());
    EXPECT_NE(kitap({"exceptions"}).out.find("No offline scan"), std::string::npos);

    std::vector<std::string> audited;
    for (const auto& entry : kitap({"audit", "--json"}).parsed())
        if (entry["action"].get<std::string>().starts_with("scan_exception"))
            audited.push_back(entry["station"].get<std::string>() + " " + entry["action"].get<std::string>());
    EXPECT_EQ(audited, (std::vector<std::string>{"kiosk-2 scan_exception_listed", "kiosk-2 scan_exception_listed",
                                                 "cli scan_exception_accepted", "cli scan_exception_discarded"}));
}

}  // namespace
