#pragma once

#include "core/settings/setting_store.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::kiosk {

// The librarian's PIN: 4 to 8 digits, kept in the library database's settings as
// an argon2id hash (libsodium's crypto_pwhash_str), never as the digits.
// `kitap librarian set-pin` writes it; the kiosk's keypad checks it.
inline constexpr std::string_view librarian_pin_setting = "librarian.pin_hash";
inline constexpr std::size_t min_pin_length = 4;
inline constexpr std::size_t max_pin_length = 8;

enum class PinFormat { ok, too_short, too_long, not_digits };
PinFormat check_pin_format(std::string_view pin);

// Throws std::runtime_error when libsodium cannot start or runs out of memory.
std::string hash_pin(std::string_view pin);
bool verify_pin(const std::string& hash, std::string_view pin);

// The stored hash, if a PIN was ever set.
std::optional<std::string> stored_pin_hash(core::SettingStore& settings);
// Checks the format, hashes and stores; returns what was wrong with the PIN instead.
PinFormat store_pin(core::SettingStore& settings, std::string_view pin);

// Five wrong PINs lock the keypad for a minute; the count starts again after the lock
// (and after a right PIN). Kept in memory: only the librarian can end the kiosk.
class PinGuard {
public:
    using Clock = std::chrono::steady_clock;

    struct Options {
        int max_tries = 5;
        std::chrono::seconds lock{60};
    };

    enum class Verdict { accepted, wrong, locked, no_pin_set };
    struct Result {
        Verdict verdict = Verdict::wrong;
        int tries_left = 0;                  // after a wrong PIN
        std::chrono::seconds locked_for{0};  // when locked
    };

    PinGuard();
    explicit PinGuard(Options options);

    // Checks `pin` against `hash` unless the keypad is locked (then nothing is checked).
    Result attempt(std::string_view pin, const std::optional<std::string>& hash, Clock::time_point now);
    // How long the keypad stays locked; zero when it is open.
    std::chrono::seconds locked_for(Clock::time_point now) const;
    int tries_left() const { return options_.max_tries - wrong_; }

private:
    Options options_;
    int wrong_ = 0;
    std::optional<Clock::time_point> locked_until_;
};

}  // namespace kitap::kiosk
