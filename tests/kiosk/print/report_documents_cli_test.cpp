// `--format pdf|xlsx` of the reports end to end on a demo school: PDF text read
// back with pdftotext, XLSX parts with unzip, numbers checked to be numbers.
#include "support/demo_library.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace kitap::testing {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The value of a cell of a worksheet's XML when it is stored as a number.
std::optional<double> number_in(const std::string& sheet_xml, const std::string& cell) {
    std::smatch match;
    if (!std::regex_search(sheet_xml, match, std::regex("<c r=\"" + cell + "\"( s=\"[0-9]+\")?><v>([-0-9.]+)</v></c>")))
        return std::nullopt;
    return std::stod(match[2]);
}

std::vector<std::string> sheet_names(const std::filesystem::path& xlsx) {
    const auto workbook = zip_member(xlsx, "xl/workbook.xml");
    std::vector<std::string> names;
    const std::regex sheet("<sheet name=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(workbook.begin(), workbook.end(), sheet); it != std::sregex_iterator(); ++it)
        names.push_back((*it)[1]);
    return names;
}

class ReportDocumentsCli : public DemoLibrary {
protected:
    json annual_json() {
        const auto run = kitap({"report", "annual"});
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return json::parse(run.out);
    }
};

TEST_F(ReportDocumentsCli, AnnualJsonCarriesTheContractKeysForTheCurrentYear) {
    const auto figures = annual_json();
    for (const char* key : {"readers_total", "readers_grades_1_4", "readers_grades_5_9", "readers_grades_10_11",
                            "readers_teachers", "readers_others", "visits", "loans", "fund_start",
                            "fund_start_textbooks", "received_copies", "received_sum", "received_textbooks_copies",
                            "received_textbooks_sum", "written_off_copies", "written_off_sum", "stocktake_checked"})
        EXPECT_TRUE(figures.contains(key) && figures[key].is_number()) << key;
    EXPECT_GT(figures["readers_total"].get<long>(), 1000);
    EXPECT_EQ(figures["readers_total"].get<long>(),
              figures["readers_grades_1_4"].get<long>() + figures["readers_grades_5_9"].get<long>() +
                  figures["readers_grades_10_11"].get<long>() + figures["readers_teachers"].get<long>() +
                  figures["readers_others"].get<long>());
    EXPECT_EQ(
        figures["fund_start"].get<long>(),
        std::stol(value(
            "SELECT (SELECT sum(stock) FROM title) + (SELECT count(*) FROM copy WHERE status <> 'written_off')")));
    EXPECT_EQ(kitap({"report", "annual", "--year", "2023-2025"}).exit_code, 2);
}

TEST_F(ReportDocumentsCli, AnnualPdfInKazakhAndRussianWithTheYearBefore) {
    const auto year = annual_json()["school_year"].get<std::string>();
    ASSERT_EQ(kitap({"report", "annual", "--format", "pdf", "--out", file("kk.pdf")}).exit_code, 0);
    const auto kazakh = pdf_text(file("kk.pdf"));
    const auto before = std::to_string(std::stoi(year.substr(0, 4)) - 1) + "-" + year.substr(0, 4);
    for (const std::string& part : std::vector<std::string>{
             "Кітапхана жұмысының жылдық статистикалық есебі", "Оқырмандар саны", "оның ішінде 1–4 сынып оқушылары",
             "Жыл басындағы қор (дана)", year, before, "Kitap demo school", "Бет 1 / 1", "Мектеп директоры"})
        EXPECT_TRUE(contains(kazakh, part)) << part;
    ASSERT_EQ(kitap({"report", "annual", "--format", "pdf", "--out", file("ru.pdf")}, "ru").exit_code, 0);
    const auto russian = pdf_text(file("ru.pdf"));
    EXPECT_TRUE(contains(russian, "Число читателей"));
    EXPECT_TRUE(contains(russian, "Страница 1 из 1"));
}

TEST_F(ReportDocumentsCli, AnnualXlsxHoldsNumbersAsNumbers) {
    const auto figures = annual_json();
    ASSERT_EQ(kitap({"report", "annual", "--format", "xlsx", "--out", file("annual.xlsx")}).exit_code, 0);
    EXPECT_EQ(run("unzip -tq " + quoted(file("annual.xlsx").string()) + " > /dev/null"), 0);
    const auto sheet = zip_member(file("annual.xlsx"), "xl/worksheets/sheet1.xml");
    // Title, school, date, a blank row, the period, the header: the figures start on row 7, this year in column C.
    EXPECT_EQ(number_in(sheet, "C7"), figures["readers_total"].get<double>());
    EXPECT_EQ(number_in(sheet, "C14"), figures["loans"].get<double>());
    EXPECT_EQ(number_in(sheet, "C18"), figures["received_sum"].get<double>());
    EXPECT_EQ(number_in(sheet, "B7"), 0.0);  // the demo's history starts this year
    EXPECT_TRUE(contains(zip_member(file("annual.xlsx"), "xl/sharedStrings.xml"), "Оқырмандар саны"));
    EXPECT_TRUE(contains(zip_member(file("annual.xlsx"), "xl/styles.xml"), "#,##0.00"));
    EXPECT_EQ(sheet_names(file("annual.xlsx")), std::vector<std::string>{figures["school_year"].get<std::string>()});
}

TEST_F(ReportDocumentsCli, ProvisionOfAClassAsPdfAndXlsx) {
    ASSERT_EQ(kitap({"report", "provision", "--class", "5Ә", "--format", "pdf", "--out", file("p.pdf")}).exit_code, 0);
    const auto text = pdf_text(file("p.pdf"));
    EXPECT_TRUE(contains(text, "Сыныптардың оқулықтармен қамтамасыз етілуі"));
    EXPECT_TRUE(contains(text, "5Ә"));
    EXPECT_TRUE(contains(text, "Қазақ тілі"));
    ASSERT_EQ(kitap({"report", "provision", "--class", "5Ә", "--format", "xlsx", "--out", file("p.xlsx")}).exit_code,
              0);
    const auto sheet = zip_member(file("p.xlsx"), "xl/worksheets/sheet1.xml");
    const auto pupils = number_in(sheet, "C7");
    ASSERT_TRUE(pupils);
    EXPECT_GT(*pupils, 10);
    EXPECT_TRUE(number_in(sheet, "F7"));  // the percentage, a number too
    EXPECT_EQ(kitap({"report", "provision", "--class", "5Z", "--format", "pdf", "--out", file("x.pdf")}).exit_code, 2);
}

TEST_F(ReportDocumentsCli, DebtorsOnAPageAndASheetPerClassForItsTeacher) {
    const auto json_run = kitap({"report", "debtors", "--format", "json"});
    ASSERT_EQ(json_run.exit_code, 0);
    const auto classes = json::parse(json_run.out);
    ASSERT_GT(classes.size(), 5u);
    ASSERT_EQ(kitap({"report", "debtors", "--format", "pdf", "--out", file("d.pdf")}).exit_code, 0);
    EXPECT_GE(render_pdf(file("d.pdf"), 10).size(), classes.size());
    const auto text = pdf_text(file("d.pdf"));
    EXPECT_TRUE(contains(text, "Сынып жетекшісі"));
    for (const auto& group : classes) {
        if (group["class"].is_null()) continue;
        EXPECT_TRUE(contains(text, group["class"].get<std::string>() + " сыныбы")) << group["class"];
        EXPECT_TRUE(contains(text, group["debtors"][0]["items"][0]["code"].get<std::string>()));
    }
    ASSERT_EQ(kitap({"report", "debtors", "--format", "xlsx", "--out", file("d.xlsx")}, "ru").exit_code, 0);
    const auto names = sheet_names(file("d.xlsx"));
    EXPECT_EQ(names.size(), classes.size());
    EXPECT_EQ(names.front(), classes[0]["class"].get<std::string>());
}

TEST_F(ReportDocumentsCli, AClearanceSheetNamesWhatIsOwed) {
    const auto card = value(
        "SELECT r.card FROM reader r JOIN loan l ON l.reader_id = r.id WHERE l.returned_at IS NULL "
        "AND r.category = 'pupil' LIMIT 1");
    const auto name = value("SELECT full_name FROM reader WHERE card = '" + card + "'");
    ASSERT_EQ(kitap({"clearance", card, "--format", "pdf", "--out", file("c.pdf")}).exit_code, 0);
    const auto text = pdf_text(file("c.pdf"));
    EXPECT_TRUE(contains(text, name));
    EXPECT_TRUE(contains(text, "Қайтарылмаған кітаптар"));
    EXPECT_TRUE(contains(text, "Кітапханашы"));
    ASSERT_EQ(kitap({"clearance", card, "--format", "xlsx", "--out", file("c.xlsx")}).exit_code, 0);
    EXPECT_EQ(sheet_names(file("c.xlsx")), std::vector<std::string>{card});
    EXPECT_EQ(kitap({"clearance", "29999990", "--format", "pdf", "--out", file("x.pdf")}).exit_code, 2);
    EXPECT_EQ(kitap({"clearance", card, "--format", "pdf", "--json"}).exit_code, 2);
}

}  // namespace
}  // namespace kitap::testing
