#include "kiosk/gui/flows/outcome_recorder.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace kitap::kiosk {
namespace {

core::StationOutcome lent() {
    return {.outcome = core::Outcome::loan,
            .title = "Абай жолы",
            .due = core::Date(std::chrono::year(2026), std::chrono::December, std::chrono::day(16))};
}

// Lines come once the frame showing them is drawn: the fault screen first, then the
// outcomes in order, each with its times.
TEST(OutcomeRecorder, PrintsWhatTheFrameShowedOnce) {
    std::ostringstream out;
    OutcomeRecorder recorder(&out);
    const app::Translator tr(app::Language::en);
    recorder.shown({{lent(), core::StationMode::self, devices::Clock::now()}});
    recorder.fault({.kind = FaultKind::database_busy}, true);
    EXPECT_TRUE(out.str().empty()) << "nothing before the frame is drawn";
    recorder.frame_drawn(devices::Clock::now(), tr);
    std::istringstream lines(out.str());
    std::string fault, outcome, more;
    std::getline(lines, fault);
    std::getline(lines, outcome);
    EXPECT_FALSE(std::getline(lines, more));
    EXPECT_EQ(nlohmann::json::parse(fault), (nlohmann::json{{"fault", "database_busy"}, {"scan_lost", true}}));
    const auto json = nlohmann::json::parse(outcome);
    EXPECT_EQ(json["outcome"], "loan");
    EXPECT_TRUE(json.contains("scan_to_frame_ms"));
    EXPECT_TRUE(json.contains("frame_ms"));
    recorder.frame_drawn(devices::Clock::now(), tr);
    EXPECT_EQ(out.str(), fault + "\n" + outcome + "\n") << "printed once";
}

}  // namespace
}  // namespace kitap::kiosk
