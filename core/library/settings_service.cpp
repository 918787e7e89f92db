#include "core/library/settings_service.hpp"

#include "core/audit/librarian_action.hpp"
#include "core/db/write_transaction.hpp"
#include "core/library/library_core.hpp"
#include "core/settings/setting_store.hpp"

#include <algorithm>
#include <charconv>

namespace kitap::core {
namespace {

constexpr std::array number_settings{kiosk_idle_timeout_setting, kiosk_librarian_lock_setting};

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::string_view to_string(SettingProblem problem) {
    switch (problem) {
        case SettingProblem::unknown_key:
            return "unknown_key";
        case SettingProblem::not_a_number:
            return "not_a_number";
        case SettingProblem::below_minimum:
            return "below_minimum";
        case SettingProblem::above_maximum:
            return "above_maximum";
        case SettingProblem::unknown_language:
            return "unknown_language";
    }
    return "unknown_key";
}

std::optional<SettingProblem> setting_problem(std::string_view key, std::string_view value) {
    if (key == kiosk_language_setting)
        return std::ranges::find(kiosk_languages, value) == kiosk_languages.end()
                   ? std::optional(SettingProblem::unknown_language)
                   : std::nullopt;
    const auto setting = std::ranges::find(number_settings, key, &NumberSetting::key);
    if (setting == number_settings.end()) return SettingProblem::unknown_key;
    const auto number = whole_number(value);
    if (!number) return SettingProblem::not_a_number;
    if (*number < setting->min) return SettingProblem::below_minimum;
    if (*number > setting->max) return SettingProblem::above_maximum;
    return std::nullopt;
}

OrFault<std::optional<std::string>> SettingsService::get(const std::string& key) {
    return guarded([&] { return SettingStore(core_.db).get(key); });
}

OrFault<void> SettingsService::set(const std::string& key, const std::string& value) {
    return guarded([&] { SettingStore(core_.db).set(key, value); });
}

OrFault<std::optional<SettingProblem>> SettingsService::change(const std::string& key, const std::string& value,
                                                               Timestamp now, const std::string& station) {
    if (auto problem = setting_problem(key, value)) return problem;
    return guarded([&]() -> std::optional<SettingProblem> {
        WriteTransaction transaction(core_.db);
        SettingStore(core_.db).set(key, value);
        record_librarian_action(core_.store, {.at = now,
                                              .station = station,
                                              .action = LibrarianActionKind::setting_changed,
                                              .detail = key + "=" + value});
        transaction.commit();
        return std::nullopt;
    });
}

OrFault<std::optional<int>> SettingsService::number(const NumberSetting& setting) {
    return guarded([&]() -> std::optional<int> {
        const auto stored = SettingStore(core_.db).get(std::string(setting.key));
        const auto number = stored ? whole_number(*stored) : std::nullopt;
        if (!number) return std::nullopt;
        return setting.clamped(*number);
    });
}

}  // namespace kitap::core
