#pragma once

#include "core/audit/librarian_action.hpp"
#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <chrono>
#include <optional>
#include <span>
#include <vector>

namespace kitap::core {

// The librarian PIN's keypad remembers nothing of its own: how locked it is follows
// from the event log's pin_wrong, pin_locked_out and pin_set rows since the last
// pin_accepted, so a restart (or a power cut) does not give a guesser fresh tries.

// A row of the event log that bears on the keypad's lockout.
struct PinAttempt {
    Timestamp at;
    LibrarianActionKind action = LibrarianActionKind::pin_wrong;  // pin_wrong, pin_locked_out or pin_set
};

struct PinAttemptLog {
    std::optional<Timestamp> last_unlock;  // the last pin_accepted, if the keypad was ever unlocked
    std::vector<PinAttempt> since;         // the rows after it, oldest first
};

// Reads the rows after the last pin_accepted (two scans of the event table's rowid,
// from its end: no index needed). Rows naming a reader are not the librarian's PIN.
PinAttemptLog read_pin_attempts(SQLite::Database& db);

// Five wrong PINs lock the keypad; each lockout lasts twice the one before,
// 1, 2, 4, 8 ... minutes, at most a day; then five more tries.
struct PinLockoutPolicy {
    int tries_per_lockout = 5;
    std::chrono::seconds first_lockout{std::chrono::minutes(1)};
    std::chrono::seconds longest_lockout{std::chrono::hours(24)};
};

// How long the `number`th lockout (from 1) lasts.
std::chrono::seconds lockout_length(int number, const PinLockoutPolicy& policy = {});

struct PinLockState {
    int lockouts = 0;                    // since the last unlock or new PIN: the next one lasts twice as long
    int tries_left = 0;                  // wrong tries before the next lockout
    std::optional<Timestamp> locked_at;  // when the last lockout began
    std::chrono::seconds lockout{0};     // and how long it lasts
    // What the librarian is told after the next unlock (a new PIN does not hide them).
    int wrong_tries = 0;
    std::optional<Timestamp> last_wrong;

    // How much longer the keypad stays locked at `now`; zero when it takes a PIN.
    // A lockout stamped after `now` (the clock was set back, say by a dead CMOS
    // battery) is not waited for: the wait could be years. The next one is longer all
    // the same, so setting the clock back gains a guesser at most one set of tries.
    std::chrono::seconds locked_for(Timestamp now) const;
};

// The state after `since_unlock` (PinAttemptLog::since), a pure fold: a pin_wrong
// uses a try, a pin_locked_out is the try that locked the keypad (as is the fifth
// pin_wrong in a row), a pin_set (`kitap librarian set-pin`, at the PC itself) starts
// the lockouts again.
PinLockState pin_lock_state(std::span<const PinAttempt> since_unlock, const PinLockoutPolicy& policy = {});

}  // namespace kitap::core
