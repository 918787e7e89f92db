// End to end: `kitap import marc`, `kitap export marc` and `kitap catalog fetch` run as
// a librarian would, on the fixtures of data/ and against a yaz-ztest of the test's own.
#include "tests/kiosk/cli/kitap_process.hpp"
#include "tests/kiosk/marc/marc_test_files.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/ztest_server.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using kitap::testing::free_port;
using kitap::testing::marc_data;
using nlohmann::json;

class MarcCli : public kitap::testing::KitapProcessTest {
protected:
    kitap::testing::CliRun import(const std::string& fixture, std::vector<std::string> options = {}) {
        std::vector<std::string> args{"--lang", "en", "import", "marc", marc_data(fixture).string()};
        args.insert(args.end(), options.begin(), options.end());
        return kitap(args);
    }

    // Every title and every copy in the fund, in one comparable text.
    std::vector<std::string> catalogue(const std::filesystem::path& db) {
        SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement query(connection, R"(
            SELECT t.title || '|' || t.responsibility || '|' || t.authors || '|' || ifnull(t.isbn, '') || '|' ||
                   t.publisher || '|' || ifnull(t.year, '') || '|' || t.language || '|' || t.subject || '|' ||
                   t.series || '|' || t.edition || '|' || t.pages || '|' || t.price_tiyn || '|' || t.kind || '|' ||
                   ifnull(t.grade, '') || '|' || t.stock || '|' ||
                   ifnull((SELECT group_concat(barcode || '@' || shelf, ' ')
                           FROM (SELECT barcode, shelf FROM copy WHERE title_id = t.id ORDER BY barcode)), '')
            FROM title t ORDER BY t.title)");
        std::vector<std::string> rows;
        while (query.executeStep()) rows.push_back(query.getColumn(0).getString());
        return rows;
    }

    std::vector<std::string> catalogue() { return catalogue(db()); }
};

TEST_F(MarcCli, ImportsMarc21RecordsWithTheirCopies) {
    const auto run = import("marc21.mrc", {"--json"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.parsed(), json::parse(R"({"records": 3, "titles_added": 3, "titles_updated": 0,
                                            "copies_added": 3, "skipped": 0, "errors": []})"));
    const auto titles = catalogue();
    ASSERT_EQ(titles.size(), 3U);
    EXPECT_EQ(titles[0],
              "Harry Potter and the philosopher's stone|J.K. Rowling|Rowling, J. K.|9780747532699|Bloomsbury|1997|en|"
              "Wizards|||223 p.|0|fiction||0|");
    EXPECT_EQ(
        titles[1],
        "Абай жолы : роман-эпопея|Мұхтар Әуезов|Әуезов, Мұхтар|9786010701014|Атамұра|2019|kk|Қазақ әдебиеті|"
        "Қазақ әдебиетінің кітапханасы|2-бас.|480 б.|250000|fiction||0|100001@Көркем әдебиет 100002@Көркем әдебиет");
}

TEST_F(MarcCli, KazakhLettersSurviveACp1251RusmarcFile) {
    const auto run = import("rusmarc_cp1251.mrc");

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("2 records, 2 titles added, 0 updated, 3 copies added, 0 skipped"), std::string::npos)
        << run.out;
    const auto titles = catalogue();
    ASSERT_EQ(titles.size(), 2U);
    EXPECT_EQ(titles[0].substr(0, titles[0].find('|')), "Ана тілі. 1-сынып");
}

TEST_F(MarcCli, AnyBadRecordRefusesTheWholeFile) {
    const auto run = import("bad.mrc");

    EXPECT_EQ(run.exit_code, 2);
    const auto file = marc_data("bad.mrc").string();
    for (const auto* expected :
         {":record 2: the leader is not a MARC leader", ":record 3: \"978-601-07-0101-5\" is not a valid ISBN",
          ":record 4: the record's directory or fields",
          ":record 6: the file ends inside the record: its leader says 636 bytes, 318 are left"})
        EXPECT_NE(run.err.find(file + expected), std::string::npos) << expected << "\n" << run.err;
    EXPECT_NE(run.err.find("Nothing was imported: 4 problems"), std::string::npos) << run.err;
    EXPECT_TRUE(catalogue().empty());
}

TEST_F(MarcCli, SkipBadImportsTheGoodRecordsAndListsTheOthers) {
    const auto run = import("bad.mrc", {"--skip-bad", "--json"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto answer = run.parsed();
    EXPECT_EQ(answer["records"], 6);
    EXPECT_EQ(answer["titles_added"], 2);
    EXPECT_EQ(answer["skipped"], 4);
    ASSERT_EQ(answer["errors"].size(), 4U);
    EXPECT_EQ(answer["errors"][0]["record"], 2);
    EXPECT_EQ(catalogue().size(), 2U);
}

TEST_F(MarcCli, ADryRunCountsAndWritesNothing) {
    const auto run = import("rusmarc_utf8.mrc", {"--dry-run"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("2 titles added"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Dry run: nothing was written."), std::string::npos) << run.out;
    EXPECT_TRUE(catalogue().empty());
}

TEST_F(MarcCli, TheSameIsbnUpdatesTheTitleAndTheSameFileChangesNothing) {
    ASSERT_EQ(import("marc21.mrc").exit_code, 0);
    EXPECT_EQ(import("marc21.xml", {"--json"}).parsed()["titles_added"], 0);
    write("newer.xml", R"(<record xmlns="http://www.loc.gov/MARC21/slim">
        <leader>00000nam a2200000 i 4500</leader>
        <datafield tag="020" ind1=" " ind2=" "><subfield code="a">9786010701014</subfield></datafield>
        <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Абай жолы :</subfield><subfield code="b">роман-эпопея</subfield></datafield>
        <datafield tag="250" ind1=" " ind2=" "><subfield code="a">3-бас.</subfield></datafield>
        <datafield tag="952" ind1=" " ind2=" "><subfield code="p">100009</subfield></datafield>
      </record>)");

    const auto run = kitap({"import", "marc", "newer.xml", "--json"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.parsed(), json::parse(R"({"records": 1, "titles_added": 0, "titles_updated": 1,
                                            "copies_added": 1, "skipped": 0, "errors": []})"));
    const auto titles = catalogue();
    ASSERT_EQ(titles.size(), 3U);
    EXPECT_NE(titles[1].find("|3-бас.|480 б.|"), std::string::npos) << titles[1];
    EXPECT_NE(titles[1].find("100009@"), std::string::npos) << titles[1];
}

TEST_F(MarcCli, AnExportImportedIntoAnEmptyDatabaseGivesTheSameTitlesAndCopies) {
    ASSERT_EQ(import("marc21.mrc").exit_code, 0);
    ASSERT_EQ(import("rusmarc_cp1251.mrc").exit_code, 0);
    {  // a class set's textbook, counted by title: kept a textbook of its grade with its count
        SQLite::Database school(db().string(), SQLite::OPEN_READWRITE);
        school.exec("UPDATE title SET kind = 'textbook', grade = 7, stock = 25 WHERE id = (SELECT min(id) FROM title)");
    }
    const auto original = catalogue();

    for (const auto& [format, flavour] : {std::pair{"marcxml", "marc21"}, std::pair{"iso2709", "unimarc"},
                                          std::pair{"iso2709", "marc21"}, std::pair{"marcxml", "unimarc"}}) {
        const auto file = std::string("export-") + format + "-" + flavour;
        const auto exported = kitap({"export", "marc", "--format", format, "--flavour", flavour, "--out", file});
        ASSERT_EQ(exported.exit_code, 0) << exported.err;
        EXPECT_NE(exported.err.find("5 titles with 6 copies"), std::string::npos) << exported.err;
        const auto empty = dir_ / (file + ".db");
        const auto imported = kitap::testing::run_kitap({.binary = KITAP_BINARY,
                                                         .folder = dir_,
                                                         .db = empty,
                                                         .config_home = dir_,
                                                         .args = {"import", "marc", file, "--json"}});
        ASSERT_EQ(imported.exit_code, 0) << imported.err;
        EXPECT_EQ(imported.parsed()["titles_added"], 5);
        EXPECT_EQ(catalogue(empty), original) << format << " " << flavour;
    }
}

TEST_F(MarcCli, AnExportGoesToStandardOutputWithoutOut) {
    ASSERT_EQ(import("rusmarc_utf8.mrc").exit_code, 0);

    const auto run = kitap({"export", "marc"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("<collection"), std::string::npos);
    EXPECT_NE(run.out.find("Ана тілі"), std::string::npos);
    EXPECT_NE(run.out.find(R"(<datafield tag="952")"), std::string::npos);
}

// ---- Copy cataloguing against yaz-ztest ------------------------------------

class MarcFetchCli : public MarcCli {
protected:
    void SetUp() override {
        MarcCli::SetUp();
        server_.emplace(dir_ / "ztest.log");
    }
    void TearDown() override { server_.reset(); }

    std::optional<kitap::testing::ZtestServer> server_;
};

TEST_F(MarcFetchCli, FindsARecordByIsbn) {
    const auto run =
        kitap({"catalog", "fetch", "--isbn", "978-601-07-0101-4", "--server", server_->address(), "--json"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto answer = run.parsed();
    EXPECT_EQ(answer["server"], server_->address());
    EXPECT_GT(answer["found"].get<long long>(), 0);
    ASSERT_FALSE(answer["records"].empty());
    EXPECT_EQ(answer["records"][0], json::parse(R"({"title": "How to program a computer", "authors": "Jack Collins",
                                                    "isbn": null, "year": 1991})"));
    EXPECT_FALSE(std::filesystem::exists(db())) << "only shown: the library is not even opened";
}

TEST_F(MarcFetchCli, ImportsTheRecordUnderTheIsbnItWasFoundBy) {
    const auto run = kitap({"catalog", "fetch", "--isbn", "9786010701014", "--server", server_->address(), "--import"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("How to program a computer — Jack Collins"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("1 titles added"), std::string::npos) << run.out;
    const auto titles = catalogue();
    ASSERT_EQ(titles.size(), 1U);
    // 260 $a is the place (Penguin), 008/07-10 the year.
    EXPECT_NE(titles[0].find("|Jack Collins|9786010701014||1991|en|"), std::string::npos) << titles[0];
}

TEST_F(MarcFetchCli, AServerThatIsNotThereIsSaid) {
    const auto address = "127.0.0.1:" + std::to_string(free_port()) + "/Default";

    const auto run = kitap({"catalog", "fetch", "--isbn", "9786010701014", "--server", address});

    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find(address + ": "), std::string::npos) << run.err;
}

TEST_F(MarcFetchCli, TheConfiguredServersAreAskedInTurnUntilOneAnswers) {
    const auto gone = "127.0.0.1:" + std::to_string(free_port()) + "/Default";
    std::filesystem::create_directories(dir_ / "kitap");
    write("kitap/kitap.toml", "[catalogue]\nservers = [\"" + gone + "\", \"" + server_->address() + "\"]\n");

    const auto run = kitap({"catalog", "fetch", "--isbn", "9786010701014", "--json"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.parsed()["server"], server_->address());
    EXPECT_NE(run.err.find(gone + ": "), std::string::npos) << "the one that did not answer is said: " << run.err;
}

TEST_F(MarcFetchCli, ABadIsbnOrNoServerIsRefusedBeforeAsking) {
    EXPECT_EQ(kitap({"catalog", "fetch", "--isbn", "978-601-07-0101-5", "--server", server_->address()}).exit_code, 2);
    EXPECT_EQ(kitap({"catalog", "fetch", "--isbn", "9786010701014"}).exit_code, 2);
}

}  // namespace
