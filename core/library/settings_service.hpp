#pragma once

#include "core/calendar.hpp"
#include "core/library/fault.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

struct LibraryCore;

// A whole-number setting the librarian steps up and down, within limits.
struct NumberSetting {
    std::string_view key;
    int fallback = 0;  // when nothing is stored
    int min = 0;
    int max = 0;
    int step = 1;

    constexpr int clamped(int value) const { return value < min ? min : value > max ? max : value; }
    constexpr int stepped(int value, int steps) const { return clamped(value + steps * step); }
};

// The kiosk's settings, kept in the library database so that every kiosk on it and
// the CLI agree. The idle timeout's fallback is the configuration's ([station]).
inline constexpr NumberSetting kiosk_idle_timeout_setting{
    .key = "kiosk_idle_timeout_seconds", .fallback = 30, .min = 10, .max = 180, .step = 5};
inline constexpr NumberSetting kiosk_librarian_lock_setting{
    .key = "kiosk_librarian_lock_seconds", .fallback = 120, .min = 30, .max = 900, .step = 30};
inline constexpr std::string_view kiosk_language_setting = "kiosk_language";
inline constexpr std::array<std::string_view, 3> kiosk_languages{"kk", "ru", "en"};

// Why a value cannot be stored under a kiosk setting's key.
enum class SettingProblem { unknown_key, not_a_number, below_minimum, above_maximum, unknown_language };
std::string_view to_string(SettingProblem problem);
std::optional<SettingProblem> setting_problem(std::string_view key, std::string_view value);

// Key-value settings kept in the library database.
class SettingsService {
public:
    explicit SettingsService(LibraryCore& core) : core_(core) {}

    OrFault<std::optional<std::string>> get(const std::string& key);
    // Stored as given, its own durable transaction (the librarian PIN's hash, a heartbeat).
    OrFault<void> set(const std::string& key, const std::string& value);
    // A kiosk setting the librarian changed: checked, then the value and its line in
    // the audit log in one transaction. The problem, when the value was refused.
    OrFault<std::optional<SettingProblem>> change(const std::string& key, const std::string& value, Timestamp now,
                                                  const std::string& station);
    // The stored value within the setting's limits; nullopt when none (or no number) is stored.
    OrFault<std::optional<int>> number(const NumberSetting& setting);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
