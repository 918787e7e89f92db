#pragma once

#include "core/audit/pin_attempts.hpp"
#include "core/calendar.hpp"
#include "core/library/settings_service.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::kiosk {

// The librarian's PIN, kept in the library database's settings as an argon2id hash
// (core/security/secret_hash), never as the digits. `kitap librarian set-pin`
// writes it; the kiosk's keypad checks it.
//
// A new PIN has 6 to 8 digits: with the keypad's lockouts (five tries, then 1, 2, 4 ...
// minutes, at most a day) a guesser gets about 55 tries on the first day and 5 a day
// after, so a million PINs take centuries; more than 8 would only be more to type
// on a touchscreen several times a day. The keypad still takes 4 and 5 digits: a PIN
// set when 4 were allowed keeps working, and the kiosk asks for a longer one.
inline constexpr std::string_view librarian_pin_setting = "librarian.pin_hash";
inline constexpr std::size_t min_new_pin_length = 6;
inline constexpr std::size_t min_pin_length = 4;  // what the keypad takes
inline constexpr std::size_t max_pin_length = 8;

enum class PinFormat { ok, too_short, too_long, not_digits };
// Whether `pin` may be set as the new PIN.
PinFormat check_pin_format(std::string_view pin);

// The stored hash, if a PIN was ever set.
core::OrFault<std::optional<std::string>> stored_pin_hash(core::SettingsService settings);
// Checks the format, hashes and stores; returns what was wrong with the PIN instead.
core::OrFault<PinFormat> store_pin(core::SettingsService settings, std::string_view pin);

// What the librarian is told once the keypad opens for her.
struct UnlockReport {
    int wrong_tries = 0;  // since the last unlock, at any kiosk on this database
    std::optional<core::Timestamp> last_wrong;
    std::optional<core::Timestamp> previous_unlock;  // none before the first
    std::size_t pin_digits = 0;                      // fewer than min_new_pin_length: set a longer one

    bool short_pin() const { return pin_digits < min_new_pin_length; }
    bool worth_telling() const { return wrong_tries > 0 || short_pin(); }
};

// The keypad's lockouts: core::pin_lock_state over the audit log's rows since the
// last unlock (restore() them each time the keypad opens) and the rows it adds. Every way
// to the keypad (the corner, a scanned KITAP-MODE-DESK, a keyboard's digits) asks
// this one guard, so none gives more tries than another.
class PinGuard {
public:
    enum class Verdict {
        accepted,
        wrong,       // record pin_wrong
        locked_out,  // this wrong PIN locked the keypad: record pin_locked_out
        locked,      // the keypad is locked: nothing was checked, nothing to record
        no_pin_set,
    };
    struct Result {
        Verdict verdict = Verdict::wrong;
        int tries_left = 0;                  // after a wrong PIN
        std::chrono::seconds locked_for{0};  // when locked
        UnlockReport report;                 // when accepted
    };

    explicit PinGuard(core::PinLockoutPolicy policy = {});

    // What the audit log holds since the last unlock, replacing what this guard knew.
    void restore(core::PinAttemptLog log);
    // Checks `pin` against `hash` unless the keypad is locked.
    Result attempt(std::string_view pin, const std::optional<std::string>& hash, core::Timestamp now);
    // How long the keypad stays locked; zero when it is open.
    std::chrono::seconds locked_for(core::Timestamp now) const { return state().locked_for(now); }
    int tries_left() const { return state().tries_left; }

private:
    core::PinLockState state() const { return core::pin_lock_state(log_.since, policy_); }

    core::PinLockoutPolicy policy_;
    core::PinAttemptLog log_;
};

}  // namespace kitap::kiosk
