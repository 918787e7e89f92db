#include "kiosk/answers/report_answers.hpp"

#include "tests/kiosk/answers/answers_fixture.hpp"
#include "tests/support/shell.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace kitap::testing {
namespace {

using answers::ReportKind;
using answers::ReportRequest;
using nlohmann::json;

class ReportAnswers : public AnswersFixture {
protected:
    void SetUp() override { add_small_school(); }

    answers::Document document(const ReportRequest& request) {
        const auto answer = answers::report_answer(context(), request);
        EXPECT_TRUE(answer.has_value()) << (answer ? "" : answer.error().message);
        if (!answer || !std::holds_alternative<answers::Document>(*answer)) return {};
        return std::get<answers::Document>(*answer);
    }

    answers::Problem problem(const ReportRequest& request) {
        const auto answer = answers::report_answer(context(), request);
        EXPECT_FALSE(answer.has_value());
        return answer ? answers::Problem{} : answer.error();
    }

    static const core::Date june_tenth;
};

const core::Date ReportAnswers::june_tenth{std::chrono::year{2024}, std::chrono::month{6}, std::chrono::day{10}};

TEST_F(ReportAnswers, KindsHaveTheRoutesWords) {
    for (const char* word : {"provision", "debtors", "register", "order", "annual", "clearance"}) {
        const auto kind = answers::report_kind_from(word);
        ASSERT_TRUE(kind) << word;
        EXPECT_EQ(answers::to_string(*kind), word);
    }
    EXPECT_FALSE(answers::report_kind_from("secrets"));
}

TEST_F(ReportAnswers, DebtorsAsJson) {
    const auto answer = answers::report_answer(context(june_tenth), {.kind = ReportKind::debtors, .format = "json"});
    ASSERT_TRUE(answer) << answer.error().message;
    const auto& classes = std::get<json>(*answer);
    ASSERT_EQ(classes.size(), 1u);
    EXPECT_EQ(classes[0]["class"], "5Ә");
    EXPECT_EQ(classes[0]["debtors"][0]["card"], "20000014");
    EXPECT_EQ(classes[0]["debtors"][0]["items"].size(), 2u);
}

TEST_F(ReportAnswers, DebtorsAsCsvNamedByTheirDay) {
    const auto csv =
        answers::report_answer(context(june_tenth), {.kind = ReportKind::debtors, .format = "csv", .class_name = "5ә"});
    ASSERT_TRUE(csv) << csv.error().message;
    const auto& file = std::get<answers::Document>(*csv);
    EXPECT_EQ(file.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(file.filename, "debtors-5Ә-2024-06-10.csv");
    EXPECT_EQ(file.bytes.substr(0, file.bytes.find("\r\n")), "class,card,name,code,title,kind,quantity,due");
    EXPECT_NE(file.bytes.find("20000014"), std::string::npos);
}

TEST_F(ReportAnswers, DebtorsAsOfAnotherDay) {
    const auto none = answers::report_answer(context(june_tenth),
                                             {.kind = ReportKind::debtors, .format = "json", .as_of = "2024-05-01"});
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_TRUE(std::get<json>(*none).empty()) << "nothing was overdue on 1 May";
}

TEST_F(ReportAnswers, ProvisionAsPdf) {
    const auto pdf = document({.kind = ReportKind::provision, .format = "pdf"});
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_EQ(pdf.filename, "provision.pdf");
    EXPECT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
}

TEST_F(ReportAnswers, DebtorsAsAnXlsxThatUnzips) {
    const auto xlsx = answers::report_answer(context(june_tenth), {.kind = ReportKind::debtors, .format = "xlsx"});
    ASSERT_TRUE(xlsx) << xlsx.error().message;
    const auto& file = std::get<answers::Document>(*xlsx);
    EXPECT_EQ(file.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(file.filename, "debtors-2024-06-10.xlsx");
    TempDir folder;
    std::ofstream(folder / "debtors.xlsx", std::ios::binary) << file.bytes;
    EXPECT_EQ(run("unzip -tq " + quoted((folder / "debtors.xlsx").string()) + " > /dev/null"), 0);
    EXPECT_EQ(run("unzip -p " + quoted((folder / "debtors.xlsx").string()) +
                  " xl/sharedStrings.xml | grep -q 'Pupil 20000014'"),
              0);
}

TEST_F(ReportAnswers, ClearanceAsJsonAndText) {
    const auto answer = answers::report_answer(context(), {.kind = ReportKind::clearance, .card = "20000014"});
    ASSERT_TRUE(answer) << answer.error().message;
    const auto& clearance = std::get<json>(*answer);
    EXPECT_EQ(clearance["clear"], false);
    EXPECT_EQ(clearance["items"].size(), 2u);
    const auto text = document({.kind = ReportKind::clearance, .format = "text", .card = "20000022"});
    EXPECT_EQ(text.content_type, "text/plain; charset=utf-8");
    EXPECT_NE(text.bytes.find("Pupil 20000022"), std::string::npos) << text.bytes;
}

TEST_F(ReportAnswers, AnnualJsonKeepsTheReportsOrder) {
    const auto annual = document({.kind = ReportKind::annual, .format = "json", .year = "2023-2024"});
    EXPECT_EQ(annual.content_type, "application/json");
    EXPECT_EQ(annual.filename, "annual-2023-2024.json");
    EXPECT_EQ(annual.bytes.rfind("{\n  \"school_year\": \"2023-2024\",\n  \"first_day\"", 0), 0u) << annual.bytes;
    EXPECT_EQ(json::parse(annual.bytes)["last_day"], "2024-08-31");
}

TEST_F(ReportAnswers, AFormatTheReportLacksIsABadRequest) {
    const auto wrong = problem({.kind = ReportKind::annual, .format = "csv"});
    EXPECT_EQ(wrong.kind, answers::ProblemKind::bad_request);
    EXPECT_EQ(wrong.code, "bad_format");
    EXPECT_EQ(wrong.details, (json{{"parameter", "format"}}));
    EXPECT_EQ(wrong.message, "The annual report comes as json, pdf, xlsx, not \"csv\".");
    EXPECT_EQ(problem({.kind = ReportKind::provision, .format = "docx"}).code, "bad_format");
}

TEST_F(ReportAnswers, MalformedParametersAreBadRequests) {
    const auto bad_class = problem({.kind = ReportKind::provision, .class_name = "5Ә<script>"});
    EXPECT_EQ(bad_class.code, "bad_class");
    EXPECT_EQ(bad_class.details["parameter"], "class");
    const auto bad_date = problem({.kind = ReportKind::debtors, .as_of = "June"});
    EXPECT_EQ(bad_date.code, "bad_date");
    EXPECT_EQ(bad_date.details["parameter"], "as_of");
    EXPECT_EQ(bad_date.message, "\"June\" is not a date such as 2024-06-01.");
    EXPECT_EQ(problem({.kind = ReportKind::annual, .year = "2023-2025"}).code, "bad_year");
    for (const auto kind : {ReportKind::order, ReportKind::clearance}) {
        const auto missing = problem({.kind = kind});
        EXPECT_EQ(missing.kind, answers::ProblemKind::bad_request);
        EXPECT_EQ(missing.code, "missing_parameter");
    }
}

TEST_F(ReportAnswers, AnUnknownReadersClearanceIsNotFound) {
    const auto unknown = problem({.kind = ReportKind::clearance, .card = "99999999"});
    EXPECT_EQ(unknown.kind, answers::ProblemKind::not_found);
    EXPECT_EQ(unknown.code, "unknown_reader");
}

TEST_F(ReportAnswers, ACardDoesNotSteerTheFileName) {
    add_pupil("../x\"y", class_5a);
    const auto pdf = document({.kind = ReportKind::clearance, .format = "pdf", .card = "../x\"y"});
    EXPECT_EQ(pdf.filename, "clearance-___x_y.pdf");
    EXPECT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
}

TEST_F(ReportAnswers, TheRegistersRefusalKeepsItsReason) {
    const auto refused = problem({.kind = ReportKind::fund_register, .year = "2023"});
    EXPECT_EQ(refused.kind, answers::ProblemKind::bad_request);
    EXPECT_FALSE(refused.message.empty());
}

TEST_F(ReportAnswers, AnUnknownActIsNotFound) {
    const auto unknown = answers::writeoff_act_answer(context(), "2024-99", "pdf");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "unknown_act");
    EXPECT_EQ(answers::writeoff_act_answer(context(), "2024-99", "csv").error().code, "bad_format");
}

}  // namespace
}  // namespace kitap::testing
