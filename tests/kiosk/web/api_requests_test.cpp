#include "kiosk/web/api_requests.hpp"
#include "kiosk/web/serve.hpp"

#include <gtest/gtest.h>

namespace kitap::web {
namespace {

TEST(ApiRequests, LoginNeedsUserAndPasswordAsStrings) {
    const auto login = parse_login(R"({"user":"aigul","password":"correct horse"})");
    ASSERT_TRUE(login);
    EXPECT_EQ(login->user, "aigul");
    EXPECT_EQ(login->password, "correct horse");
    EXPECT_EQ(parse_login(R"({"user":"aigul"})").error().message, "\"password\" is missing");
    EXPECT_EQ(parse_login(R"({"user":5,"password":"x"})").error().message, "\"user\" must be a string");
    EXPECT_EQ(parse_login(R"({"user":"","password":"x"})").error().message, "\"user\" is empty");
    EXPECT_EQ(parse_login(R"(["aigul"])").error().message, "the body must be a JSON object");
    EXPECT_EQ(parse_login("{\"user\":").error().message, "the body is not JSON");
    EXPECT_FALSE(parse_login(R"({"user":")" + std::string(300, 'a') + R"(","password":"x"})"));
}

TEST(ApiRequests, ScanTakesTheLibrariansModesOnly) {
    const auto scan = parse_scan(R"({"code":"10000017","mode":"return"})");
    ASSERT_TRUE(scan);
    EXPECT_EQ(scan->code, "10000017");
    EXPECT_EQ(scan->mode, core::StationMode::return_);
    EXPECT_EQ(parse_scan(R"({"code":"1","mode":"stocktake"})")->mode, core::StationMode::stocktake);
    EXPECT_EQ(parse_scan(R"({"code":"1","mode":"self"})").error().message,
              "\"mode\" must be \"desk\", \"return\" or \"stocktake\"");
    EXPECT_FALSE(parse_scan(R"({"code":"1"})"));
    EXPECT_FALSE(parse_scan(R"({"code":["1"],"mode":"desk"})"));
}

TEST(ApiRequests, SessionIdFromTheCookieHeader) {
    EXPECT_EQ(session_id_from_cookies("kitap_session=abc"), "abc");
    EXPECT_EQ(session_id_from_cookies("lang=kk; kitap_session=abc; other=1"), "abc");
    EXPECT_EQ(session_id_from_cookies("kitap_sessionx=abc; x_kitap_session=d"), "");
    EXPECT_EQ(session_id_from_cookies(""), "");
}

TEST(ApiRequests, ParametersAreNamedOnceAtMost) {
    const QueryParameters query{{"class", "5Ә"}, {"format", "csv"}, {"format", "pdf"}};
    EXPECT_EQ(single_parameter(query, "class")->value(), "5Ә");
    EXPECT_FALSE(single_parameter(query, "as_of")->has_value());
    EXPECT_EQ(single_parameter(query, "format").error().message, "parameter \"format\" is given more than once");
}

TEST(ApiRequests, ACountIsAWholeNumberInItsRange) {
    EXPECT_EQ(count_parameter({}, "history", 500), 0) << "not given";
    EXPECT_EQ(count_parameter({{"history", "20"}}, "history", 500), 20);
    EXPECT_EQ(count_parameter({{"history", "500"}}, "history", 500), 500);
    for (const auto* bad : {"", "-1", "501", "2x", " 2", "+2", "99999999999"}) {
        const auto refused = count_parameter({{"history", bad}}, "history", 500);
        ASSERT_FALSE(refused) << bad;
        EXPECT_NE(refused.error().message.find("history"), std::string::npos);
    }
    EXPECT_FALSE(count_parameter({{"history", "1"}, {"history", "2"}}, "history", 500));
}

TEST(ApiRequests, ASettingsValueIsTextOrAWholeNumber) {
    EXPECT_EQ(parse_setting_value(R"({"value":"ru"})"), "ru");
    EXPECT_EQ(parse_setting_value(R"({"value":60})"), "60");
    for (const auto* bad :
         {R"({"value":""})", R"({"value":1.5})", R"({"value":true})", R"({"value":null})", "{}", R"(["ru"])", "{"})
        EXPECT_FALSE(parse_setting_value(bad)) << bad;
    EXPECT_EQ(parse_pin(R"({"pin":"482915"})"), "482915");
    EXPECT_FALSE(parse_pin(R"({"pin":482915})")) << "digits as text: a leading 0 counts";
    EXPECT_FALSE(parse_pin(R"({"code":"482915"})"));
}

TEST(ApiRequests, LanguageFromTheParameterElseTheBrowser) {
    EXPECT_EQ(*requested_language({{"lang", "kk"}}, "ru-RU"), app::Language::kk);
    EXPECT_EQ(*requested_language({}, "de-DE,ru;q=0.9,en;q=0.8"), app::Language::ru);
    EXPECT_EQ(*requested_language({}, ""), app::Language::en);
    EXPECT_FALSE(requested_language({{"lang", "klingon"}}, ""));
}

}  // namespace
}  // namespace kitap::web
