// A kiosk's offline mode over /api/station/*: the snapshot it keeps to decide scans
// alone, its journal uploaded when it is back (applied once, refusals listed for the
// librarian), and `kitap stations`' last_seen and journal_waiting from its calls.
#include "kiosk/wire/station_wire.hpp"
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

class JournalRoutes : public ::testing::Test {
protected:
    void SetUp() override {
        token_ = web_.add_station("reading-room");
        const auto class_id = school().add_class("2023-2024", 5, "Ә");
        school().add_pupil("20000014", class_id);
        school().add_pupil("20000022", class_id);
        const auto novel = school().add_title(TestSchool::isbn(1), "fiction", 0);
        school().add_copy("10000017", novel);
    }

    TestSchool& school() { return web_.school(); }

    // An id of the journal's shape (32 hex digits) from a short name: "a1" -> "000...0a1".
    static std::string id_of(const std::string& name) { return std::string(32 - name.size(), '0') + name; }

    core::JournalEntry entry(const std::string& id, const std::string& card, const std::string& code,
                             std::chrono::minutes before_now) const {
        return {.id = id_of(id),
                .station = "reading-room",
                .scanned_at = web_.now() - before_now,
                .card = card,
                .code = code};
    }
    httplib::Result upload(const std::vector<core::JournalEntry>& entries) const {
        return web_.station_post(token_, "/api/station/journal", wire::JournalUpload{.entries = entries});
    }
    long long open_loans_of(const std::string& card) {
        return school().count(
            "SELECT COUNT(*) FROM loan l JOIN reader r ON r.id = l.reader_id WHERE l.returned_at IS NULL AND "
            "r.card = '" +
            card + "'");
    }

    WebFixture web_;
    std::string token_;
};

int status(const httplib::Result& result) { return result ? result->status : -1; }

TEST_F(JournalRoutes, AnUploadIsAppliedOnceAndWhatTheRulesRefuseIsListed) {
    // Offline, the kiosk lent the copy to one pupil; a second kiosk (or the cache) let another take it too.
    const std::vector<core::JournalEntry> journal{entry("a1", "20000014", "20000014", 30min),
                                                  entry("a2", "20000014", "10000017", 29min),
                                                  entry("a3", "20000022", "10000017", 20min)};
    const auto first = upload(journal);
    ASSERT_EQ(status(first), 200) << (first ? first->body : "");
    EXPECT_EQ(body_of(first)["applied"], 2);
    EXPECT_EQ(body_of(first)["exceptions"], 1);
    EXPECT_EQ(body_of(first)["acknowledged"], json({id_of("a1"), id_of("a2"), id_of("a3")}));
    EXPECT_EQ(open_loans_of("20000014"), 1);

    // The kiosk crashed before it took the acknowledgement in: the same upload again changes nothing.
    const auto again = upload(journal);
    ASSERT_EQ(status(again), 200);
    EXPECT_EQ(body_of(again)["already"], 3);
    EXPECT_EQ(body_of(again)["applied"], 0);
    EXPECT_EQ(open_loans_of("20000014"), 1);
    EXPECT_EQ(open_loans_of("20000022"), 0);

    auto library = web_.open_library();
    const auto exceptions = library.stations().exceptions();
    ASSERT_TRUE(exceptions);
    ASSERT_EQ(exceptions->size(), 1u);
    EXPECT_EQ((*exceptions)[0].card, "20000022");
    EXPECT_EQ((*exceptions)[0].reason, core::Reason::on_loan_to_other);
    EXPECT_EQ((*exceptions)[0].station, "reading-room");
}

// The web console's review: the librarian sees the list, accepts one as an override
// (the copy moves to the reader the kiosk lent it to), and the director only reads.
TEST_F(JournalRoutes, TheLibrarianReviewsExceptionsInTheConsole) {
    // The accounts are added after the upload: the Library that replayed it must not go on
    // seeing the database as it was (a read left open by the replay held its snapshot).
    ASSERT_EQ(status(upload({entry("a2", "20000014", "10000017", 29min), entry("a3", "20000022", "10000017", 20min)})),
              200);
    web_.add_account("aigul", core::AccountRole::librarian);
    web_.add_account("director", core::AccountRole::director);
    const auto librarian = web_.log_in("aigul");
    const auto director = web_.log_in("director");
    const auto listed = body_of(web_.get(director, "/api/exceptions"));
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["card"], "20000022");
    EXPECT_EQ(listed[0]["reason"], "on_loan_to_other");
    const std::string accept = "/api/exceptions/" + std::to_string(listed[0]["id"].get<long long>()) + "/accept";
    EXPECT_EQ(status(web_.post(director, accept, json::object())), 403);

    const auto accepted = web_.post(librarian, accept, json::object());
    ASSERT_EQ(status(accepted), 200) << accepted->body;
    EXPECT_EQ(body_of(accepted)["settled"], "accepted");
    EXPECT_EQ(open_loans_of("20000022"), 1);
    EXPECT_EQ(open_loans_of("20000014"), 0);
    EXPECT_TRUE(body_of(web_.get(librarian, "/api/exceptions")).empty());
    EXPECT_EQ(status(web_.post(librarian, accept, json::object())), 400);  // settled already
    EXPECT_EQ(status(web_.post(librarian, "/api/exceptions/999/discard", json::object())), 404);
    EXPECT_EQ(body_of(web_.get(librarian, "/api/stations"))[0]["name"], "reading-room");
}

TEST_F(JournalRoutes, AStationUploadsItsOwnJournalOnlyAndInBoundedParts) {
    auto foreign = entry("b1", "20000014", "10000017", 5min);
    foreign.station = "store-room";
    const auto refused = upload({foreign});
    EXPECT_EQ(status(refused), 400);
    EXPECT_EQ(body_of(refused)["field"], "entries[0].station");

    std::vector<core::JournalEntry> many;
    for (int i = 0; i < 1001; ++i) many.push_back(entry("c" + std::to_string(i), "", "10000017", 5min));
    EXPECT_EQ(status(upload(many)), 413);
    auto odd = entry("e1", "20000014", "10000017", 5min);
    odd.id = "../../etc";
    const auto odd_id = upload({odd});
    EXPECT_EQ(status(odd_id), 400);
    EXPECT_EQ(body_of(odd_id)["field"], "entries[0].id");

    const auto malformed = web_.station_post(token_, "/api/station/journal", {{"entries", {{{"id", "d1"}}}}});
    EXPECT_EQ(status(malformed), 400);
    EXPECT_EQ(body_of(malformed)["field"].get<std::string>().rfind("entries[0].", 0), 0u) << malformed->body;
    EXPECT_EQ(open_loans_of("20000014"), 0);
}

TEST_F(JournalRoutes, TheOfflineSnapshotIsEveryReaderAndCopyWithWhoHoldsIt) {
    ASSERT_EQ(body_of(web_.station_post(
                  token_, "/api/station/scan",
                  {{"mode", "self"}, {"text", "20000014"}, {"symbology", ""}, {"source", "t"}}))["outcomes"]
                  .back()["outcome"],
              "session");
    ASSERT_EQ(status(web_.station_post(token_, "/api/station/scan",
                                       {{"mode", "self"}, {"text", "10000017"}, {"symbology", ""}, {"source", "t"}})),
              200);
    const auto reply = web_.station_get(token_, "/api/station/offline-snapshot");
    ASSERT_EQ(status(reply), 200);
    const auto snapshot = wire::decode<core::OfflineSnapshot>(body_of(reply));
    ASSERT_TRUE(snapshot) << snapshot.error().text();
    EXPECT_EQ(snapshot->made_at, web_.now());
    ASSERT_EQ(snapshot->readers.size(), 2u);
    EXPECT_EQ(snapshot->readers[0].card, "20000014");
    ASSERT_EQ(snapshot->readers[0].held.size(), 1u);
    EXPECT_EQ(snapshot->readers[0].held[0].code, "10000017");
    ASSERT_EQ(snapshot->copies.size(), 1u);
    EXPECT_EQ(snapshot->copies[0].holder_card, "20000014");
}

TEST_F(JournalRoutes, EveryCallTellsTheStationsListItIsUpAndWhatItsJournalHolds) {
    httplib::Client client("127.0.0.1", web_.port());
    client.set_bearer_token_auth(token_);
    ASSERT_EQ(status(client.Get("/api/station/hello", {{"X-Kitap-Journal-Waiting", "7"}})), 200);
    auto library = web_.open_library();
    auto stations = library.stations().list(web_.now());
    ASSERT_TRUE(stations);
    ASSERT_EQ(stations->size(), 1u);
    EXPECT_EQ((*stations)[0].name, "reading-room");
    EXPECT_TRUE((*stations)[0].online);
    EXPECT_EQ((*stations)[0].last_seen, web_.now());
    EXPECT_EQ((*stations)[0].journal_waiting, 7);

    web_.advance(30s);  // nothing new within a minute: not written again
    ASSERT_EQ(status(client.Get("/api/station/hello", {{"X-Kitap-Journal-Waiting", "7"}})), 200);
    EXPECT_EQ((*library.stations().list(web_.now()))[0].last_seen, web_.now() - 30s);
    ASSERT_EQ(status(client.Get("/api/station/hello", {{"X-Kitap-Journal-Waiting", "0"}})), 200);
    EXPECT_EQ((*library.stations().list(web_.now()))[0].journal_waiting, 0);
    EXPECT_EQ((*library.stations().list(web_.now()))[0].last_seen, web_.now());

    web_.advance(10min);
    EXPECT_FALSE((*library.stations().list(web_.now()))[0].online);
}

}  // namespace
}  // namespace kitap::testing
