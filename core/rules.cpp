#include "core/rules.hpp"

#include <array>
#include <utility>

namespace kitap::core {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> find_by_name(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view name) {
    for (const auto& [value, text] : names)
        if (text == name) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [candidate, text] : names)
        if (candidate == value) return text;
    return "?";
}

constexpr std::array<std::pair<ReaderCategory, std::string_view>, 4> category_names{{
    {ReaderCategory::pupil, "pupil"},
    {ReaderCategory::teacher, "teacher"},
    {ReaderCategory::staff, "staff"},
    {ReaderCategory::other, "other"},
}};

constexpr std::array<std::pair<TitleKind, std::string_view>, 6> kind_names{{
    {TitleKind::textbook, "textbook"},
    {TitleKind::fiction, "fiction"},
    {TitleKind::reference, "reference"},
    {TitleKind::methodical, "methodical"},
    {TitleKind::periodical, "periodical"},
    {TitleKind::electronic, "electronic"},
}};

constexpr std::array<std::pair<ClassLanguage, std::string_view>, 2> language_names{{
    {ClassLanguage::kk, "kk"},
    {ClassLanguage::ru, "ru"},
}};

constexpr std::array<std::pair<ReaderPinPolicy, std::string_view>, 3> pin_policy_names{{
    {ReaderPinPolicy::off, "off"},
    {ReaderPinPolicy::when_set, "when_set"},
    {ReaderPinPolicy::required, "required"},
}};

}  // namespace

std::string_view to_string(ReaderCategory category) { return name_of(category_names, category); }
std::string_view to_string(TitleKind kind) { return name_of(kind_names, kind); }
std::string_view to_string(ClassLanguage language) { return name_of(language_names, language); }
std::string_view to_string(ReaderPinPolicy policy) { return name_of(pin_policy_names, policy); }
std::optional<ReaderCategory> reader_category_from(std::string_view name) { return find_by_name(category_names, name); }
std::optional<TitleKind> title_kind_from(std::string_view name) { return find_by_name(kind_names, name); }
std::optional<ClassLanguage> class_language_from(std::string_view name) { return find_by_name(language_names, name); }
std::optional<ReaderPinPolicy> reader_pin_policy_from(std::string_view name) {
    return find_by_name(pin_policy_names, name);
}

int LoanRules::loan_days_for(ReaderCategory category, TitleKind kind) const {
    if (auto by_category = loan_days_by_category.find(category); by_category != loan_days_by_category.end())
        if (auto days = by_category->second.find(kind); days != by_category->second.end()) return days->second;
    if (auto days = loan_days.find(kind); days != loan_days.end()) return days->second;
    return 14;
}

int LoanRules::loan_limit_for(ReaderCategory category) const {
    auto limit = loan_limits.find(category);
    return limit == loan_limits.end() ? 0 : limit->second;
}

}  // namespace kitap::core
