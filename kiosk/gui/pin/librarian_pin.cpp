#include "kiosk/gui/pin/librarian_pin.hpp"

#include "core/codes/check_digits.hpp"
#include "core/security/secret_hash.hpp"

#include <algorithm>
#include <stdexcept>

namespace kitap::kiosk {
PinFormat check_pin_format(std::string_view pin) {
    if (!core::all_digits(pin)) return PinFormat::not_digits;
    if (pin.size() < min_new_pin_length) return PinFormat::too_short;
    if (pin.size() > max_pin_length) return PinFormat::too_long;
    return PinFormat::ok;
}

core::OrFault<std::optional<std::string>> stored_pin_hash(core::SettingsService settings) {
    auto hash = settings.get(std::string(librarian_pin_setting));
    if (hash && *hash && (*hash)->empty()) return std::nullopt;
    return hash;
}

core::OrFault<PinFormat> store_pin(core::SettingsService settings, std::string_view pin) {
    const PinFormat format = check_pin_format(pin);
    if (format != PinFormat::ok) return format;
    return settings.set(std::string(librarian_pin_setting), core::hash_secret(pin)).map([] { return PinFormat::ok; });
}

PinGuard::PinGuard(core::PinLockoutPolicy policy) : policy_(policy) {}

void PinGuard::restore(core::PinAttemptLog log) { log_ = std::move(log); }

PinGuard::Result PinGuard::attempt(std::string_view pin, const std::optional<std::string>& hash, core::Timestamp now) {
    const core::PinLockState before = state();
    if (const auto left = before.locked_for(now); left.count() > 0)
        return {.verdict = Verdict::locked, .locked_for = left};
    if (!hash) return {.verdict = Verdict::no_pin_set, .tries_left = before.tries_left};
    if (core::verify_secret(*hash, pin)) {
        const UnlockReport report{.wrong_tries = before.wrong_tries,
                                  .last_wrong = before.last_wrong,
                                  .previous_unlock = log_.last_unlock,
                                  .pin_digits = pin.size()};
        log_ = {.last_unlock = now, .since = {}};
        return {.verdict = Verdict::accepted, .tries_left = policy_.tries_per_lockout, .report = report};
    }
    // The try that uses the last of the tries is the one that locks.
    const bool locks = before.tries_left <= 1;
    log_.since.push_back(
        {.at = now,
         .action = locks ? core::LibrarianActionKind::pin_locked_out : core::LibrarianActionKind::pin_wrong});
    const core::PinLockState after = state();
    if (locks) return {.verdict = Verdict::locked_out, .locked_for = after.locked_for(now)};
    return {.verdict = Verdict::wrong, .tries_left = after.tries_left};
}

}  // namespace kitap::kiosk
