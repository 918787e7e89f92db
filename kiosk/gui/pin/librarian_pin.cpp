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
    if (pin.size() < min_pin_length) return PinFormat::too_short;
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

PinGuard::PinGuard() : PinGuard(Options{}) {}

PinGuard::PinGuard(Options options) : options_(options) {}

std::chrono::seconds PinGuard::locked_for(Clock::time_point now) const {
    if (!locked_until_ || now >= *locked_until_) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(*locked_until_ - now);
}

PinGuard::Result PinGuard::attempt(std::string_view pin, const std::optional<std::string>& hash,
                                   Clock::time_point now) {
    if (const auto left = locked_for(now); left.count() > 0)
        return {.verdict = Verdict::locked, .tries_left = 0, .locked_for = left};
    if (locked_until_) {  // the lock has run out: a fresh set of tries
        locked_until_.reset();
        wrong_ = 0;
    }
    if (!hash) return {.verdict = Verdict::no_pin_set, .tries_left = tries_left()};
    if (verify_pin(*hash, pin)) {
        wrong_ = 0;
        return {.verdict = Verdict::accepted, .tries_left = tries_left()};
    }
    ++wrong_;
    if (wrong_ >= options_.max_tries) {
        locked_until_ = now + options_.lock;
        return {.verdict = Verdict::locked, .tries_left = 0, .locked_for = options_.lock};
    }
    return {.verdict = Verdict::wrong, .tries_left = tries_left()};
}

}  // namespace kitap::kiosk
