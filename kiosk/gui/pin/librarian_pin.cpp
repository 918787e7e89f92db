#include "kiosk/gui/pin/librarian_pin.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace kitap::kiosk {
namespace {

void start_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

}  // namespace

PinFormat check_pin_format(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return PinFormat::not_digits;
    if (pin.size() < min_new_pin_length) return PinFormat::too_short;
    if (pin.size() > max_pin_length) return PinFormat::too_long;
    return PinFormat::ok;
}

std::string hash_pin(std::string_view pin) {
    start_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to hash the PIN");
    return out;
}

bool verify_pin(const std::string& hash, std::string_view pin) {
    start_sodium();
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES.
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

std::optional<std::string> stored_pin_hash(core::SettingStore& settings) {
    auto hash = settings.get(std::string(librarian_pin_setting));
    if (hash && hash->empty()) return std::nullopt;
    return hash;
}

PinFormat store_pin(core::SettingStore& settings, std::string_view pin) {
    const PinFormat format = check_pin_format(pin);
    if (format == PinFormat::ok) settings.set(std::string(librarian_pin_setting), hash_pin(pin));
    return format;
}

PinGuard::PinGuard(core::PinLockoutPolicy policy) : policy_(policy) {}

void PinGuard::restore(core::PinAttemptLog log) { log_ = std::move(log); }

PinGuard::Result PinGuard::attempt(std::string_view pin, const std::optional<std::string>& hash, core::Timestamp now) {
    const core::PinLockState before = state();
    if (const auto left = before.locked_for(now); left.count() > 0)
        return {.verdict = Verdict::locked, .locked_for = left};
    if (!hash) return {.verdict = Verdict::no_pin_set, .tries_left = before.tries_left};
    if (verify_pin(*hash, pin)) {
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
