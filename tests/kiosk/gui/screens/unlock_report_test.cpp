#include "kiosk/gui/screens/unlock_report.hpp"

#include "kiosk/gui/screens/pin_screen.hpp"
#include "tests/support/scoped_time_zone.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const core::Timestamp t0 = sys_days{2026y / 12 / 1} + 9h;  // 14:00 in Pavlodar (UTC+5)

TEST(UnlockReport, TellsHowManyWrongPinsAndWhen) {
    testing::ScopedTimeZone pavlodar("<+05>-5");
    const UnlockReport report{.wrong_tries = 7, .last_wrong = t0 + 40min, .previous_unlock = t0 - 24h, .pin_digits = 6};
    const auto en = unlock_report_text(report, app::Translator(app::Language::en));
    ASSERT_EQ(en.size(), 2u);
    EXPECT_EQ(en[0], "Wrong PINs typed since the last sign-in (2026-11-30 14:00): 7, the last at 2026-12-01 14:40.");
    const auto kk = unlock_report_text(report, app::Translator(app::Language::kk));
    EXPECT_NE(kk[0].find("30.11.2026 14:00"), std::string::npos) << kk[0];
    EXPECT_NE(kk[0].find("қате PIN-кодтар: 7"), std::string::npos) << kk[0];
}

TEST(UnlockReport, BeforeTheFirstUnlockThereIsNoLastSignIn) {
    const UnlockReport report{.wrong_tries = 3, .last_wrong = t0, .pin_digits = 8};
    const auto ru = unlock_report_text(report, app::Translator(app::Language::ru));
    ASSERT_EQ(ru.size(), 2u);
    EXPECT_NE(ru[0].find("до этого первого входа: 3"), std::string::npos) << ru[0];
}

TEST(UnlockReport, AShortPinIsToldToChange) {
    const UnlockReport report{.previous_unlock = t0, .pin_digits = 4};
    EXPECT_TRUE(report.worth_telling());
    const auto en = unlock_report_text(report, app::Translator(app::Language::en));
    ASSERT_EQ(en.size(), 1u);
    EXPECT_EQ(en[0],
              "Your PIN has only 4 digits and is easy to guess. Set a longer one (6 to 8 digits) with kitap librarian "
              "set-pin.");
}

TEST(UnlockReport, NothingToTellAfterAQuietNight) {
    const UnlockReport report{.previous_unlock = t0, .pin_digits = 6};
    EXPECT_FALSE(report.worth_telling());
    EXPECT_TRUE(unlock_report_text(report, app::Translator(app::Language::en)).empty());
}

TEST(PinScreen, ALockoutIsSaidInSecondsMinutesOrHours) {
    const app::Translator en(app::Language::en), kk(app::Language::kk);
    EXPECT_EQ(wait_text(45, en), "45 s");
    EXPECT_EQ(wait_text(60, en), "1 min 0 s");
    EXPECT_EQ(wait_text(7 * 60 + 30, en), "7 min 30 s");
    EXPECT_EQ(wait_text(24 * 3600, en), "24 h 0 min");
    EXPECT_EQ(wait_text(16 * 3600 + 4 * 60 + 59, kk), "16 сағ 4 мин");
}

}  // namespace
}  // namespace kitap::kiosk
