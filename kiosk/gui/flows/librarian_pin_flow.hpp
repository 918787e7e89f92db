#pragma once

#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/screens/pin_screen.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kitap::kiosk {

// The librarian's keypad: opened from the corner or by the librarian's card, it
// reads the PIN's hash and the wrong tries since the last unlock (the audit log's,
// so a restart gives a guesser no fresh tries), checks what is typed and asks for
// the librarian's screen once it is right.
class LibrarianPinFlow {
public:
    using Steady = std::chrono::steady_clock;

    // `demo_pin_hash`: the demo's PIN, taken when the library has none.
    LibrarianPinFlow(LibraryWorker& worker, std::optional<std::string> demo_pin_hash)
        : worker_(worker), demo_pin_hash_(std::move(demo_pin_hash)) {}

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
    struct Stored {
        tl::expected<core::PinAttemptLog, Fault> attempts;
        std::optional<std::string> hash;
    };
    Effects opened(Stored stored);
    Effects submit();

    LibraryWorker& worker_;
    std::optional<std::string> demo_pin_hash_;
    std::optional<PinScreen> screen_;
    bool opening_ = false;
    std::string digits_;
    Steady::time_point touched_{};
    PinGuard guard_;
    std::optional<std::string> hash_;  // the PIN's, or the demo's
};

}  // namespace kitap::kiosk
