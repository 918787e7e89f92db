// The fund's documents (write-off act, summary register, order, stocktake) as
// PDF and XLSX, from what the fund's core functions record on a demo school.
#include "core/db/database.hpp"
#include "core/fund/receipts.hpp"
#include "core/fund/writeoffs.hpp"
#include "core/reports/order_report.hpp"
#include "core/reports/register_report.hpp"
#include "core/reports/writeoff_act_sheet.hpp"
#include "core/stocktake/stocktake.hpp"
#include "kiosk/print/order_document.hpp"
#include "kiosk/print/pdf_report.hpp"
#include "kiosk/print/register_document.hpp"
#include "kiosk/print/stocktake_document.hpp"
#include "kiosk/print/writeoff_act_document.hpp"
#include "kiosk/print/xlsx_report.hpp"
#include "support/demo_library.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace kitap::testing {
namespace {

using namespace std::chrono;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class FundDocuments : public DemoLibrary {
protected:
    void SetUp() override {
        DemoLibrary::SetUp();
        db_.emplace(core::open_database(db_path()));
        today_ = core::local_date(now_);
    }

    printing::ReportContext context(app::Language language = app::Language::kk) {
        tr_.emplace(language);
        return {*tr_, "№ 12 мектеп", today_};
    }

    std::string textbook_isbn() {
        return value("SELECT isbn FROM title WHERE kind = 'textbook' AND stock > 50 LIMIT 1");
    }

    // Both formats of a document; the PDF's text.
    std::string written(const printing::ReportDocument& document, const std::string& name) {
        EXPECT_TRUE(printing::write_xlsx_report(file(name + ".xlsx"), document));
        EXPECT_TRUE(printing::write_pdf_report(file(name + ".pdf"), document));
        return pdf_text(file(name + ".pdf"));
    }

    std::optional<SQLite::Database> db_;
    std::optional<app::Translator> tr_;
    core::Timestamp now_ = time_point_cast<seconds>(system_clock::now());
    core::Date today_;
};

TEST_F(FundDocuments, AWriteOffActWithItsLinesSumsAndSignatures) {
    const auto isbn = textbook_isbn();
    core::LibraryStore store(*db_);
    core::Holds holds(store, 5);
    const auto done =
        core::write_off(*db_, holds, {.reason = core::WriteoffReason::worn, .isbn = isbn, .count = 3}, {.at = now_});
    ASSERT_TRUE(done) << done.error().key;
    const auto copy = value(
        "SELECT barcode FROM copy c WHERE status = 'in_fund' AND NOT EXISTS "
        "(SELECT 1 FROM loan l WHERE l.copy_id = c.id AND l.returned_at IS NULL) LIMIT 1");
    ASSERT_TRUE(core::write_off(*db_, holds,
                                {.reason = core::WriteoffReason::worn, .act = done->act.number, .barcodes = {copy}},
                                {.at = now_}));
    const auto act = core::writeoff_act_sheet(*db_, done->act.number);
    ASSERT_TRUE(act);
    ASSERT_EQ(act->lines.size(), 2u);
    EXPECT_EQ(act->lines[0].code, isbn);
    EXPECT_EQ(act->lines[1].code, copy);
    EXPECT_EQ(core::writeoff_act_sheet(*db_, "1999-999"), std::nullopt);

    const auto text = written(printing::writeoff_act_document(*act, context()), "act");
    for (const auto& part : {"Есептен шығару актісі № " + done->act.number, std::string("тозуы"), isbn, copy,
                             std::string("Комиссия төрағасы"), std::string("Барлығы")})
        EXPECT_TRUE(contains(text, part)) << part;
    const auto sheet = zip_member(file("act.xlsx"), "xl/worksheets/sheet1.xml");
    // The total row: copies (column D) and the sum (column F) as numbers.
    std::smatch total;
    ASSERT_TRUE(std::regex_search(sheet, total, std::regex("<c r=\"D([0-9]+)\" s=\"[0-9]+\"><v>4</v></c>")));
    EXPECT_TRUE(
        std::regex_search(sheet, std::regex("<c r=\"F" + total[1].str() + "\" s=\"[0-9]+\"><v>[0-9.]+</v></c>")));
}

TEST_F(FundDocuments, TheSummaryRegisterInRussian) {
    ASSERT_TRUE(core::receive(*db_, {.isbn = textbook_isbn(), .count = 25, .price_tiyn = 250050, .date = today_},
                              {.at = now_}));
    const auto report = core::register_report(*db_, core::school_year_of(today_));
    ASSERT_TRUE(report);
    const auto text = written(printing::register_document(*report, context(app::Language::ru)), "register");
    for (const char* part : {"Книга суммарного учёта фонда", "Фонд на начало (экз.)", "в т. ч. ветхость (экз.)",
                             "Фонд на конец (экз.)", "62 512,50"})  // 25 × 2 500,50
        EXPECT_TRUE(contains(text, part)) << part;
}

TEST_F(FundDocuments, NextYearsOrder) {
    const auto year = core::school_year_of(today_);
    const auto next =
        std::to_string(std::stoi(year.substr(0, 4)) + 1) + "-" + std::to_string(std::stoi(year.substr(0, 4)) + 2);
    const auto report = core::order_report(*db_, {.for_year = next, .today = today_});
    ASSERT_TRUE(report) << report.error().key;
    const auto text = written(printing::order_document(*report, context()), "order");
    EXPECT_TRUE(contains(text, next));
    EXPECT_TRUE(contains(text, report->lines.front().isbn));
    EXPECT_TRUE(contains(text, "Барлығы"));
}

TEST_F(FundDocuments, AFinishedStocktakeWithWhatWasMissingAndFound) {
    ASSERT_TRUE(core::start_stocktake(*db_, "kind:reference", {.at = now_}));
    const auto copy = value(
        "SELECT c.barcode FROM copy c JOIN title t ON t.id = c.title_id "
        "WHERE t.kind = 'fiction' AND c.status = 'in_fund' LIMIT 1");
    core::record_stocktake_scan(*db_, copy, now_);
    core::record_stocktake_scan(*db_, "NOT-A-CODE", now_);
    const auto report = core::finish_stocktake(*db_, {.at = now_});
    ASSERT_TRUE(report);
    const auto text = written(printing::stocktake_document(*report, context()), "stocktake");
    for (const char* part : {"Кітапхана қорын түгендеу нәтижесі", "Орнында жоқ даналар", "Артық табылған даналар",
                             "NOT-A-CODE", "Комиссия мүшесі"})
        EXPECT_TRUE(contains(text, part)) << part;
}

}  // namespace
}  // namespace kitap::testing
