#include "core/library.hpp"

#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const Timestamp now = sys_days{2026y / November / 25} + 10h;

template <typename Row>
const Row& row(const std::vector<Row>& rows, const std::string& key, std::string Row::*field) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.*field == key; });
    if (found == rows.end()) throw std::runtime_error("no row " + key);
    return *found;
}

class OfflineSnapshotServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto class_id = school_.add_class("2026-2027", 5, "Ә");
        pupil_ = school_.add_pupil("20000014", class_id);
        school_.add_pupil("20000048", class_id, "left");
        const auto teacher = school_.add_reader("20000030", "Иванова Мария", ReaderCategory::teacher);
        const auto fiction = school_.add_title(testing::TestSchool::isbn(1), "fiction", 0);
        const auto textbook = school_.add_title(testing::TestSchool::isbn(2), "textbook", 30);
        const auto lent = school_.add_copy("10000017", fiction);
        school_.add_copy("10000025", fiction, "", "lost");
        const auto returned = school_.add_copy("10000033", fiction);
        school_.lend(pupil_, textbook, 2);  // title-level, due 2024-05-31: late
        school_.lend(teacher, fiction, 1, lent);
        school_.give_back(school_.lend(pupil_, fiction, 1, returned), "2023-10-01T09:00:00Z", "good");
        school_.db().exec(R"(INSERT INTO reader_pin (reader_id, pin_hash, set_at)
                             VALUES (1, '$argon2id$v=19$stand-in', '2026-09-01T00:00:00Z'))");
    }

    OfflineSnapshot snapshot(ReaderPinPolicy policy = ReaderPinPolicy::off) {
        LibraryOptions options;
        options.rules.station.reader_pin = policy;
        auto library = Library::open(school_.path(), options);
        if (!library) throw std::runtime_error(library.error().detail);
        auto snapshot = library->offline().snapshot(now);
        if (!snapshot) throw std::runtime_error(snapshot.error().detail);
        return std::move(*snapshot);
    }

    testing::TestSchool school_;
    RowId pupil_ = 0;
};

TEST_F(OfflineSnapshotServiceTest, EveryReaderWithWhatTheyHoldAndTheirLimit) {
    const auto taken = snapshot();
    EXPECT_EQ(taken.made_at, now);
    ASSERT_EQ(taken.readers.size(), 3u);
    const auto& pupil = row(taken.readers, "20000014", &OfflineReader::card);
    EXPECT_EQ(pupil.name, "Pupil 20000014");
    EXPECT_EQ(pupil.category, ReaderCategory::pupil);
    EXPECT_EQ(pupil.class_name, "5Ә");
    EXPECT_FALSE(pupil.left);
    EXPECT_EQ(pupil.limit, 5);
    ASSERT_EQ(pupil.held.size(), 1u);  // the returned copy is not held
    EXPECT_EQ(pupil.held[0].code, testing::TestSchool::isbn(2));
    EXPECT_EQ(pupil.held[0].quantity, 2);
    EXPECT_EQ(pupil.held[0].kind, TitleKind::textbook);
    EXPECT_EQ(pupil.overdue(local_date(now)).size(), 1u);
    EXPECT_EQ(pupil.main_fund_loans(), 0);

    const auto& teacher = row(taken.readers, "20000030", &OfflineReader::card);
    EXPECT_EQ(teacher.limit, 20);
    ASSERT_EQ(teacher.held.size(), 1u);
    EXPECT_EQ(teacher.held[0].code, "10000017");
    EXPECT_EQ(teacher.main_fund_loans(), 1);
    EXPECT_TRUE(row(taken.readers, "20000048", &OfflineReader::card).left);
}

TEST_F(OfflineSnapshotServiceTest, EveryLabelledCopyWithItsHolderAndState) {
    const auto taken = snapshot();
    ASSERT_EQ(taken.copies.size(), 3u);
    const auto& lent = row(taken.copies, "10000017", &OfflineCopy::barcode);
    EXPECT_EQ(lent.holder_card, "20000030");
    EXPECT_EQ(lent.title, "Title " + testing::TestSchool::isbn(1));
    EXPECT_EQ(lent.kind, TitleKind::fiction);
    EXPECT_EQ(row(taken.copies, "10000025", &OfflineCopy::barcode).status, CopyStatus::lost);
    const auto& back = row(taken.copies, "10000033", &OfflineCopy::barcode);
    EXPECT_EQ(back.holder_card, std::nullopt);
    EXPECT_EQ(back.status, CopyStatus::in_fund);
}

TEST_F(OfflineSnapshotServiceTest, APinIsNeededAsTheServersPolicySays) {
    const auto needs_pin = [](const OfflineSnapshot& taken, const std::string& card) {
        return row(taken.readers, card, &OfflineReader::card).pin_needed;
    };
    const auto off = snapshot(ReaderPinPolicy::off);
    EXPECT_FALSE(needs_pin(off, "20000014"));
    const auto when_set = snapshot(ReaderPinPolicy::when_set);
    EXPECT_TRUE(needs_pin(when_set, "20000014"));
    EXPECT_FALSE(needs_pin(when_set, "20000030"));
    const auto required = snapshot(ReaderPinPolicy::required);
    EXPECT_TRUE(needs_pin(required, "20000030"));
}

}  // namespace
}  // namespace kitap::core
