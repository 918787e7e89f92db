#include "kiosk/gui/flows/desk_flow.hpp"

#include "tests/kiosk/gui/support/worker_fixture.hpp"

namespace kitap::kiosk {
namespace {

using testing::SampleLibrary;

class DeskFlowTest : public testing::WorkerFixture {
protected:
    DeskFlowTest() {
        desk.open({.database_path = "kitap.db"});
        settle();
    }
    LibrarianScreen& screen() { return desk.screen(std::chrono::steady_clock::now()); }

    DeskFlow desk{worker};
};

TEST_F(DeskFlowTest, APupilsCardBringsUpTheirClassAndABookIsIssuedToThem) {
    EXPECT_FALSE(screen().issuance.classes.empty()) << "the classes, read when the screen opened";
    desk.code(SampleLibrary::pupil_a, "test", devices::Clock::now());
    const Effects card = settle();
    ASSERT_EQ(card.shown.size(), 1u);
    EXPECT_EQ(card.shown[0].mode, core::StationMode::desk);
    ASSERT_TRUE(screen().issuance.progress);
    EXPECT_EQ(screen().issuance.progress->class_name, "5Ә");
    EXPECT_EQ(screen().issuance.pupil_card, std::optional<std::string>(SampleLibrary::pupil_a));
    EXPECT_TRUE(screen().issuance.scroll_to_pupil);

    desk.code(SampleLibrary::maths_5, "test", devices::Clock::now());
    const Effects book = settle();
    ASSERT_EQ(book.shown.size(), 1u);
    EXPECT_EQ(book.shown[0].outcome.outcome, core::Outcome::loan);
    EXPECT_EQ(screen().issuance.banner->outcome, core::Outcome::loan);
}

// The returns panel's buttons are command values for the desk station: a condition
// for the next return, then "next pupil", whose `ended` is shown and printed.
TEST_F(DeskFlowTest, TheReturnsButtonsAreCommandsAndTheSessionsEndIsShown) {
    desk.act({.tab = LibrarianTab::returns});
    settle();
    desk.code(SampleLibrary::pupil_a, "test", devices::Clock::now());
    settle();
    ASSERT_TRUE(screen().returns.reader);

    desk.act({.returns = {.condition = core::Condition::worn}});
    const Effects worn = settle();
    ASSERT_EQ(worn.shown.size(), 1u);
    EXPECT_EQ(worn.shown[0].outcome.outcome, core::Outcome::command);
    EXPECT_EQ(screen().returns.condition, core::Condition::worn);

    desk.act({.returns = {.next_pupil = true}});
    const Effects next = settle();
    ASSERT_EQ(next.shown.size(), 1u);
    EXPECT_EQ(next.shown[0].outcome.outcome, core::Outcome::ended);
    EXPECT_EQ(next.shown[0].mode, core::StationMode::return_);
    ASSERT_TRUE(screen().returns.banner);
    EXPECT_EQ(screen().returns.banner->outcome, core::Outcome::ended);
    EXPECT_FALSE(screen().returns.reader);
}

// The librarian moves to another tab before the desk has answered: the answer is
// not poured into the wrong panel, and the tab now up shows its own view.
TEST_F(DeskFlowTest, AnAnswerForATabLeftMeanwhileFillsNothing) {
    desk.code(SampleLibrary::pupil_a, "test", devices::Clock::now());
    desk.act({.tab = LibrarianTab::returns});
    settle();
    EXPECT_EQ(screen().tab, LibrarianTab::returns);
    EXPECT_FALSE(screen().returns.banner);
    EXPECT_FALSE(screen().issuance.banner);
    EXPECT_FALSE(screen().returns.reader) << "a fresh desk station in return mode";
}

// Going back to the pupils is asked of the app, which closes the screen after the
// flow's call has returned; the flow never resets its own screen under the caller.
TEST_F(DeskFlowTest, LeavingIsAnEffectAndTheAuditLogHasIt) {
    const Effects back = desk.act({.back_to_pupils = true});
    EXPECT_TRUE(back.leave_librarian);
    EXPECT_TRUE(desk.active());
    settle();
    desk.close();
    EXPECT_FALSE(desk.active());
    const Effects closing = [&] {
        desk.open({});
        settle();
        desk.act({.leave = true});
        return settle();
    }();
    EXPECT_TRUE(closing.close_kiosk) << "once the audit line is written";
}

TEST_F(DeskFlowTest, ALookupOnTheLookupTab) {
    desk.act({.tab = LibrarianTab::lookup});
    settle();
    desk.code(SampleLibrary::copy_3, "test", devices::Clock::now());
    const Effects found = settle();
    EXPECT_TRUE(found.changed);
    EXPECT_TRUE(found.shown.empty()) << "a lookup is no outcome";
    ASSERT_TRUE(screen().lookup);
}

TEST_F(DeskFlowTest, ASettingStepIsSavedAndToldToThePupilsSide) {
    const int before = screen().idle_seconds;
    const Effects longer = desk.act({.idle_step = 1});
    ASSERT_TRUE(longer.idle_timeout);
    EXPECT_EQ(longer.idle_timeout->count(), before + core::kiosk_idle_timeout_setting.step);
    EXPECT_FALSE(settle().fault);
    EXPECT_EQ(read([](KioskLibrary& library) { return library.setting("kiosk_idle_timeout_seconds"); }),
              std::optional(std::to_string(before + core::kiosk_idle_timeout_setting.step)));
}

}  // namespace
}  // namespace kitap::kiosk
