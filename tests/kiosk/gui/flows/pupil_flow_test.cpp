#include "kiosk/gui/flows/pupil_flow.hpp"

#include "tests/kiosk/gui/support/worker_fixture.hpp"

namespace kitap::kiosk {
namespace {

using testing::SampleLibrary;

class PupilFlowTest : public testing::WorkerFixture {
protected:
    Effects scan(const std::string& code) {
        pupils.scan(scanned(code));
        return settle();
    }

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
    EXPECT_EQ(pupils.session().held[0].code, SampleLibrary::copy_1);
    EXPECT_FALSE(book.fault);
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
    const Effects effects = scan(pupils.command_code(core::Command::mode_desk));
    EXPECT_TRUE(effects.open_pin);
    EXPECT_FALSE(pupils.welcome().banner);
    EXPECT_TRUE(effects.sounds.empty());
}

// "Done" ends the session, and the kiosk's language comes back for the next pupil.
TEST_F(PupilFlowTest, DoneEndsTheSessionAndBringsTheKiosksLanguageBack) {
    scan(SampleLibrary::pupil_a);
    const Effects done = scan(pupils.command_code(core::Command::done));
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
