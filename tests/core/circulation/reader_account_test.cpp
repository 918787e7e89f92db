#include "core/circulation/reader_account.hpp"
#include "core/textbooks/textbook_fixture.hpp"

namespace kitap::core {
namespace {

class ReaderAccountTest : public testing::TextbookFixture {
protected:
    void SetUp() override {
        TextbookFixture::SetUp();
        temp_.db().exec(
            "INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES "
            "(1, 1, 2, '2026-09-02T08:00:00Z', '2027-05-31')");
    }

    DeskReturnOutcome give_back(const std::string& code, int count, Condition condition = Condition::good) {
        return return_from_reader(
            store_, holds_, {.card = "20000014", .code = code, .count = count, .condition = condition, .now = now_});
    }

    LibraryStore store_{temp_.db()};
    Holds holds_{store_, 5};
};

TEST_F(ReaderAccountTest, ReturnsACountOfATitle) {
    auto outcome = give_back("9786010000001", 2, Condition::worn);
    ASSERT_TRUE(outcome.taken);
    EXPECT_EQ(outcome.taken->quantity, 2);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE condition = 'worn'"), 1);
}

TEST_F(ReaderAccountTest, ReturnsPartOfALoan) {
    give_back("9786010000001", 1);
    EXPECT_EQ(count("SELECT quantity FROM loan WHERE returned_at IS NULL"), 1);
    EXPECT_EQ(count("SELECT quantity FROM loan WHERE returned_at IS NOT NULL"), 1);
}

TEST_F(ReaderAccountTest, MoreThanHeldReturnsNothing) {
    auto outcome = give_back("9786010000001", 3);
    EXPECT_EQ(outcome.refusal, DeskReturnRefusal::not_on_loan);
    EXPECT_EQ(outcome.held, 2);
    EXPECT_EQ(count("SELECT sum(quantity) FROM loan WHERE returned_at IS NULL"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM event"), 0);
}

TEST_F(ReaderAccountTest, LostBooksAreOwedUntilSettled) {
    auto outcome = give_back("9786010000001", 2, Condition::lost);
    EXPECT_EQ(outcome.taken->compensation_tiyn, 500000);
    EXPECT_EQ(count("SELECT stock FROM title WHERE id = 1"), 4);
    auto clearance = clearance_for(store_, "20000014");
    ASSERT_TRUE(clearance);
    EXPECT_FALSE(clearance->clear());
    ASSERT_EQ(clearance->compensations.size(), 1u);
    EXPECT_EQ(clearance->compensations[0].amount_tiyn, 500000);
    EXPECT_EQ(settle_compensations(store_, 1, std::nullopt, Settlement::paid, now_), 1);
    EXPECT_TRUE(clearance_for(store_, "20000014")->clear());
    EXPECT_EQ(settle_compensations(store_, 1, std::nullopt, Settlement::paid, now_), 0);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'settle'"), 1);
}

TEST_F(ReaderAccountTest, AFeeIsPaidAtATerminalOnlyInFull) {
    give_back("9786010000001", 1, Condition::lost);  // 2500 tenge owed
    const FeePayment part{.card = "20000014", .amount_tiyn = 100000, .station = "sip2:gate", .now = now_};
    const auto refused = pay_compensations(store_, part);
    EXPECT_EQ(refused.refusal, FeePaymentRefusal::amount_differs);
    EXPECT_EQ(refused.owed_tiyn, 250000);
    EXPECT_EQ(pay_compensations(store_, {.card = "20000014", .compensation_id = 99, .amount_tiyn = 250000, .now = now_})
                  .refusal,
              FeePaymentRefusal::unknown_fee);
    EXPECT_EQ(pay_compensations(store_, {.card = "nobody", .amount_tiyn = 250000, .now = now_}).refusal,
              FeePaymentRefusal::unknown_reader);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'settle'"), 0) << "nothing settled by a refusal";

    auto whole = part;
    whole.amount_tiyn = 250000;
    const auto paid = pay_compensations(store_, whole);
    EXPECT_FALSE(paid.refusal);
    EXPECT_EQ(paid.settled, 1);
    EXPECT_EQ(temp_.db()
                  .execAndGet("SELECT station || ' ' || actor_role || ' ' || actor_card || ' ' || detail FROM "
                              "event WHERE action = 'settle'")
                  .getString(),
              "sip2:gate reader 20000014 paid")
        << "the reader paid at the terminal";
    EXPECT_EQ(pay_compensations(store_, whole).refusal, FeePaymentRefusal::nothing_owed);
}

TEST_F(ReaderAccountTest, ACardBlockedByATerminalStaysBlockedUntilUnblocked) {
    EXPECT_EQ(block_card(store_, "20000014", now_, "sip2:gate"), CardBlockChange::done);
    EXPECT_TRUE(store_.reader_by_card("20000014")->card_blocked);
    EXPECT_EQ(block_card(store_, "20000014", now_, "sip2:gate"), CardBlockChange::unchanged);
    EXPECT_EQ(block_card(store_, "nobody", now_, "sip2:gate"), CardBlockChange::unknown_card);
    EXPECT_EQ(unblock_card(store_, "20000014", now_, "cli"), CardBlockChange::done);
    EXPECT_FALSE(store_.reader_by_card("20000014")->card_blocked);
    EXPECT_EQ(unblock_card(store_, "20000014", now_, "cli"), CardBlockChange::unchanged);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_card_blocked' AND station = 'sip2:gate' AND "
                    "actor_role = 'none'"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_card_unblocked' AND actor_role = 'librarian'"),
              1);
}

TEST_F(ReaderAccountTest, UnknownReaderOrItem) {
    EXPECT_EQ(return_from_reader(store_, holds_, {.card = "nobody", .code = "9786010000001", .now = now_}).refusal,
              DeskReturnRefusal::unknown_reader);
    EXPECT_EQ(give_back("12345", 1).refusal, DeskReturnRefusal::unknown_item);
    EXPECT_EQ(give_back("9786010000018", 1).refusal, DeskReturnRefusal::not_on_loan);
}

}  // namespace
}  // namespace kitap::core
