// The kiosk's settings in core: keys, fallbacks, limits, and why a value is refused.
#include "core/library.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

TEST(SettingProblemTest, SaysWhyAValueCannotBeStored) {
    EXPECT_EQ(setting_problem("kiosk_idle_timeout_seconds", "60"), std::nullopt);
    EXPECT_EQ(setting_problem("kiosk_idle_timeout_seconds", "9"), SettingProblem::below_minimum);
    EXPECT_EQ(setting_problem("kiosk_librarian_lock_seconds", "901"), SettingProblem::above_maximum);
    EXPECT_EQ(setting_problem("kiosk_librarian_lock_seconds", "2 min"), SettingProblem::not_a_number);
    EXPECT_EQ(setting_problem("kiosk_language", "ru"), std::nullopt);
    EXPECT_EQ(setting_problem("kiosk_language", "de"), SettingProblem::unknown_language);
    EXPECT_EQ(setting_problem("kiosk_volume", "3"), SettingProblem::unknown_key);
    EXPECT_EQ(to_string(SettingProblem::below_minimum), "below_minimum");
}

TEST(NumberSettingTest, StepsStayWithinTheLimits) {
    EXPECT_EQ(kiosk_idle_timeout_setting.stepped(30, 1), 35);
    EXPECT_EQ(kiosk_idle_timeout_setting.stepped(180, 1), 180);
    EXPECT_EQ(kiosk_librarian_lock_setting.stepped(30, -1), 30);
    EXPECT_EQ(kiosk_librarian_lock_setting.fallback, 120);
}

TEST(SettingsServiceTest, AChangeIsCheckedStoredAndAudited) {
    testing::TempDatabase temp;
    auto library = Library::open(temp.path());
    ASSERT_TRUE(library) << library.error().detail;
    auto settings = library->settings();
    const auto now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + std::chrono::hours{10};
    EXPECT_EQ(settings.number(kiosk_idle_timeout_setting).value(), std::optional<int>());
    EXPECT_EQ(settings.change("kiosk_idle_timeout_seconds", "5", now, "kiosk").value(),
              std::optional(SettingProblem::below_minimum));
    EXPECT_EQ(settings.get("kiosk_idle_timeout_seconds").value(), std::optional<std::string>());
    EXPECT_EQ(settings.change("kiosk_idle_timeout_seconds", "45", now, "kiosk").value(),
              std::optional<SettingProblem>());
    EXPECT_EQ(settings.number(kiosk_idle_timeout_setting).value(), std::optional(45));
    int audited = 0;
    ASSERT_TRUE(library->audit().for_each_entry(now - std::chrono::hours{1}, [&](const AuditEntry& entry) {
        if (entry.detail == "kiosk_idle_timeout_seconds=45") ++audited;
    }));
    EXPECT_EQ(audited, 1);
    // A value stored out of bounds (by hand, or by an older Kitap) is read within the limits.
    ASSERT_TRUE(settings.set("kiosk_librarian_lock_seconds", "5000"));
    EXPECT_EQ(settings.number(kiosk_librarian_lock_setting).value(), std::optional(900));
}

}  // namespace
}  // namespace kitap::core
