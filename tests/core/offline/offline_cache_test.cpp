#include "core/offline/offline_cache.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const Timestamp made = sys_days{2026y / November / 25} + 10h;

OfflineSnapshot school_snapshot() {
    return {
        .made_at = made,
        .readers = {{.card = "20000014",
                     .name = "Қасымова Әлия",
                     .category = ReaderCategory::pupil,
                     .class_name = "5Ә",
                     .limit = 5,
                     .held = {{.code = "10000017",
                               .title = "Абай жолы",
                               .kind = TitleKind::fiction,
                               .due = 2026y / November / 20,
                               .loan_id = 7,
                               .renewals = 1},
                              {.code = "9786010000001",
                               .title = "Математика. 5-сынып",
                               .kind = TitleKind::textbook,
                               .quantity = 2,
                               .due = 2027y / May / 31,
                               .loan_id = 8}}},
                    {.card = "20000048", .name = "Серікұлы Дәурен", .left = true, .pin_needed = true, .limit = 5}},
        .copies = {{.barcode = "10000017", .title = "Абай жолы", .kind = TitleKind::fiction, .holder_card = "20000014"},
                   {.barcode = "10000041",
                    .title = "Қара сөздер",
                    .kind = TitleKind::reference,
                    .status = CopyStatus::written_off}}};
}

class OfflineCacheTest : public ::testing::Test {
protected:
    OfflineJournal open_journal() { return std::move(*OfflineJournal::open(dir_.path() / "journal.db", "hall")); }

    testing::TempDir dir_;
};

TEST_F(OfflineCacheTest, KnowsNothingBeforeItsFirstSnapshot) {
    auto journal = open_journal();
    OfflineCache cache(journal);
    EXPECT_EQ(*cache.made_at(), std::nullopt);
    EXPECT_FALSE(cache.reader("20000014").value());
    EXPECT_FALSE(cache.copy("10000017").value());
}

TEST_F(OfflineCacheTest, KeepsTheSnapshotAcrossARestart) {
    {
        auto journal = open_journal();
        ASSERT_TRUE(OfflineCache(journal).replace(school_snapshot()));
    }
    auto journal = open_journal();
    OfflineCache cache(journal);
    EXPECT_EQ(*cache.made_at(), made);

    const auto pupil = cache.reader("20000014").value();
    ASSERT_TRUE(pupil);
    EXPECT_EQ(pupil->name, "Қасымова Әлия");
    EXPECT_EQ(pupil->class_name, "5Ә");
    EXPECT_EQ(pupil->limit, 5);
    EXPECT_FALSE(pupil->left);
    ASSERT_EQ(pupil->held.size(), 2u);
    EXPECT_EQ(pupil->held[0].code, "10000017");
    EXPECT_EQ(pupil->held[0].due, 2026y / November / 20);
    EXPECT_EQ(pupil->held[0].renewals, 1);
    EXPECT_EQ(pupil->held[1].kind, TitleKind::textbook);
    EXPECT_EQ(pupil->held[1].quantity, 2);
    EXPECT_EQ(pupil->main_fund_loans(), 1);
    EXPECT_EQ(pupil->overdue(2026y / November / 25).size(), 1u);
    EXPECT_TRUE(pupil->overdue(2026y / November / 20).empty());

    const auto left = cache.reader("20000048").value();
    ASSERT_TRUE(left);
    EXPECT_TRUE(left->left);
    EXPECT_TRUE(left->pin_needed);
    EXPECT_TRUE(left->held.empty());

    const auto lent = cache.copy("10000017").value();
    ASSERT_TRUE(lent);
    EXPECT_EQ(lent->holder_card, "20000014");
    EXPECT_EQ(lent->status, CopyStatus::in_fund);
    const auto written_off = cache.copy("10000041").value();
    ASSERT_TRUE(written_off);
    EXPECT_EQ(written_off->status, CopyStatus::written_off);
    EXPECT_EQ(written_off->kind, TitleKind::reference);
    EXPECT_EQ(written_off->holder_card, std::nullopt);
}

TEST_F(OfflineCacheTest, ANewSnapshotReplacesAllOfTheOld) {
    auto journal = open_journal();
    OfflineCache cache(journal);
    ASSERT_TRUE(cache.replace(school_snapshot()));
    OfflineSnapshot next{.made_at = made + 1h,
                         .readers = {{.card = "20000022", .name = "Нұрланұлы Ерасыл", .limit = 5}},
                         .copies = {{.barcode = "10000025", .title = "Абай жолы"}}};
    ASSERT_TRUE(cache.replace(next));
    EXPECT_EQ(*cache.made_at(), made + 1h);
    EXPECT_FALSE(cache.reader("20000014").value());
    EXPECT_FALSE(cache.copy("10000017").value());
    EXPECT_TRUE(cache.reader("20000022").value());
    EXPECT_TRUE(cache.copy("10000025").value());
}

}  // namespace
}  // namespace kitap::core
