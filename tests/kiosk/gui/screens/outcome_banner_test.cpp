#include "kiosk/gui/screens/outcome_banner.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kitap::kiosk {
namespace {

using core::Outcome;
using core::Reason;

bool has_key(app::Language language, const std::string& key) {
    const auto keys = app::Translator::keys(language);
    return std::binary_search(keys.begin(), keys.end(), key);
}

// Every outcome the station can produce, with every reason, has its own headline.
TEST(OutcomeBanner, EveryOutcomeHasAHeadlineInEveryLanguage) {
    std::vector<core::StationOutcome> outcomes;
    for (Outcome outcome : {Outcome::session, Outcome::loan, Outcome::returned, Outcome::duplicate, Outcome::command,
                            Outcome::recorded, Outcome::pin_required, Outcome::renewed})
        outcomes.push_back({.outcome = outcome});
    outcomes.push_back({.outcome = Outcome::command, .command = core::Command::renew});
    outcomes.push_back({.outcome = Outcome::session, .overdue = {core::HeldItem{.title = "Ер Төстік"}}});
    outcomes.push_back({.outcome = Outcome::ended, .reason = Reason::done});
    outcomes.push_back({.outcome = Outcome::ended, .reason = Reason::idle_timeout});
    outcomes.push_back({.outcome = Outcome::ended, .command = core::Command::mode_desk});
    for (int r = static_cast<int>(Reason::unknown_code); r < static_cast<int>(Reason::done); ++r)
        outcomes.push_back({.outcome = Outcome::refused, .reason = static_cast<Reason>(r)});
    for (const auto& outcome : outcomes) {
        const std::string key = banner_headline_key(outcome);
        for (auto language : {app::Language::kk, app::Language::ru, app::Language::en})
            EXPECT_TRUE(has_key(language, key)) << key << " in " << to_string(language);
    }
}

TEST(OutcomeBanner, ToneAndIconSayWhatHappenedBesideTheColour) {
    const app::Translator en(app::Language::en);
    const core::ReaderSummary reader{.card = "1", .name = "Айгерім"};
    const auto loan = banner_text({.outcome = Outcome::loan, .reader = reader, .title = "Абай жолы"}, en);
    EXPECT_EQ(loan.tone, BannerTone::success);
    EXPECT_EQ(loan.icon, Icon::check);
    EXPECT_NE(loan.message.find("Абай жолы"), std::string::npos);

    const auto refused = banner_text({.outcome = Outcome::refused, .reason = Reason::on_loan_to_other}, en);
    EXPECT_EQ(refused.tone, BannerTone::refused);
    EXPECT_EQ(refused.icon, Icon::hand);
    EXPECT_EQ(refused.headline, "This is someone else's book");
    EXPECT_NE(refused.message.find("librarian"), std::string::npos);

    const auto hello = banner_text({.outcome = Outcome::session, .reader = reader}, app::Translator(app::Language::kk));
    EXPECT_EQ(hello.headline, "Сәлеметсіз бе, Айгерім!");

    const auto idle = banner_text({.outcome = Outcome::ended, .reason = Reason::idle_timeout}, en);
    EXPECT_EQ(idle.icon, Icon::clock);
}

TEST(OutcomeBanner, SoundsAndColoursFollowCoresSeverity) {
    EXPECT_EQ(feedback_for(core::Severity::success).sound, Sound::success);
    EXPECT_EQ(feedback_for(core::Severity::refusal).sound, Sound::error);
    EXPECT_EQ(feedback_for(core::Severity::fault).sound, Sound::error);
    EXPECT_FALSE(feedback_for(core::Severity::notice).sound);
    EXPECT_EQ(feedback_for(core::Severity::success).tone, BannerTone::success);
    EXPECT_EQ(feedback_for(core::Severity::notice).tone, BannerTone::info);
    EXPECT_EQ(feedback_for(core::Severity::refusal).tone, BannerTone::refused);
    const app::Translator en(app::Language::en);
    const core::StationOutcome overdue{.outcome = Outcome::session, .overdue = {core::HeldItem{.title = "Ер Төстік"}}};
    EXPECT_EQ(banner_text(overdue, en).tone, BannerTone::refused);
    EXPECT_EQ(banner_text({.outcome = Outcome::duplicate}, en).tone, BannerTone::info);
}

TEST(OutcomeBanner, ARenewalSaysTheNewDate) {
    const app::Translator en(app::Language::en);
    const auto renewed = banner_text(
        {.outcome = Outcome::renewed, .title = "Абай жолы", .due = core::Date{std::chrono::year{2026} / 12 / 19}}, en);
    EXPECT_EQ(renewed.tone, BannerTone::success);
    EXPECT_EQ(renewed.icon, Icon::check);
    EXPECT_EQ(renewed.headline, "Renewed!");
    EXPECT_NE(renewed.message.find("2026-12-19"), std::string::npos) << renewed.message;
    const auto armed = banner_text({.outcome = Outcome::command, .command = core::Command::renew}, en);
    EXPECT_EQ(armed.headline, "Scan the book to renew");
    const auto limit = banner_text({.outcome = Outcome::refused, .reason = Reason::renewal_limit, .limit = 2}, en);
    EXPECT_EQ(limit.headline, "No more renewals");
    EXPECT_NE(limit.message.find('2'), std::string::npos);
}

}  // namespace
}  // namespace kitap::kiosk
