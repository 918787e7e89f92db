#include "kiosk/gui/flows/librarian_pin_flow.hpp"

#include "tests/kiosk/gui/support/worker_fixture.hpp"

namespace kitap::kiosk {
namespace {

class LibrarianPinFlowTest : public testing::WorkerFixture {
protected:
    LibrarianPinFlowTest() : WorkerFixture("270519") {}

    Effects type(const std::string& digits) {
        Effects effects;
        for (char digit : digits) effects += pin.touch({.digit = digit}, std::chrono::steady_clock::now());
        effects += pin.touch({.submit = true}, std::chrono::steady_clock::now());
        return effects += settle();
    }

    LibrarianPinFlow pin{worker};
};

TEST_F(LibrarianPinFlowTest, OpensOnceTheLibraryHasAnswered) {
    pin.open();
    EXPECT_FALSE(pin.active()) << "the hash and the tries come from the worker";
    EXPECT_TRUE(settle().changed);
    EXPECT_TRUE(pin.active());
}

TEST_F(LibrarianPinFlowTest, AWrongPinThenTheRightOne) {
    pin.open();
    settle();
    const Effects wrong = type("1111");
    EXPECT_FALSE(wrong.open_librarian);
    EXPECT_EQ(wrong.sounds, std::vector{Sound::error});
    EXPECT_EQ(pin.screen(wall_now()).message, PinScreen::Message::wrong);

    const Effects right = type("270519");
    EXPECT_TRUE(right.open_librarian);
    ASSERT_TRUE(right.unlock_report) << "one wrong try to tell the librarian about";
    EXPECT_TRUE(pin.active()) << "the app closes it when the librarian's screen opens";
    auto library = core::Library::open(dir.path() / "kitap.db");
    ASSERT_TRUE(library);
    const auto attempts = library->audit().pin_attempts();
    ASSERT_TRUE(attempts);
    EXPECT_TRUE(attempts->since.empty()) << "the accepted PIN is in the audit log";
}

// A pupil's scan closes the keypad while its library answer is still on the way:
// it must not pop up afterwards.
TEST_F(LibrarianPinFlowTest, ClosedWhileOpeningStaysClosed) {
    pin.open();
    pin.close();
    settle();
    EXPECT_FALSE(pin.active());
}

}  // namespace
}  // namespace kitap::kiosk
