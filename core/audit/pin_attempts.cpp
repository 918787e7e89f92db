#include "core/audit/pin_attempts.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace kitap::core {
namespace {

std::optional<LibrarianActionKind> pin_action(const std::string& name) {
    for (auto kind :
         {LibrarianActionKind::pin_wrong, LibrarianActionKind::pin_locked_out, LibrarianActionKind::pin_set})
        if (to_string(kind) == name) return kind;
    return std::nullopt;
}

}  // namespace

PinAttemptLog read_pin_attempts(SQLite::Database& db) {
    PinAttemptLog log;
    // Both follow the rowid: the newest unlock is found from the table's end, and
    // the rows after it are a range of rowids.
    SQLite::Statement unlock(db, R"(
        SELECT id, at FROM event WHERE action = 'pin_accepted' AND reader_id IS NULL ORDER BY id DESC LIMIT 1)");
    std::int64_t after = 0;
    if (unlock.executeStep()) {
        after = unlock.getColumn(0).getInt64();
        log.last_unlock = parse_iso_timestamp(unlock.getColumn(1).getString());
    }
    SQLite::Statement rows(db, R"(
        SELECT at, action FROM event
        WHERE id > ?1 AND action IN ('pin_wrong', 'pin_locked_out', 'pin_set') AND reader_id IS NULL
        ORDER BY id)");
    rebind(rows, after);
    while (rows.executeStep()) {
        const auto at = parse_iso_timestamp(rows.getColumn(0).getString());
        const auto action = pin_action(rows.getColumn(1).getString());
        // Every writer stamps events with iso_timestamp; a row that does not parse was
        // not written by Kitap, and still counts as a try, at the oldest time there is.
        if (action) log.since.push_back({.at = at.value_or(Timestamp{}), .action = *action});
    }
    return log;
}

std::chrono::seconds lockout_length(int number, const PinLockoutPolicy& policy) {
    std::chrono::seconds length = policy.first_lockout;
    // Doubling stops at the longest, so a thousand lockouts do not overflow.
    for (int i = 1; i < number && length < policy.longest_lockout; ++i) length *= 2;
    return std::min(length, policy.longest_lockout);
}

std::chrono::seconds PinLockState::locked_for(Timestamp now) const {
    if (!locked_at || now < *locked_at) return std::chrono::seconds(0);
    return std::max(*locked_at + lockout - now, std::chrono::seconds(0));
}

PinLockState pin_lock_state(std::span<const PinAttempt> since_unlock, const PinLockoutPolicy& policy) {
    PinLockState state{.tries_left = policy.tries_per_lockout};
    const auto lock = [&](Timestamp at) {
        ++state.lockouts;
        state.locked_at = at;
        state.lockout = lockout_length(state.lockouts, policy);
        state.tries_left = policy.tries_per_lockout;
    };
    for (const auto& attempt : since_unlock) {
        switch (attempt.action) {
            case LibrarianActionKind::pin_set:
                state.lockouts = 0;
                state.locked_at.reset();
                state.lockout = std::chrono::seconds(0);
                state.tries_left = policy.tries_per_lockout;
                continue;
            case LibrarianActionKind::pin_locked_out:
                lock(attempt.at);
                break;
            default:  // pin_wrong
                if (--state.tries_left <= 0) lock(attempt.at);
                break;
        }
        ++state.wrong_tries;
        state.last_wrong = attempt.at;
    }
    return state;
}

}  // namespace kitap::core
