#include "core/circulation/loan_history.hpp"

#include "core/fund/library_fixture.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

class LoanHistory : public testing::LibraryFixture {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        const RowId school_class = add_class("2023-2024", 5, "Ә");
        first_ = add_pupil("20000014", school_class);
        second_ = add_pupil("20000022", school_class);
        const RowId novel = add_title(isbn(1), "fiction", 0);
        copy_ = add_copy("10000017", novel);
        textbook_ = add_title(isbn(2), "textbook", 10);
        give_back(lend(first_, novel, 1, copy_, "2023-09-02T09:00:00Z"), "2023-09-20T10:00:00Z", "good");
        lend(second_, novel, 1, copy_, "2023-10-01T09:00:00Z");
        lend(first_, textbook_, 2, std::nullopt, "2023-09-03T09:00:00Z");
    }

    RowId first_ = 0, second_ = 0, copy_ = 0, textbook_ = 0;
};

TEST_F(LoanHistory, AReadersLoansNewestFirstWithReturns) {
    const auto lines = reader_history(db(), first_, 10);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].code, isbn(2));  // the textbook, counted by title: its ISBN
    EXPECT_EQ(lines[0].quantity, 2);
    EXPECT_FALSE(lines[0].returned);
    EXPECT_EQ(lines[1].code, "10000017");
    EXPECT_EQ(lines[1].loaned, (Date{2023y, September, 2d}));
    EXPECT_EQ(lines[1].returned, (Date{2023y, September, 20d}));
}

TEST_F(LoanHistory, WhoHadACopyAndTheLimit) {
    const auto lines = copy_history(db(), copy_, 10);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].reader_card, "20000022");
    EXPECT_FALSE(lines[0].returned);
    EXPECT_EQ(lines[1].reader_card, "20000014");
    EXPECT_EQ(copy_history(db(), copy_, 1).size(), 1u);
}

}  // namespace
}  // namespace kitap::core
