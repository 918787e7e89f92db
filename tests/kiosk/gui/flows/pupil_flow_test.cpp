#include "kiosk/gui/flows/pupil_flow.hpp"

#include "tests/kiosk/gui/support/worker_fixture.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

using testing::SampleLibrary;

class PupilFlowTest : public testing::WorkerFixture {
protected:
    Effects scan(const std::string& code) {
        pupils.scan(scanned(code));
        return settle();
    }

    Effects touch(const core::StationCommand& command) {
        pupils.command(command);
        return settle();
    }
    static std::string command_code(core::Command command) { return core::command_code(command, core::Rules{}.codes); }

    PupilFlow pupils{worker, core::Rules{}};
};

// A card and a book: the screens are filled from what the worker copied out, and
// each outcome comes back once, in order, to be printed once it is on screen.
TEST_F(PupilFlowTest, ACardThenABookFillTheSessionFromTheWorkersAnswers) {
    const Effects card = scan(SampleLibrary::pupil_a);
    ASSERT_TRUE(pupils.in_session());
    EXPECT_EQ(pupils.session().reader.name, SampleLibrary::name_a);
    EXPECT_TRUE(card.changed);
    EXPECT_TRUE(card.database_works);
    ASSERT_EQ(card.shown.size(), 1u);
    EXPECT_EQ(card.shown[0].outcome.outcome, core::Outcome::session);

    const Effects book = scan(SampleLibrary::copy_1);
    ASSERT_EQ(book.shown.size(), 1u);
    EXPECT_EQ(book.shown[0].outcome.outcome, core::Outcome::loan);
    EXPECT_EQ(book.sounds, std::vector{Sound::success});
    ASSERT_EQ(pupils.session().held.size(), 1u);
    EXPECT_EQ(pupils.session().held[0].item.code, SampleLibrary::copy_1);
    EXPECT_TRUE(pupils.session().held[0].renewable);
    EXPECT_FALSE(book.fault);
}

// The Renew button beside a book: a RenewLoan value through the worker, answered
// like a scan, and the list comes back with the station's snapshot.
TEST_F(PupilFlowTest, TheRenewButtonRenewsTheLoanItShows) {
    scan(SampleLibrary::pupil_a);
    scan(SampleLibrary::copy_1);
    scan(SampleLibrary::copy_2);  // not the last code scanned, so not taken for a double scan
    ASSERT_EQ(pupils.session().held.size(), 2u);
    const auto first =
        std::find_if(pupils.session().held.begin(), pupils.session().held.end(),
                     [](const core::SessionItem& line) { return line.item.code == SampleLibrary::copy_1; });
    ASSERT_NE(first, pupils.session().held.end());
    const Effects renewed = touch(core::RenewLoan{first->item.loan_id});
    ASSERT_EQ(renewed.shown.size(), 1u);
    EXPECT_EQ(renewed.shown[0].outcome.outcome, core::Outcome::renewed);
    EXPECT_EQ(renewed.shown[0].outcome.code, SampleLibrary::copy_1);
    EXPECT_EQ(renewed.sounds, std::vector{Sound::success});
    ASSERT_TRUE(pupils.session().banner);
    EXPECT_EQ(pupils.session().banner->outcome, core::Outcome::renewed);
    EXPECT_EQ(pupils.session().held.size(), 2u);
}

// Scans posted back to back are committed and answered in the order they came.
TEST_F(PupilFlowTest, ScansPostedTogetherAreAnsweredInOrder) {
    for (const char* code : {SampleLibrary::pupil_a, SampleLibrary::copy_1, SampleLibrary::copy_2})
        pupils.scan(scanned(code));
    const Effects all = settle();
    ASSERT_EQ(all.shown.size(), 3u);
    EXPECT_EQ(all.shown[0].outcome.outcome, core::Outcome::session);
    EXPECT_EQ(all.shown[1].outcome.outcome, core::Outcome::loan);
    EXPECT_EQ(all.shown[2].outcome.outcome, core::Outcome::loan);
    EXPECT_EQ(pupils.session().held.size(), 2u);
}

// The librarian's card asks for the keypad: an effect for the app, not a refusal on screen.
TEST_F(PupilFlowTest, TheLibrariansCardAsksForTheKeypad) {
    const Effects effects = scan(command_code(core::Command::mode_desk));
    EXPECT_TRUE(effects.open_pin);
    EXPECT_FALSE(pupils.welcome().banner);
    EXPECT_TRUE(effects.sounds.empty());
}

// "Done" (the screen's button, a command value) ends the session, and the kiosk's
// language comes back for the next pupil.
TEST_F(PupilFlowTest, DoneEndsTheSessionAndBringsTheKiosksLanguageBack) {
    scan(SampleLibrary::pupil_a);
    const Effects done = touch(core::Command::done);
    EXPECT_FALSE(pupils.in_session());
    EXPECT_TRUE(done.restore_language);
    ASSERT_TRUE(pupils.welcome().banner);
    EXPECT_EQ(pupils.welcome().banner->outcome, core::Outcome::ended);
}

// A fault ends the session on screen and in the station, so the next scan of a book
// is not lent to the pupil who walked away.
TEST_F(PupilFlowTest, EndingTheSessionEndsItInTheStationToo) {
    scan(SampleLibrary::pupil_a);
    settle() += pupils.end(true);
    EXPECT_FALSE(pupils.in_session());
    EXPECT_FALSE(read([](KioskLibrary& library) { return library.session_reader(); }));
}

}  // namespace
}  // namespace kitap::kiosk
