// "What is this code?" answered once in core for the kiosk's lookup and `kitap reader` / `kitap item`.
#include "core/library.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr const char* pupil_card = "20000014";
constexpr const char* lent_copy = "10000017";
constexpr const char* lost_copy = "10000024";
constexpr const char* textbook_isbn = "9786010000001";

class LookupServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto& db = temp_.db();
        db.exec(
            "INSERT INTO school_class (id, grade, letter, language, school_year) VALUES (1, 5, 'Ә', 'kk', "
            "'2026-2027')");
        db.exec(
            "INSERT INTO reader (card, full_name, category, class_id) VALUES ('20000014', 'Әлия Қасым', 'pupil', 1)");
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, subject, stock) VALUES
            (1, 'Абай жолы', NULL, 'fiction', NULL, '', 0),
            (2, 'Математика. 5-сынып', '9786010000001', 'textbook', 5, 'Математика', 30))");
        db.exec(
            "INSERT INTO copy (id, barcode, title_id, status) VALUES (1, '10000017', 1, 'in_fund'), "
            "(2, '10000024', 1, 'lost')");
        auto library = Library::open(temp_.path());
        ASSERT_TRUE(library) << library.error().detail;
        library_.emplace(std::move(*library));
        auto desk = library_->open_station(StationMode::desk, "desk");
        ASSERT_TRUE(desk.handle({.text = pupil_card}, now_));
        ASSERT_TRUE(desk.handle({.text = lent_copy}, now_));
    }

    testing::TempDatabase temp_;
    std::optional<Library> library_;
    sys_seconds now_ = sys_days{year{2026} / 11 / 25} + hours{10};
};

TEST_F(LookupServiceTest, AReaderCardShowsTheReaderWhatTheyHoldAndTheirHistory) {
    const auto found = library_->lookup().what_is(pupil_card, 6);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->kind, CodeKind::reader);
    ASSERT_TRUE(found->reader);
    EXPECT_EQ(found->reader->reader.name, "Әлия Қасым");
    ASSERT_EQ(found->reader->held.size(), 1U);
    EXPECT_EQ(found->reader->held[0].code, lent_copy);
    EXPECT_EQ(found->reader->history.size(), 1U);
    const auto by_card = library_->lookup().reader(pupil_card, 0);
    ASSERT_TRUE(by_card && *by_card);
    EXPECT_TRUE((*by_card)->history.empty());
    EXPECT_EQ((*by_card)->held.size(), 1U);
    EXPECT_FALSE(library_->lookup().reader("29999999", 0).value());
}

TEST_F(LookupServiceTest, ACopyShowsWhereItIsAndWhoHoldsIt) {
    const auto lent = library_->lookup().what_is(lent_copy, 6);
    ASSERT_TRUE(lent && lent->copy);
    EXPECT_EQ(lent->copy->whereabouts, CopyWhereabouts::on_loan);
    EXPECT_EQ(lent->copy->holder_card, std::optional<std::string>(pupil_card));
    ASSERT_TRUE(lent->copy->holder);
    EXPECT_EQ(lent->copy->holder->name, "Әлия Қасым");
    EXPECT_TRUE(lent->copy->due);
    const auto lost = library_->lookup().item(lost_copy, 0);
    ASSERT_TRUE(lost && lost->copy);
    EXPECT_EQ(to_string(lost->copy->whereabouts), "lost");
    EXPECT_FALSE(lost->copy->holder_card);
}

TEST_F(LookupServiceTest, AnIsbnShowsTheTitleAndItsFreeStock) {
    const auto item = library_->lookup().item(textbook_isbn, 0);
    ASSERT_TRUE(item && item->title);
    EXPECT_EQ(item->title->title.title, "Математика. 5-сынып");
    EXPECT_EQ(item->title->on_loan, 0);
    EXPECT_EQ(item->title->free(), 30);
    const auto unknown = library_->lookup().item("nonsense", 0);
    ASSERT_TRUE(unknown);
    EXPECT_FALSE(unknown->copy || unknown->title);
}

}  // namespace
}  // namespace kitap::core
