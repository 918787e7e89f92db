// Stations on other PCs: offline journals replayed (idempotent), the exceptions list
// they leave and its review, each in the audit log; which stations are up.
#include "core/library.hpp"
#include "tests/core/remote/replay_school.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using namespace testing::replay;

class StationServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        add_replay_school(school_);
        auto opened = Library::open(school_.path());
        ASSERT_TRUE(opened) << opened.error().detail;
        library_.emplace(std::move(*opened));
    }

    StationService stations() { return library_->stations(); }

    // The n-th entry of kiosk-2's journal, a minute after the one before.
    static JournalEntry entry(int n, std::string card, std::string code) {
        return {.id = "e" + std::to_string(n),
                .station = "kiosk-2",
                .scanned_at = offline_at + minutes{n},
                .card = std::move(card),
                .code = std::move(code)};
    }

    ReplayResult replay(const std::vector<JournalEntry>& entries) {
        auto result = stations().replay("kiosk-2", entries, upload_at);
        EXPECT_TRUE(result) << result.error().detail;
        return result.value_or(ReplayResult{});
    }

    // Whose card each open loan of a copy is, "copy:card" in copy order.
    std::string holders() {
        return school_.text(R"(SELECT coalesce(group_concat(cp.barcode || ':' || r.card, ' '), '') FROM
            (SELECT * FROM loan WHERE returned_at IS NULL ORDER BY copy_id) l
            JOIN copy cp ON cp.id = l.copy_id JOIN reader r ON r.id = l.reader_id)");
    }

    // "action detail" of the audit's rows about exceptions.
    std::vector<std::string> audited() {
        std::vector<std::string> rows;
        EXPECT_TRUE(library_->audit().for_each_entry(offline_at, [&](const AuditEntry& entry) {
            if (entry.action.starts_with("scan_exception"))
                rows.push_back(entry.station + " " + entry.action + " " + entry.detail);
        }));
        return rows;
    }

    const ActionStamp librarian{.at = upload_at + 1h};
    testing::TestSchool school_;
    std::optional<Library> library_;
};

TEST_F(StationServiceTest, ReplayLendsAtTheScansOwnTimeInOneSessionPerCard) {
    const auto result = replay({entry(1, pupil, pupil), entry(2, pupil, first_copy), entry(3, pupil, second_copy)});
    EXPECT_EQ(result, (ReplayResult{.applied = 3, .acknowledged = {"e1", "e2", "e3"}}));
    EXPECT_EQ(holders(), "10000017:20000014 10000025:20000014");
    EXPECT_EQ(school_.text("SELECT group_concat(loaned_at || ' ' || due || ' ' || station, ', ') FROM loan"),
              "2026-11-20T09:02:00Z 2026-12-04 kiosk-2, 2026-11-20T09:03:00Z 2026-12-04 kiosk-2")
        << "due as if the scans had reached the server on time";
    EXPECT_EQ(school_.count("SELECT count(*) FROM visit"), 1) << "one visit, not one per book";
    EXPECT_TRUE(stations().exceptions().value().empty());
}

TEST_F(StationServiceTest, AnUploadRepeatedChangesNothing) {
    const std::vector journal{entry(1, pupil, pupil), entry(2, pupil, first_copy), entry(3, pupil, second_copy)};
    replay(journal);
    const auto events = school_.count("SELECT count(*) FROM event");

    EXPECT_EQ(replay(journal), (ReplayResult{.already = 3, .acknowledged = {"e1", "e2", "e3"}}));
    EXPECT_EQ(school_.count("SELECT count(*) FROM loan"), 2);
    EXPECT_EQ(school_.count("SELECT count(*) FROM event"), events);
}

// The kiosk uploaded part of its journal and crashed before dropping what was
// acknowledged: the whole journal comes again.
TEST_F(StationServiceTest, AHalfAppliedUploadRepeatedAppliesTheRestOnly) {
    const std::vector journal{entry(1, pupil, pupil), entry(2, pupil, first_copy), entry(3, other_pupil, other_pupil),
                              entry(4, other_pupil, second_copy)};
    replay({journal[0], journal[1]});
    const auto result = replay(journal);
    EXPECT_EQ(result.already, 2);
    EXPECT_EQ(result.applied, 2);
    EXPECT_EQ(holders(), "10000017:20000014 10000025:20000022");
    EXPECT_EQ(school_.count("SELECT count(*) FROM loan"), 2);
}

TEST_F(StationServiceTest, ACopyLentMeanwhileToSomeoneElseIsAnException) {
    school_.lend(2, 1, 1, 1);  // the other pupil took the first copy at the desk
    const auto result = replay({entry(1, pupil, pupil), entry(2, pupil, first_copy), entry(3, pupil, second_copy)});
    EXPECT_EQ(result, (ReplayResult{.applied = 2, .exceptions = 1, .acknowledged = {"e1", "e2", "e3"}}));
    EXPECT_EQ(holders(), "10000017:20000022 10000025:20000014");

    const auto listed = stations().exceptions().value();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0], (ScanException{.id = 1,
                                        .entry_id = "e2",
                                        .station = "kiosk-2",
                                        .scanned_at = offline_at + 2min,
                                        .card = pupil,
                                        .code = first_copy,
                                        .reason = Reason::on_loan_to_other,
                                        .listed_at = upload_at}));
    EXPECT_EQ(audited(), (std::vector<std::string>{"kiosk-2 scan_exception_listed exception=1 station=kiosk-2 "
                                                   "card=20000014 code=10000017 reason=on_loan_to_other"}));
}

TEST_F(StationServiceTest, AReaderWhoLeftIsAnExceptionForEachOfTheirScans) {
    const auto result =
        replay({entry(1, left_pupil, left_pupil), entry(2, left_pupil, first_copy), entry(3, pupil, second_copy)});
    EXPECT_EQ(result.exceptions, 2);
    EXPECT_EQ(result.applied, 1);
    EXPECT_EQ(holders(), "10000025:20000014") << "nothing lent to the reader who left";
    const auto listed = stations().exceptions().value();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].reason, Reason::reader_left);
    EXPECT_EQ(listed[1].reason, Reason::reader_left);
    EXPECT_EQ(listed[1].code, first_copy);
}

TEST_F(StationServiceTest, AcceptingLendsAsTheLibrariansOverrideAndAudits) {
    school_.lend(2, 1, 1, 1);
    replay({entry(1, pupil, first_copy)});

    const auto accepted = stations().accept(1, librarian).value();
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->outcome, Outcome::loan);
    EXPECT_EQ(accepted->previous_holder, other_pupil) << "moved from the other pupil, at the desk's rules";
    EXPECT_EQ(holders(), "10000017:20000014");
    EXPECT_TRUE(stations().exceptions().value().empty());
    const auto settled = stations().exceptions(true).value();
    ASSERT_EQ(settled.size(), 1u);
    EXPECT_EQ(settled[0].settled, "accepted");
    EXPECT_EQ(settled[0].settled_at, librarian.at);
    EXPECT_EQ(audited().back(),
              "cli scan_exception_accepted exception=1 station=kiosk-2 card=20000014 code=10000017 "
              "reason=on_loan_to_other");
    EXPECT_EQ(school_.count("SELECT count(*) FROM event WHERE action = 'loan' AND actor_role = 'librarian' AND "
                            "detail = 'moved from 20000022'"),
              1);

    EXPECT_EQ(stations().accept(1, librarian).value(), tl::unexpected(ExceptionProblem::already_settled));
    EXPECT_EQ(stations().discard(1, librarian).value(), ExceptionProblem::already_settled);
    EXPECT_EQ(stations().accept(7, librarian).value(), tl::unexpected(ExceptionProblem::unknown_exception));
}

TEST_F(StationServiceTest, AnAcceptTheDeskRefusesTooLeavesTheExceptionOpen) {
    replay({entry(1, left_pupil, first_copy)});
    const auto events = school_.count("SELECT count(*) FROM event");

    const auto accepted = stations().accept(1, librarian).value();
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->outcome, Outcome::refused);
    EXPECT_EQ(accepted->reason, Reason::reader_left);
    EXPECT_EQ(holders(), "");
    EXPECT_EQ(school_.count("SELECT count(*) FROM event"), events);
    EXPECT_EQ(stations().exceptions().value().size(), 1u);
}

TEST_F(StationServiceTest, DiscardingClosesItWithoutTheScanAndAudits) {
    replay({entry(1, left_pupil, first_copy)});
    EXPECT_EQ(stations().discard(1, {.at = librarian.at, .station = "web"}).value(), std::nullopt);
    EXPECT_TRUE(stations().exceptions().value().empty());
    EXPECT_EQ(stations().exceptions(true).value().at(0).settled, "discarded");
    EXPECT_EQ(holders(), "");
    EXPECT_EQ(audited().back(),
              "web scan_exception_discarded exception=1 station=kiosk-2 card=20000048 code=10000017 "
              "reason=reader_left");
    EXPECT_EQ(stations().discard(2, librarian).value(), ExceptionProblem::unknown_exception);
}

TEST_F(StationServiceTest, StationsAreOnlineWithin90SecondsOfTheirLastCall) {
    ASSERT_TRUE(stations().record_seen("kiosk-2", 4, upload_at));
    ASSERT_TRUE(stations().record_seen("reading-room", 0, upload_at - 5min));
    ASSERT_TRUE(stations().record_seen("kiosk-2", 0, upload_at + 60s));

    EXPECT_EQ(stations().list(upload_at + 90s).value(),
              (std::vector<StationStatus>{
                  {.name = "kiosk-2", .online = true, .last_seen = upload_at + 60s, .journal_waiting = 0},
                  {.name = "reading-room", .online = false, .last_seen = upload_at - 5min, .journal_waiting = 0}}));
    EXPECT_FALSE(stations().list(upload_at + 151s).value().at(0).online);
    EXPECT_TRUE(stations().list(upload_at + 150s).value().at(0).online);
}

}  // namespace
}  // namespace kitap::core
