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

// --print-frames: a line for every frame, whether or not it showed an outcome.
TEST(OutcomeRecorder, PrintsEveryFrameWithItsTimeAndWhetherTheLibraryWasWorking) {
    std::ostringstream frames;
    OutcomeRecorder recorder(nullptr, &frames);
    const app::Translator tr(app::Language::kk);
    recorder.shown({{lent(), core::StationMode::self, devices::Clock::now()}});
    recorder.frame_drawn(devices::Clock::now(), tr, true);
    recorder.frame_drawn(devices::Clock::now(), tr, false);
    std::istringstream lines(frames.str());
    std::vector<nlohmann::json> printed;
    for (std::string line; std::getline(lines, line);) printed.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(printed.size(), 2u) << "no outcome lines without --print-outcomes";
    EXPECT_EQ(printed[0]["working"], true);
    EXPECT_EQ(printed[1]["working"], false);
    EXPECT_GE(printed[0]["frame_ms"].get<double>(), 0);
}

}  // namespace
}  // namespace kitap::kiosk
