#include "kiosk/answers/import_answer.hpp"

#include "tests/kiosk/answers/answers_test_library.hpp"
#include "tests/support/shell.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <thread>

namespace kitap::answers {
namespace {

using nlohmann::json;
using workbook::XlsChild;

constexpr const char* roster =
    "ФИО;Класс;Номер карты\n"
    "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
    "Нұрланұлы Ерасыл;5Ә;20000022\n";

class ImportAnswer : public testing::AnswersTest {
protected:
    long long readers() { return count("SELECT COUNT(*) FROM reader"); }

    std::filesystem::path write(const std::string& name, const std::string& bytes) {
        const auto path = school.dir() / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    AnswerOr import_xls(const std::string& bytes, XlsChild::Start start, bool dry_run = false) {
        return import_answer(library, tr,
                             {.kind = ImportKind::readers,
                              .file = UploadedFile{bytes, "rosters.xls"},
                              .dry_run = dry_run,
                              .all_sheets = true,
                              .now = now(),
                              .xls_child = {.start = start, .program = KITAP_BINARY}});
    }
};

TEST_F(ImportAnswer, CountsWhatWasWrittenAsTheCliPrintsThem) {
    const auto answer = json_of(import_text(ImportKind::readers, roster, false, "5Ә.csv"));
    EXPECT_EQ(answer, (json{{"file", "5Ә.csv"},
                            {"kind", "readers"},
                            {"dry_run", false},
                            {"rows", 2},
                            {"added", 2},
                            {"updated", 0},
                            {"unchanged", 0},
                            {"notes", json::array()}}));
    EXPECT_EQ(readers(), 2);
    EXPECT_EQ(json_of(import_text(ImportKind::readers, roster))["unchanged"], 2);
}

TEST_F(ImportAnswer, ADryRunCountsAndChangesNothing) {
    const auto answer = json_of(import_text(ImportKind::readers, roster, true));
    EXPECT_EQ(answer["dry_run"], true);
    EXPECT_EQ(answer["added"], 2);
    EXPECT_EQ(readers(), 0);
}

TEST_F(ImportAnswer, BadRowsAreListedByLineAndNothingIsWritten) {
    const auto problem = problem_of(import_text(ImportKind::readers,
                                                "ФИО;Класс;Номер карты\n"
                                                "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
                                                ";5Ә;20000022\n"
                                                "Петров Иван;99Я;20000030\n"));
    EXPECT_EQ(problem.kind, ProblemKind::bad_rows);
    EXPECT_EQ(problem.code, "bad_rows");
    EXPECT_EQ(problem.message, tr("import.failed", {{"count", "2"}}));
    const auto& rows = problem.details["rows"];
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["line"], 3);
    EXPECT_EQ(rows[1]["line"], 4);
    EXPECT_FALSE(rows[0]["message"].get<std::string>().empty());
    EXPECT_FALSE(rows[0].contains("sheet"));
    EXPECT_EQ(readers(), 0);
}

TEST_F(ImportAnswer, AnUploadAnswersAsTheSameFileOnDisk) {
    const auto path = write("5Ә.csv", roster);
    const auto from_file =
        json_of(import_answer(library, tr, {.kind = ImportKind::readers, .file = path, .dry_run = true, .now = now()}));
    auto from_upload = json_of(import_text(ImportKind::readers, roster, true, "5Ә.csv"));
    EXPECT_EQ(from_file["file"], path.string());
    from_upload["file"] = path.string();
    EXPECT_EQ(from_upload, from_file);
}

TEST_F(ImportAnswer, OversizedAndUnreadableFilesAreRefused) {
    const auto too_large =
        problem_of(import_text(ImportKind::catalog, std::string(core::import_limits::max_file_bytes + 1, 'a')));
    EXPECT_EQ(too_large.kind, ProblemKind::bad_rows);
    EXPECT_EQ(too_large.details["rows"][0]["message"],
              tr("import.error.file_too_large", {{"size", "20 971 521"}, {"max", "20 971 520"}, {"max_mb", "20"}}));
    const auto missing = problem_of(
        import_answer(library, tr, {.kind = ImportKind::catalog, .file = school.dir() / "missing.csv", .now = now()}));
    EXPECT_EQ(missing.kind, ProblemKind::bad_request);
    EXPECT_EQ(missing.code, "unreadable_file");
}

TEST_F(ImportAnswer, KindsByTheirRouteNames) {
    EXPECT_EQ(import_kind_from("curriculum"), ImportKind::curriculum);
    EXPECT_EQ(to_string(ImportKind::catalog), "catalog");
    EXPECT_FALSE(import_kind_from("books"));
}

// ---- .xls in a fresh process (the server's way) -------------------------------

TEST_F(ImportAnswer, ASpawnedXlsReaderAnswersAsAForkedOne) {
    const auto bytes = testing::slurp(KITAP_WORKBOOK_FIXTURES "/rosters.xls");
    const auto spawned = json_of(import_xls(bytes, XlsChild::Start::spawn, true));
    const auto forked = json_of(import_xls(bytes, XlsChild::Start::fork, true));
    EXPECT_EQ(spawned, forked);
    EXPECT_GT(spawned["added"].get<int>(), 0);
    json_of(import_xls(bytes, XlsChild::Start::spawn));
    EXPECT_EQ(readers(), spawned["added"].get<int>());
}

TEST_F(ImportAnswer, ABrokenXlsInASpawnedReaderChangesNothing) {
    for (const auto& bytes : {testing::slurp(KITAP_WORKBOOK_FIXTURES "/freexl_stack_overread.xls"),
                              testing::slurp(KITAP_WORKBOOK_FIXTURES "/rosters.xls").substr(0, 1000)}) {
        const auto problem = problem_of(import_xls(bytes, XlsChild::Start::spawn));
        EXPECT_EQ(problem.kind, ProblemKind::bad_rows);
        ASSERT_EQ(problem.details["rows"].size(), 1u);
        EXPECT_EQ(problem.details["rows"][0]["line"], 0);
        EXPECT_NE(problem.details["rows"][0]["message"].get<std::string>().find("cannot be read"), std::string::npos)
            << problem.details.dump();
    }
    EXPECT_EQ(readers(), 0);
}

// A program that is not a `kitap` (or a kitap that dies) sends no table: a broken workbook.
TEST_F(ImportAnswer, ASpawnedReaderThatSendsNothingIsABrokenWorkbook) {
    const auto bytes = testing::slurp(KITAP_WORKBOOK_FIXTURES "/rosters.xls");
    for (const auto* program : {"/bin/true", "/bin/false"}) {
        const auto table = workbook::read_workbook(bytes, {}, {.start = XlsChild::Start::spawn, .program = program});
        ASSERT_FALSE(table) << program;
        EXPECT_EQ(table.error().key, "import.error.workbook_broken");
    }
}

// With another thread running, fork() is unsafe: the automatic choice spawns (here a
// program that fails, so the spawn shows).
TEST_F(ImportAnswer, AMultiThreadedCallerSpawnsTheXlsReader) {
    const auto bytes = testing::slurp(KITAP_WORKBOOK_FIXTURES "/rosters.xls");
    const XlsChild automatic{.start = XlsChild::Start::automatic, .program = "/bin/false"};
    EXPECT_TRUE(workbook::read_workbook(bytes, {}, automatic));  // one thread: forked, the program unused
    std::promise<void> stop;
    std::thread other([done = stop.get_future()]() mutable { done.wait(); });
    const auto table = workbook::read_workbook(bytes, {}, automatic);
    stop.set_value();
    other.join();
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().key, "import.error.workbook_broken");
}

}  // namespace
}  // namespace kitap::answers
