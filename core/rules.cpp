#include "core/rules.hpp"

#include "core/text/enum_names.hpp"

namespace kitap::core {
namespace {

constexpr auto category_names = enum_names<ReaderCategory>({
    {ReaderCategory::pupil, "pupil"},
    {ReaderCategory::teacher, "teacher"},
    {ReaderCategory::staff, "staff"},
    {ReaderCategory::other, "other"},
});

constexpr auto kind_names = enum_names<TitleKind>({
    {TitleKind::textbook, "textbook"},
    {TitleKind::fiction, "fiction"},
    {TitleKind::reference, "reference"},
    {TitleKind::methodical, "methodical"},
    {TitleKind::periodical, "periodical"},
    {TitleKind::electronic, "electronic"},
});

constexpr auto language_names = enum_names<ClassLanguage>({
    {ClassLanguage::kk, "kk"},
    {ClassLanguage::ru, "ru"},
});

constexpr auto pin_policy_names = enum_names<ReaderPinPolicy>({
    {ReaderPinPolicy::off, "off"},
    {ReaderPinPolicy::when_set, "when_set"},
    {ReaderPinPolicy::required, "required"},
});

}  // namespace

std::string_view to_string(ReaderCategory category) { return category_names.name_of(category); }
std::string_view to_string(TitleKind kind) { return kind_names.name_of(kind); }
std::string_view to_string(ClassLanguage language) { return language_names.name_of(language); }
std::string_view to_string(ReaderPinPolicy policy) { return pin_policy_names.name_of(policy); }
std::optional<ReaderCategory> reader_category_from(std::string_view name) { return category_names.value_of(name); }
std::optional<TitleKind> title_kind_from(std::string_view name) { return kind_names.value_of(name); }
std::optional<ClassLanguage> class_language_from(std::string_view name) { return language_names.value_of(name); }
std::optional<ReaderPinPolicy> reader_pin_policy_from(std::string_view name) { return pin_policy_names.value_of(name); }

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
