// Reservations in the web console: GET /api/holds for the librarian and the director,
// POST /api/holds and /api/holds/{id}/cancel for the librarian only; and a kiosk on
// another PC reserving through POST /api/station/hold with the card a reader scanned.
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using core::AccountRole;

class HoldRoutes : public ::testing::Test {
protected:
    void SetUp() override {
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        librarian_ = web_.log_in("aigul");
        director_ = web_.log_in("director");
        auto& school = web_.school();
        const RowId class_5a = school.add_class("2026-2027", 5, "Ә");
        const RowId holder = school.add_pupil("20000014", class_5a);
        school.add_pupil("20000022", class_5a);
        school.add_pupil("20000030", class_5a);
        title_ = school.add_title(TestSchool::isbn(3), "fiction", 0);
        school.lend(holder, title_, 1, school.add_copy("10000017", title_));
    }

    int status(const httplib::Result& result) { return result ? result->status : -1; }

    WebFixture web_;
    Browser librarian_;
    Browser director_;
    RowId title_ = 0;
};

TEST_F(HoldRoutes, TheLibrarianReservesListsAndCancelsTheDirectorReads) {
    const auto placed = web_.post(librarian_, "/api/holds", {{"card", "20000022"}, {"title", TestSchool::isbn(3)}});
    ASSERT_EQ(status(placed), 200) << (placed ? placed->body : "");
    EXPECT_EQ(body_of(placed)["position"], 1);
    EXPECT_EQ(status(web_.post(librarian_, "/api/holds", {{"card", "20000030"}, {"title_id", title_}})), 200);
    const auto twice = web_.post(librarian_, "/api/holds", {{"card", "20000030"}, {"title_id", title_}});
    EXPECT_EQ(status(twice), 409);
    EXPECT_EQ(body_of(twice)["error"], "already_reserved");

    const auto listed = web_.get(director_, "/api/holds");
    ASSERT_EQ(status(listed), 200);
    const auto holds = body_of(listed);
    ASSERT_EQ(holds.size(), 2u);
    EXPECT_EQ(holds[1]["card"], "20000030");
    EXPECT_EQ(holds[1]["position"], 2);
    EXPECT_EQ(status(web_.post(director_, "/api/holds", {{"card", "20000014"}, {"title_id", title_}})), 403);

    const auto id = std::to_string(holds[0]["id"].get<long long>());
    EXPECT_EQ(status(web_.post(director_, "/api/holds/" + id + "/cancel", nlohmann::json::object())), 403);
    const auto cancelled = web_.post(librarian_, "/api/holds/" + id + "/cancel", nlohmann::json::object());
    ASSERT_EQ(status(cancelled), 200);
    EXPECT_EQ(body_of(cancelled)["state"], "cancelled");
    EXPECT_EQ(
        web_.school().count("SELECT count(*) FROM event WHERE action = 'hold_cancelled' AND actor_account = 'aigul'"),
        1);
    EXPECT_EQ(status(web_.post(librarian_, "/api/holds/99/cancel", nlohmann::json::object())), 404);
    EXPECT_EQ(status(web_.client().Get("/api/holds")), 401);
}

TEST_F(HoldRoutes, AMalformedRequestSaysWhatIsWrong) {
    for (const auto& body : {nlohmann::json{{"card", "20000022"}}, nlohmann::json{{"title", "x"}},
                             nlohmann::json{{"card", "20000022"}, {"title", "x"}, {"title_id", 1}},
                             nlohmann::json{{"card", "20000022"}, {"title_id", "one"}}}) {
        const auto refused = web_.post(librarian_, "/api/holds", body);
        EXPECT_EQ(status(refused), 400) << body.dump();
    }
    const auto unknown = web_.post(librarian_, "/api/holds", {{"card", "20000022"}, {"title", "no such book"}});
    EXPECT_EQ(status(unknown), 404);
    EXPECT_EQ(body_of(unknown)["error"], "unknown_title");
    EXPECT_EQ(web_.school().count("SELECT count(*) FROM hold"), 0);
}

TEST_F(HoldRoutes, AKioskOnAnotherPcReservesForTheCardScanned) {
    const auto token = web_.add_station("reading-room");
    const auto placed = web_.station_post(token, "/api/station/hold", {{"card", "20000022"}, {"title_id", title_}});
    ASSERT_EQ(status(placed), 200) << (placed ? placed->body : "");
    EXPECT_EQ(body_of(placed),
              (nlohmann::json{{"refusal", ""}, {"title", "Title " + TestSchool::isbn(3)}, {"position", 1}}))
        << "nothing of the other readers";
    const auto not_a_card = web_.station_post(token, "/api/station/hold", {{"card", "10000017"}, {"title_id", title_}});
    EXPECT_EQ(body_of(not_a_card)["refusal"], "unknown_reader");
    EXPECT_EQ(web_.school().text("SELECT station FROM hold"), "reading-room");
    EXPECT_EQ(status(web_.station_post(token, "/api/station/hold", {{"card", 1}})), 400);
}

}  // namespace
}  // namespace kitap::testing
