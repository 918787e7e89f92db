#pragma once

#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/screens/pin_screen.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kitap::kiosk {

// The librarian's keypad: opened from the corner or by the librarian's card, it asks
// the library whether the keypad is locked, hands each PIN typed to the library to
// check (this kiosk's database or the school's server, which also keeps the tries,
// so a restart gives a guesser no fresh ones) and asks for the librarian's screen
// once it is right.
class LibrarianPinFlow {
public:
    using Steady = std::chrono::steady_clock;

    explicit LibrarianPinFlow(LibraryWorker& worker) : worker_(worker) {}

    bool active() const { return screen_.has_value(); }
    // Opens once the library has answered (nothing while it is already open or opening).
    void open();
    void close();
    Effects key(const devices::KeyStroke& key, Steady::time_point steady);
    Effects touch(const PinIntent& intent, Steady::time_point steady);
    Effects tick(Steady::time_point steady);
    // For drawing: the keypad with the lockout's seconds brought up to date.
    PinScreen& screen(core::Timestamp now);

private:
    Effects opened(tl::expected<PinState, Fault> state);
    Effects submit();
    Effects checked(tl::expected<PinCheck, Fault> check);
    void show_locked(std::chrono::seconds locked_for);

    LibraryWorker& worker_;
    std::optional<PinScreen> screen_;
    bool opening_ = false;
    bool checking_ = false;  // a PIN is with the library: the next waits for its answer
    std::string digits_;
    Steady::time_point touched_{};
    core::Timestamp locked_until_{};
};

}  // namespace kitap::kiosk
