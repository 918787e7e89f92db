// The routes over kitap_answers: the same JSON `kitap ... --json` prints, documents
// with their names, and who may see what.
#include "tests/kiosk/web/web_fixture.hpp"
#include "tests/support/cli_run.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using core::AccountRole;

class WebAnswers : public ::testing::Test {
protected:
    void SetUp() override {
        // The CLI answers at the real time: so does the server here, for the same figures
        // and the same school year.
        web_.advance(web::system_now() - web_.now());
        const auto year = core::school_year_of(core::local_date(web_.now()));
        const auto own = school().add_class(year, 5, "Ә");
        const auto other = school().add_class(year, 6, "А");
        school().add_pupil("20000014", own);
        school().add_pupil("20000022", other);
        const auto novel = school().add_title(TestSchool::isbn(1), "fiction", 0);
        school().lend(school().add_pupil("20000030", own), novel, 1, school().add_copy("10000017", novel, "A-1"));
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        web_.add_account("saule", AccountRole::teacher, {"5Ә"});
        librarian_ = web_.log_in("aigul");
    }

    TestSchool& school() { return web_.school(); }

    // What the built `kitap` prints for ARGS on the same database.
    nlohmann::json cli_json(const std::vector<std::string>& args) {
        const auto run = run_kitap({.binary = KITAP_BINARY,
                                    .folder = folder_.path(),
                                    .db = school().path(),
                                    .config_home = folder_.path(),
                                    .args = args});
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return nlohmann::json::parse(run.out);
    }

    int status(const Browser& browser, const std::string& path) {
        const auto result = web_.get(browser, path);
        return result ? result->status : -1;
    }

    WebFixture web_;
    TempDir folder_;
    Browser librarian_;
};

TEST_F(WebAnswers, StatsReaderAndItemAreWhatTheCliPrints) {
    EXPECT_EQ(body_of(web_.get(librarian_, "/api/stats")), cli_json({"stats", "--json"}));
    EXPECT_EQ(body_of(web_.get(librarian_, "/api/readers/20000030")), cli_json({"reader", "20000030", "--json"}));
    EXPECT_EQ(body_of(web_.get(librarian_, "/api/items/10000017")), cli_json({"item", "10000017", "--json"}));
    const auto unknown = web_.get(librarian_, "/api/readers/99999997");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(body_of(unknown)["error"], "unknown_reader");
}

// The dashboard and the debtors list are kept between requests (web::AnswerCache) only
// while nothing is committed: after another program's loan and after the web desk's own,
// each is what the CLI prints then.
TEST_F(WebAnswers, KeptAnswersFollowEveryCommit) {
    const std::string debtors = "/api/reports/debtors?format=json";
    for (int i = 0; i < 8; ++i) {  // every Library of the pool keeps its own
        ASSERT_EQ(status(librarian_, "/api/stats"), 200);
        ASSERT_EQ(status(librarian_, debtors), 200);
    }
    const auto before = body_of(web_.get(librarian_, debtors));

    const auto year = core::school_year_of(core::local_date(web_.now()));
    const auto pupil = school().add_pupil("20000048", school().add_class(year, 7, "Б"));
    const auto atlas = school().add_title(TestSchool::isbn(2), "fiction", 0);
    school().lend(pupil, atlas, 1, school().add_copy("10000024", atlas, "A-2"));
    const auto after = body_of(web_.get(librarian_, debtors));
    EXPECT_NE(after, before);
    EXPECT_EQ(after, cli_json({"report", "debtors", "--format", "json"}));

    school().add_copy("10000032", atlas, "A-2");
    ASSERT_EQ(body_of(web_.post(librarian_, "/api/scan", {{"code", "20000014"}, {"mode", "desk"}}))["outcome"],
              "session");
    ASSERT_EQ(body_of(web_.post(librarian_, "/api/scan", {{"code", "10000032"}, {"mode", "desk"}}))["outcome"], "loan");
    for (int i = 0; i < 4; ++i) EXPECT_EQ(body_of(web_.get(librarian_, "/api/stats")), cli_json({"stats", "--json"}));
}

TEST_F(WebAnswers, AClassesPupils) {
    const auto result = web_.get(librarian_, "/api/readers?class=5%D3%98");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(body_of(result), cli_json({"readers", "--class", "5Ә", "--json"}));
    EXPECT_EQ(status(librarian_, "/api/readers"), 400);
}

TEST_F(WebAnswers, ATeacherSeesHerOwnClassOnly) {
    const auto teacher = web_.log_in("saule");
    EXPECT_EQ(status(teacher, "/api/readers?class=5%D3%98"), 200);
    EXPECT_EQ(status(teacher, "/api/readers?class=6%D0%90"), 403);
    EXPECT_EQ(status(teacher, "/api/readers/20000014"), 200);
    EXPECT_EQ(status(teacher, "/api/readers/20000022"), 403) << "a pupil of another class";
    EXPECT_EQ(status(teacher, "/api/readers/99999997"), 403) << "no probing for cards";
    EXPECT_EQ(status(teacher, "/api/reports/debtors?class=5%D3%98&format=pdf"), 200);
    EXPECT_EQ(status(teacher, "/api/reports/debtors?class=6%D0%90"), 403);
    EXPECT_EQ(status(teacher, "/api/reports/debtors"), 403) << "the whole school's debtors are not hers";
    for (const auto* path : {"/api/stats", "/api/items/10000017", "/api/reports/register", "/api/labels/commands"})
        EXPECT_EQ(status(teacher, path), 403) << path;
}

TEST_F(WebAnswers, TheDirectorReadsButPrintsNoLabels) {
    const auto director = web_.log_in("director");
    EXPECT_EQ(status(director, "/api/stats"), 200);
    EXPECT_EQ(status(director, "/api/reports/provision"), 200);
    EXPECT_EQ(status(director, "/api/labels/commands"), 403);
}

TEST_F(WebAnswers, ReportsAsDocumentsWithTheirNames) {
    const auto csv = web_.get(librarian_, "/api/reports/debtors?format=csv&as_of=2024-06-01");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200) << csv->body;
    EXPECT_TRUE(csv->get_header_value("Content-Type").starts_with("text/csv"));
    EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment; filename=\"debtors-2024-06-01.csv\""),
              std::string::npos)
        << csv->get_header_value("Content-Disposition");
    const auto xlsx = web_.get(librarian_, "/api/reports/provision?format=xlsx");
    ASSERT_TRUE(xlsx);
    EXPECT_EQ(xlsx->status, 200);
    EXPECT_TRUE(xlsx->body.starts_with("PK")) << "a zip, as every .xlsx";
    const auto bad = web_.get(librarian_, "/api/reports/debtors?format=doc");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(body_of(bad)["error"], "bad_format");
    EXPECT_EQ(status(librarian_, "/api/reports/debtors?format=csv&format=pdf"), 400);
    EXPECT_EQ(status(librarian_, "/api/reports/gossip"), 400);
}

TEST_F(WebAnswers, LabelsAsPdfAndNewNumbersNeedTheCsrfToken) {
    const auto sheet = web_.get(librarian_, "/api/labels/commands");
    ASSERT_TRUE(sheet);
    ASSERT_EQ(sheet->status, 200) << sheet->body;
    EXPECT_EQ(sheet->get_header_value("Content-Type"), "application/pdf");
    EXPECT_TRUE(sheet->body.starts_with("%PDF"));
    const auto copies = school().count("SELECT COUNT(*) FROM copy");
    EXPECT_EQ(status(librarian_, "/api/labels/copies?new=3&title=" + TestSchool::isbn(1)), 403);
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM copy"), copies);
    const auto made = web_.client().Get("/api/labels/copies?new=3&title=" + TestSchool::isbn(1),
                                        {{"Cookie", librarian_.cookie}, {"X-CSRF-Token", librarian_.csrf}});
    ASSERT_TRUE(made);
    EXPECT_EQ(made->status, 200) << made->body;
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM copy"), copies + 3);
}

TEST_F(WebAnswers, TheCatalogueIsForEveryoneAndNamesNoHolder) {
    const auto result = web_.client().Get("/api/catalog?q=Title");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(body_of(result)["titles"], cli_json({"catalog", "search", "Title", "--json"}));
    EXPECT_EQ(result->body.find("20000030"), std::string::npos) << result->body;
    EXPECT_EQ(result->body.find("Pupil"), std::string::npos) << result->body;
    const auto empty = web_.client().Get("/api/catalog");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 400);
}

}  // namespace
}  // namespace kitap::testing
