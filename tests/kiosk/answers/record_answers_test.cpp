#include "kiosk/answers/record_answers.hpp"

#include "kiosk/answers/year_answers.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "tests/kiosk/answers/answers_test_library.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace kitap::answers {
namespace {

using nlohmann::json;

class RecordAnswers : public testing::AnswersTest {
protected:
    AnswerContext context() { return {library, tr, config, now()}; }

    // An answer that is a JSON document (the audit keeps its keys in order), parsed.
    static json document_json(const AnswerOr& answer) {
        EXPECT_TRUE(answer) << (answer ? "" : answer.error().message);
        if (!answer) return {};
        const auto& document = std::get<Document>(*answer);
        EXPECT_EQ(document.content_type, "application/json");
        return json::parse(document.bytes);
    }

    std::optional<std::string> stored(const std::string& key) { return library.settings().get(key).value(); }

    app::Config config;
};

TEST_F(RecordAnswers, TheAuditAnswerIsTheCommandLinesListing) {
    ASSERT_FALSE(json_of(change_setting_answer(context(), "kiosk_language", "ru", "web:aigul")).is_null());
    std::ostringstream printed;
    ASSERT_TRUE(write_audit_json(library, core::default_audit_since(now()), printed));
    const auto answer = audit_answer(context(), std::nullopt);
    ASSERT_TRUE(answer);
    EXPECT_EQ(std::get<Document>(*answer).bytes, printed.str());
    const auto entries = json::parse(printed.str());
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]["station"], "web:aigul");
    EXPECT_EQ(entries[0]["detail"], "kiosk_language=ru");
    EXPECT_EQ(document_json(audit_answer(context(), "2999-01-01")), json::array()) << "nothing after that day";
}

TEST_F(RecordAnswers, AnUnreadableSinceSaysWhatItGot) {
    const auto problem = problem_of(audit_answer(context(), "last week"));
    EXPECT_EQ(problem.kind, ProblemKind::bad_request);
    EXPECT_EQ(problem.code, "bad_since");
    EXPECT_NE(problem.message.find("last week"), std::string::npos) << problem.message;
}

TEST_F(RecordAnswers, ActsListTheWriteoffActs) {
    EXPECT_EQ(json_of(acts_answer(context())), json::array());
    import_small_library();
    json_of(
        writeoff_answer(library, tr, {.reason = "worn", .isbn = "9786010000001", .count = 1, .by = {.now = now()}}));
    const auto acts = json_of(acts_answer(context()));
    ASSERT_EQ(acts.size(), 1u);
    EXPECT_EQ(acts[0]["reason"], "worn");
    EXPECT_EQ(acts[0]["copies"], 1);
    EXPECT_DOUBLE_EQ(acts[0]["sum"].get<double>(), 1500.0);
}

TEST_F(RecordAnswers, SettingsShowTheRulesAndTheKiosksValues) {
    config.school.name = "Абай атындағы мектеп";
    config.rules.station.idle_timeout = std::chrono::seconds(45);
    auto settings = json_of(settings_answer(context()));
    EXPECT_EQ(settings["school_name"], "Абай атындағы мектеп");
    EXPECT_TRUE(settings["config_file"].is_null());
    EXPECT_EQ(settings["loan_days"]["fiction"], 14);
    EXPECT_EQ(settings["loan_limits"]["pupil"], 5);
    EXPECT_TRUE(settings["kiosk"]["kiosk_language"].is_null()) << "none stored: the kiosk's own";
    EXPECT_EQ(settings["kiosk"]["kiosk_idle_timeout_seconds"], 45) << "the configuration's, until one is stored";
    EXPECT_EQ(settings["kiosk"]["kiosk_librarian_lock_seconds"], 120);

    json_of(change_setting_answer(context(), "kiosk_idle_timeout_seconds", "60", "web:aigul"));
    json_of(change_setting_answer(context(), "kiosk_language", "kk", "web:aigul"));
    settings = json_of(settings_answer(context()));
    EXPECT_EQ(settings["kiosk"]["kiosk_idle_timeout_seconds"], 60);
    EXPECT_EQ(settings["kiosk"]["kiosk_language"], "kk");
}

TEST_F(RecordAnswers, ARefusedSettingChangesNothing) {
    for (const auto& [key, value, code] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"kiosk_idle_timeout_seconds", "5", "below_minimum"},
             {"kiosk_idle_timeout_seconds", "999", "above_maximum"},
             {"kiosk_librarian_lock_seconds", "soon", "not_a_number"},
             {"kiosk_language", "de", "unknown_language"},
             {"librarian.pin_hash", "x", "unknown_key"}}) {
        const auto problem = problem_of(change_setting_answer(context(), key, value, "web:aigul"));
        EXPECT_EQ(problem.kind, ProblemKind::bad_request);
        EXPECT_EQ(problem.code, code);
        EXPECT_NE(problem.message.find(key), std::string::npos) << problem.message;
        EXPECT_EQ(stored(key), std::nullopt) << key;
    }
    EXPECT_EQ(document_json(audit_answer(context(), std::nullopt)), json::array()) << "nothing audited";
}

TEST_F(RecordAnswers, ThePinTakesTheSetPinRules) {
    for (const std::string pin : {"1234", "123456789", "12345a"}) {
        const auto problem = problem_of(librarian_pin_answer(context(), pin, "web:aigul"));
        EXPECT_EQ(problem.code, "bad_pin") << pin;
        EXPECT_FALSE(problem.message.empty());
    }
    EXPECT_EQ(stored(std::string(kiosk::librarian_pin_setting)), std::nullopt);
    EXPECT_EQ(json_of(librarian_pin_answer(context(), "482915", "web:aigul")), json({{"pin_set", true}}));
    const auto hash = stored(std::string(kiosk::librarian_pin_setting));
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->find("482915"), std::string::npos) << "a hash, never the digits";
    const auto entries = document_json(audit_answer(context(), std::nullopt));
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]["action"], "pin_set");
}

}  // namespace
}  // namespace kitap::answers
