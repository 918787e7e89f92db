// Logins, sessions, CSRF and roles.
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;
using core::AccountRole;

class WebSessions : public ::testing::Test {
protected:
    void SetUp() override {
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
    }

    httplib::Result login(const std::string& user, const std::string& password) {
        return web_.client().Post("/api/login", nlohmann::json{{"user", user}, {"password", password}}.dump(),
                                  "application/json");
    }

    int status_of_me(const Browser& browser) {
        const auto result = web_.get(browser, "/api/me");
        return result ? result->status : -1;
    }

    WebFixture web_;
};

TEST_F(WebSessions, TheRightPasswordGivesUserRoleCsrfAndAStrictCookie) {
    const auto result = login("aigul", WebFixture::password);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    const auto body = body_of(result);
    EXPECT_EQ(body["user"], "aigul");
    EXPECT_EQ(body["role"], "librarian");
    EXPECT_EQ(body["csrf"].get<std::string>().size(), 64u);  // 256 bits
    const auto cookie = result->get_header_value("Set-Cookie");
    EXPECT_TRUE(cookie.starts_with("kitap_session=")) << cookie;
    EXPECT_EQ(cookie_pair(cookie).size(), std::string("kitap_session=").size() + 64);
    EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "no Secure over plain HTTP: " << cookie;
    const auto me = web_.get({.cookie = cookie_pair(cookie), .csrf = ""}, "/api/me");
    ASSERT_TRUE(me);
    EXPECT_EQ(me->status, 200);
    EXPECT_EQ(body_of(me)["user"], "aigul");
    EXPECT_EQ(body_of(me)["csrf"], body["csrf"]);
}

TEST_F(WebSessions, AWrongPasswordOrAnUnknownUserIs401) {
    for (const auto& [user, password] : {std::pair{"aigul", "wrong password!"}, std::pair{"nobody", "whatever12345"}}) {
        const auto result = login(user, password);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 401);
        EXPECT_EQ(body_of(result)["error"], "wrong_password");
        EXPECT_FALSE(result->has_header("Set-Cookie"));
    }
}

TEST_F(WebSessions, FiveWrongPasswordsLockTheUserOutEvenWithTheRightOne) {
    for (int i = 0; i < 5; ++i) EXPECT_EQ(login("aigul", "not the password")->status, 401);
    const auto locked = login("aigul", WebFixture::password);
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->status, 429);
    EXPECT_EQ(body_of(locked)["error"], "locked_out");
    EXPECT_TRUE(locked->has_header("Retry-After"));
    EXPECT_EQ(login("director", WebFixture::password)->status, 200) << "another user is not locked out";
    web_.advance(16min);
    EXPECT_EQ(login("aigul", WebFixture::password)->status, 200);
}

TEST_F(WebSessions, ASessionEndsAfter30MinutesIdle) {
    const auto browser = web_.log_in("aigul");
    web_.advance(29min);
    EXPECT_EQ(status_of_me(browser), 200);
    web_.advance(29min);
    EXPECT_EQ(status_of_me(browser), 200) << "each request restarts the idle time";
    web_.advance(30min);
    EXPECT_EQ(status_of_me(browser), 401);
}

TEST_F(WebSessions, ASessionEndsAfter10HoursHoweverBusy) {
    const auto browser = web_.log_in("aigul");
    for (int i = 0; i < 29; ++i) {
        web_.advance(20min);
        ASSERT_EQ(status_of_me(browser), 200) << i;
    }
    web_.advance(20min);  // 10 h since the login
    EXPECT_EQ(status_of_me(browser), 401);
}

TEST_F(WebSessions, LogoutEndsTheSession) {
    const auto browser = web_.log_in("aigul");
    const auto other = web_.log_in("aigul");
    const auto result = web_.post(browser, "/api/logout", nlohmann::json::object());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_NE(result->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(status_of_me(browser), 401);
    EXPECT_EQ(status_of_me(other), 200) << "only this browser's session ends";
}

TEST_F(WebSessions, LogoutNeedsTheCsrfToken) {
    const auto browser = web_.log_in("aigul");
    const auto result = web_.post({.cookie = browser.cookie, .csrf = "0"}, "/api/logout", nlohmann::json::object());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 403);
    EXPECT_EQ(status_of_me(browser), 200);
}

TEST_F(WebSessions, ChangingThePasswordEndsTheOtherSessions) {
    const auto browser = web_.log_in("aigul");
    const auto other = web_.log_in("aigul");
    const auto director = web_.log_in("director");
    const auto changed = web_.post(browser, "/api/me/password", {{"password", "a new long password"}});
    ASSERT_TRUE(changed);
    ASSERT_EQ(changed->status, 200) << changed->body;
    const Browser renewed{.cookie = cookie_pair(changed->get_header_value("Set-Cookie")),
                          .csrf = body_of(changed)["csrf"]};
    EXPECT_EQ(status_of_me(renewed), 200);
    EXPECT_EQ(status_of_me(other), 401);
    EXPECT_EQ(status_of_me(browser), 401) << "the old id is void too: the browser has the new one";
    EXPECT_EQ(status_of_me(director), 200);
    EXPECT_EQ(login("aigul", "a new long password")->status, 200);
}

TEST_F(WebSessions, APasswordChangedElsewhereEndsEverySession) {
    const auto browser = web_.log_in("aigul");
    auto library = web_.open_library();  // as `kitap user passwd aigul` does
    ASSERT_FALSE(*library.accounts().change_password("aigul", "changed at the kiosk PC", web_.now()));
    EXPECT_EQ(status_of_me(browser), 401);
}

TEST_F(WebSessions, ARemovedAccountsSessionsEnd) {
    const auto browser = web_.log_in("director");
    auto library = web_.open_library();
    ASSERT_FALSE(*library.accounts().remove("director", web_.now()));
    EXPECT_EQ(status_of_me(browser), 401);
}

TEST_F(WebSessions, AnUnknownOrForgedSessionIs401) {
    EXPECT_EQ(status_of_me({.cookie = "kitap_session=" + std::string(64, '0'), .csrf = ""}), 401);
    EXPECT_EQ(status_of_me({.cookie = "kitap_session=", .csrf = ""}), 401);
}

TEST(WebSessionsTls, TheCookieIsSecureUnderTls) {
    TempDir dir;
    const web::TlsFiles files{.certificate = dir / "web.crt", .key = dir / "web.key"};
    web::make_self_signed_certificate(files, "localhost");
    WebFixture web(files);
    web.add_account("aigul", AccountRole::librarian);
    httplib::SSLClient client("127.0.0.1", web.port());
    client.enable_server_certificate_verification(false);
    const auto result = client.Post(
        "/api/login", nlohmann::json{{"user", "aigul"}, {"password", WebFixture::password}}.dump(), "application/json");
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, 200);
    EXPECT_NE(result->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

}  // namespace
}  // namespace kitap::testing
