// The receive page's copy cataloguing: GET /api/catalog/fetch offers what the
// [catalogue] servers have for an ISBN not in the catalogue, POST makes it the
// catalogue's title; against a real yaz-ztest on 127.0.0.1, and for the librarian only.
#include "tests/kiosk/web/web_fixture.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ztest_server.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using core::AccountRole;

class CatalogFetchRoutes : public ::testing::Test {
protected:
    void SetUp() override {
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        librarian_ = web_.log_in("aigul");
        director_ = web_.log_in("director");
    }

    int status(const httplib::Result& result) { return result ? result->status : -1; }

    TempDir folder_;
    const std::string gone_ = "127.0.0.1:" + std::to_string(free_port()) + "/Default";
    ZtestServer ztest_{folder_.path() / "ztest.log"};
    WebFixture web_{std::nullopt, [this](web::ServerSettings& settings) {
                        settings.config.catalogue_servers = {gone_, ztest_.address()};
                    }};
    Browser librarian_;
    Browser director_;
    const std::string isbn_ = TestSchool::isbn(5);
};

TEST_F(CatalogFetchRoutes, OffersTheRecordOfABookNotCataloguedThenAddsIt) {
    const auto offered = web_.get(librarian_, "/api/catalog/fetch?isbn=" + isbn_);
    ASSERT_EQ(status(offered), 200) << (offered ? offered->body : "");
    const auto offer = body_of(offered);
    EXPECT_EQ(offer["isbn"], isbn_);
    EXPECT_TRUE(offer["catalogued"].is_null());
    EXPECT_EQ(offer["server"], ztest_.address()) << "the second server, the first one being gone";
    ASSERT_FALSE(offer["records"].empty());
    EXPECT_EQ(offer["records"][0]["title"], "How to program a computer");
    ASSERT_EQ(offer["unreachable"].size(), 1U);
    EXPECT_EQ(offer["unreachable"][0]["server"], gone_);

    const auto added = web_.post(librarian_, "/api/catalog/fetch", {{"isbn", isbn_}});
    ASSERT_EQ(status(added), 200) << (added ? added->body : "");
    EXPECT_EQ(body_of(added)["titles_added"], 1);
    EXPECT_EQ(web_.school().count("SELECT count(*) FROM title WHERE isbn = '" + isbn_ +
                                  "' AND title = 'How to program a computer'"),
              1)
        << "under the ISBN of the book in hand";
    EXPECT_EQ(web_.school().count("SELECT count(*) FROM copy"), 0) << "another library's copies are not ours";

    const auto again = body_of(web_.get(librarian_, "/api/catalog/fetch?isbn=" + isbn_));
    EXPECT_EQ(again["catalogued"], "How to program a computer");
    EXPECT_TRUE(again["records"].empty()) << "no server asked for a title catalogued";
    const auto twice = web_.post(librarian_, "/api/catalog/fetch", {{"isbn", isbn_}});
    EXPECT_EQ(status(twice), 409);
    EXPECT_EQ(body_of(twice)["error"], "already_catalogued");
}

TEST_F(CatalogFetchRoutes, OnlyTheLibrarianAsksAndAddsAndABadIsbnAsksNoServer) {
    EXPECT_EQ(status(web_.get(director_, "/api/catalog/fetch?isbn=" + isbn_)), 403);
    EXPECT_EQ(status(web_.post(director_, "/api/catalog/fetch", {{"isbn", isbn_}})), 403);
    EXPECT_EQ(status(web_.client().Get("/api/catalog/fetch?isbn=" + isbn_)), 401);

    const auto bad = web_.get(librarian_, "/api/catalog/fetch?isbn=9786010000000");
    EXPECT_EQ(status(bad), 400);
    EXPECT_EQ(body_of(bad)["error"], "bad_isbn");
    EXPECT_EQ(status(web_.get(librarian_, "/api/catalog/fetch")), 400);
    EXPECT_EQ(status(web_.get(librarian_, "/api/catalog/fetch?isbn=1&isbn=2")), 400);
    EXPECT_EQ(status(web_.post(librarian_, "/api/catalog/fetch", {{"isbn", 5}})), 400);
    EXPECT_EQ(web_.school().count("SELECT count(*) FROM title"), 0);
}

}  // namespace
}  // namespace kitap::testing
