// The librarian's accounts page over the API: list, add, set a password, remove.
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using core::AccountRole;

class WebUsers : public ::testing::Test {
protected:
    void SetUp() override {
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        web_.school().add_class("2023-2024", 5, "Ә");
        librarian_ = web_.log_in("aigul");
    }

    httplib::Result remove(const Browser& browser, const std::string& name) {
        return web_.client().Delete("/api/users/" + name, {{"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}});
    }

    WebFixture web_;
    Browser librarian_;
};

TEST_F(WebUsers, TheLibrarianAddsATeacherWhoThenSignsIn) {
    const auto added =
        web_.post(librarian_, "/api/users",
                  {{"name", "saule"}, {"role", "teacher"}, {"classes", {"5Ә"}}, {"password", "teacher's password"}});
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 201) << added->body;
    EXPECT_EQ(body_of(added), nlohmann::json({{"name", "saule"}, {"role", "teacher"}, {"classes", {"5Ә"}}}));
    const auto teacher = web_.log_in("saule", "teacher's password");
    const auto me = body_of(web_.get(teacher, "/api/me"));
    EXPECT_EQ(me["role"], "teacher");
    EXPECT_EQ(me["classes"], nlohmann::json({"5Ә"}));
    const auto list = body_of(web_.get(librarian_, "/api/users"));
    ASSERT_EQ(list.size(), 3u);
    for (const auto& account : list) EXPECT_FALSE(account.contains("password")) << account;
}

TEST_F(WebUsers, RefusalsSayWhy) {
    const auto taken =
        web_.post(librarian_, "/api/users", {{"name", "director"}, {"role", "director"}, {"password", "0123456789"}});
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->status, 409);
    EXPECT_EQ(body_of(taken)["error"], "name_taken");
    const auto short_password =
        web_.post(librarian_, "/api/users", {{"name", "new"}, {"role", "director"}, {"password", "short"}});
    EXPECT_EQ(short_password->status, 400);
    EXPECT_EQ(body_of(short_password)["error"], "password_too_short");
    const auto bad_role =
        web_.post(librarian_, "/api/users", {{"name", "new"}, {"role", "janitor"}, {"password", "0123456789"}});
    EXPECT_EQ(bad_role->status, 400);
    EXPECT_EQ(body_of(bad_role)["error"], "bad_request");
    const auto unknown = remove(librarian_, "nobody");
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(body_of(unknown)["error"], "unknown_account");
}

TEST_F(WebUsers, ANewPasswordOrRemovalEndsThatAccountsSessions) {
    const auto director = web_.log_in("director");
    const auto set = web_.post(librarian_, "/api/users/director/password", {{"password", "a fresh password"}});
    ASSERT_TRUE(set);
    EXPECT_EQ(set->status, 200) << set->body;
    EXPECT_EQ(web_.get(director, "/api/me")->status, 401);
    const auto again = web_.log_in("director", "a fresh password");
    EXPECT_EQ(remove(librarian_, "director")->status, 200);
    EXPECT_EQ(web_.get(again, "/api/me")->status, 401);
}

TEST_F(WebUsers, OnlyTheLibrarianManagesAccounts) {
    const auto director = web_.log_in("director");
    EXPECT_EQ(web_.get(director, "/api/users")->status, 403);
    EXPECT_EQ(
        web_.post(director, "/api/users", {{"name", "x"}, {"role", "librarian"}, {"password", "0123456789"}})->status,
        403);
    EXPECT_EQ(remove(director, "aigul")->status, 403);
    EXPECT_EQ(web_.get(librarian_, "/api/users")->status, 200) << "the librarian's session lives on";
}

}  // namespace
}  // namespace kitap::testing
