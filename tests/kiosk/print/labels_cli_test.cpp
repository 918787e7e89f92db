// `kitap labels ...` end to end on a demo school: every label printed is
// rendered at 300 dpi and decoded, and must read exactly the code the database holds.
#include "core/demo/demo_codes.hpp"
#include "kiosk/print/command_sheet.hpp"
#include "kiosk/print/sheet_layout.hpp"
#include "support/demo_library.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace kitap::testing {
namespace {

// What each label of the PDF decodes to, label after label, page after page.
std::vector<std::string> decoded(const std::filesystem::path& pdf, const printing::SheetLayout& layout) {
    std::vector<std::string> codes;
    for (const auto& page : render_pdf(pdf))
        for (int index = 0; index < layout.per_page(); ++index)
            if (auto code = decode_region(page, layout.label(index))) codes.push_back(*code);
    return codes;
}

printing::SheetLayout layout(const std::string& name) { return *printing::label_layout(name); }

std::vector<std::string> sorted(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    return values;
}

class LabelsCli : public DemoLibrary {
protected:
    std::string largest_inventory_number() {
        return value("SELECT max(barcode) FROM copy WHERE barcode GLOB '1[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'");
    }

    // The inventory numbers after `last`: '1', the next sequences, a Luhn check digit.
    static std::vector<std::string> numbers_after(const std::string& last, int count) {
        std::vector<std::string> numbers;
        const int sequence = std::stoi(last.substr(1, 6));
        for (int i = 1; i <= count; ++i) numbers.push_back(core::demo::numbered_label('1', sequence + i));
        return numbers;
    }

    std::string some_isbn() {
        return value("SELECT isbn FROM title WHERE kind = 'fiction' AND isbn IS NOT NULL LIMIT 1");
    }
    int copies_of(const std::string& isbn) {
        return std::stoi(
            value("SELECT count(*) FROM copy c JOIN title t ON t.id = c.title_id WHERE t.isbn = '" + isbn + "'"));
    }
};

TEST_F(LabelsCli, NewCopiesOfATitleTakeTheNextNumbersAndTheirLabelsReadThem) {
    const auto isbn = some_isbn();
    const int before = copies_of(isbn);
    const auto expected = numbers_after(largest_inventory_number(), 5);
    const auto run = kitap({"labels", "copies", "--new", "5", "--title", isbn, "--out", file("new.pdf")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(copies_of(isbn), before + 5);
    EXPECT_EQ(column("SELECT c.barcode FROM copy c JOIN title t ON t.id = c.title_id WHERE t.isbn = '" + isbn +
                     "' ORDER BY c.id DESC LIMIT 5"),
              (std::vector<std::string>{expected.rbegin(), expected.rend()}));
    EXPECT_EQ(value("SELECT count(*) FROM event WHERE action = 'copy_added' AND detail >= '" + expected.front() + "'"),
              "5");
    EXPECT_EQ(value("SELECT detail FROM event WHERE action = 'inventory_numbers'"),
              expected.front() + ".." + expected.back());
    EXPECT_EQ(decoded(file("new.pdf"), layout("a4-3x8")), expected);
}

TEST_F(LabelsCli, NumbersWithoutATitleAreReservedAndNotGivenTwice) {
    const auto first = numbers_after(largest_inventory_number(), 3);
    const auto reserved = kitap({"labels", "copies", "--new", "3", "--out", file("spare.pdf")});
    ASSERT_EQ(reserved.exit_code, 0) << reserved.err;
    EXPECT_NE(reserved.out.find(first.front()), std::string::npos) << reserved.out;
    EXPECT_LT(largest_inventory_number(), first.front());  // no copies made
    EXPECT_EQ(decoded(file("spare.pdf"), layout("a4-3x8")), first);

    const auto next = numbers_after(first.back(), 2);
    ASSERT_EQ(kitap({"labels", "copies", "--new", "2", "--title", some_isbn(), "--out", file("next.pdf")}).exit_code,
              0);
    EXPECT_EQ(decoded(file("next.pdf"), layout("a4-3x8")), next);
}

TEST_F(LabelsCli, ListedCopiesInCodabarFortyToASheet) {
    const auto codes = column("SELECT barcode FROM copy ORDER BY id LIMIT 45");
    std::vector<std::string> args{"labels",  "copies", "--symbology",       "codabar", "--layout",
                                  "a4-4x10", "--out",  file("codabar.pdf"), "--copy"};
    args.insert(args.end(), codes.begin(), codes.end());
    const auto run = kitap(args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(render_pdf(file("codabar.pdf")).size(), 2u);
    EXPECT_EQ(decoded(file("codabar.pdf"), layout("a4-4x10")), codes);
}

TEST_F(LabelsCli, ARangeOnTheLabelPrintersRollOneLabelAPage) {
    const auto codes = column("SELECT barcode FROM copy WHERE status = 'in_fund' ORDER BY barcode LIMIT 6");
    ASSERT_EQ(kitap({"labels", "copies", "--from", codes.back(), "--to", codes.front(), "--layout", "roll-58", "--out",
                     file("roll.pdf")})
                  .exit_code,
              0);
    EXPECT_EQ(decoded(file("roll.pdf"), layout("roll-58")), codes);
}

TEST_F(LabelsCli, TheConfiguredStockAndItsMarginsAreUsed) {
    std::ofstream(file("kitap.toml")) << "[labels]\nlayout = \"a4-2x7\"\nmargin_top_mm = 25\nmargin_left_mm = 6\n"
                                         "library_name = \"№ 12 мектеп\"\n";
    const auto codes = column("SELECT barcode FROM copy ORDER BY id LIMIT 14");
    std::vector<std::string> args{"--config", file("kitap.toml"),  "labels", "copies",
                                  "--out",    file("margins.pdf"), "--copy"};
    args.insert(args.end(), codes.begin(), codes.end());
    ASSERT_EQ(kitap(args).exit_code, 0);
    const auto shifted = printing::with_margins(layout("a4-2x7"), {.top = 25.0, .left = 6.0});
    EXPECT_EQ(decoded(file("margins.pdf"), shifted), codes);
    EXPECT_NE(pdf_text(file("margins.pdf")).find("№ 12 мектеп"), std::string::npos);
}

TEST_F(LabelsCli, AWrongLabelSettingNamesItsFileLineAndKey) {
    std::ofstream(file("kitap.toml")) << "[labels]\nlayout = \"a4-3x8\"\nmargin_top_mm = -3\n";
    const auto run = kitap({"--config", file("kitap.toml"), "labels", "commands", "--out", file("x.pdf")});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("kitap.toml:3: labels.margin_top_mm"), std::string::npos) << run.err;
    std::ofstream(file("layout.toml")) << "[labels]\nlayout = \"a4-9x9\"\n";
    EXPECT_EQ(kitap({"--config", file("layout.toml"), "labels", "copies", "--copy", "10000017", "--out", file("x.pdf")})
                  .exit_code,
              2);
    EXPECT_FALSE(std::filesystem::exists(file("x.pdf")));
}

TEST_F(LabelsCli, RefusalsChangeNothing) {
    const auto copies = value("SELECT count(*) FROM copy");
    EXPECT_EQ(kitap({"labels", "copies", "--new", "0", "--out", file("x.pdf")}).exit_code, 2);
    const auto unknown_title =
        kitap({"labels", "copies", "--new", "3", "--title", "9780000000002", "--out", file("x.pdf")});
    EXPECT_EQ(unknown_title.exit_code, 2);
    EXPECT_NE(unknown_title.err.find("9780000000002"), std::string::npos);
    const auto unknown_copy = kitap({"labels", "copies", "--copy", "99999997", "--out", file("x.pdf")});
    EXPECT_EQ(unknown_copy.exit_code, 2);
    EXPECT_NE(unknown_copy.err.find("99999997"), std::string::npos);
    EXPECT_EQ(kitap({"labels", "copies", "--copy", "10000017", "--layout", "a4-9x9", "--out", file("x.pdf")}).exit_code,
              2);
    EXPECT_EQ(kitap({"labels", "copies", "--new", "2", "--copy", "10000017", "--out", file("x.pdf")}).exit_code, 2);
    EXPECT_EQ(kitap({"labels", "copies", "--out", file("x.pdf")}).exit_code, 2);
    EXPECT_EQ(value("SELECT count(*) FROM copy"), copies);
    EXPECT_EQ(value("SELECT count(*) FROM event WHERE action = 'inventory_numbers'"), "0");
    EXPECT_EQ(value("SELECT count(*) FROM setting WHERE key LIKE 'inventory%'"), "0");
    EXPECT_FALSE(std::filesystem::exists(file("x.pdf")));
}

TEST_F(LabelsCli, ReaderCardsOfAClassCarryTheirNamesInKazakh) {
    const auto school_year = value("SELECT max(school_year) FROM school_class");
    const std::string where =
        " FROM reader r JOIN school_class c ON c.id = r.class_id WHERE c.grade = 5 AND "
        "c.letter = 'Ә' AND c.school_year = '" +
        school_year + "' AND r.status = 'active'";
    const auto cards = column("SELECT r.card" + where);
    ASSERT_FALSE(cards.empty());
    const auto run = kitap({"labels", "readers", "--class", "5ә", "--out", file("cards.pdf")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(sorted(decoded(file("cards.pdf"), printing::reader_card_layout())), sorted(cards));
    const auto text = pdf_text(file("cards.pdf"));
    for (const auto& name : column("SELECT r.full_name" + where)) EXPECT_NE(text.find(name), std::string::npos) << name;
    EXPECT_NE(text.find("ОҚЫРМАН БИЛЕТІ"), std::string::npos);
    EXPECT_NE(text.find("5Ә сынып"), std::string::npos);
}

TEST_F(LabelsCli, ReaderCardsByCardAndForEveryone) {
    const auto cards = column("SELECT card FROM reader WHERE category = 'teacher' ORDER BY card LIMIT 3");
    std::vector<std::string> args{"labels", "readers", "--out", file("some.pdf"), "--card"};
    args.insert(args.end(), cards.begin(), cards.end());
    ASSERT_EQ(kitap(args, "ru").exit_code, 0);
    EXPECT_EQ(sorted(decoded(file("some.pdf"), printing::reader_card_layout())), cards);
    EXPECT_NE(pdf_text(file("some.pdf")).find("Учитель"), std::string::npos);

    ASSERT_EQ(kitap({"labels", "readers", "--all", "--out", file("all.pdf")}).exit_code, 0);
    const auto active = std::stoul(value("SELECT count(*) FROM reader WHERE status = 'active'"));
    EXPECT_EQ(render_pdf(file("all.pdf"), 10).size(), (active + 9) / 10);
    EXPECT_EQ(kitap({"labels", "readers", "--card", "29999990", "--out", file("x.pdf")}).exit_code, 2);
}

TEST_F(LabelsCli, TheCommandSheetGoesToStandardOutputInBothLanguages) {
    const auto run = kitap_to_file({"labels", "commands"}, file("commands.pdf"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(decoded(file("commands.pdf"), printing::command_sheet_layout()),
              (std::vector<std::string>{"KITAP-DONE", "KITAP-MODE-SELF", "KITAP-MODE-DESK", "KITAP-MODE-RETURN",
                                        "KITAP-MODE-STOCKTAKE", "KITAP-GOOD", "KITAP-WORN", "KITAP-DAMAGED",
                                        "KITAP-LOST", "KITAP-RENEW"}));
    const auto text = pdf_text(file("commands.pdf"));
    for (const char* meaning : {"Қайтару режимі", "Режим возврата", "Күйі: жоғалған", "Состояние: утеряно"})
        EXPECT_NE(text.find(meaning), std::string::npos) << meaning;
}

}  // namespace
}  // namespace kitap::testing
