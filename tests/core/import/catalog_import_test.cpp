#include "core/import/catalog_import.hpp"

#include "core/codes/check_digits.hpp"
#include "core/import/import_test_support.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>
#include <iconv.h>

#include <chrono>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace kitap::core {
namespace {

using testing::described;
using testing::encoded;
using testing::utf16be_with_bom;
using testing::utf16le_with_bom;

// ---- Files as school offices save them -------------------------------------

using Lines = std::vector<std::string>;

// A valid ISBN-13 from its first twelve digits.
std::string isbn(std::string_view twelve) { return std::string(twelve) + ean13_check_digit(twelve); }

// "978-601-07-0001-7": as printed on the back of the book.
std::string hyphenated(std::string_view isbn13) {
    const std::string s(isbn13);
    return s.substr(0, 3) + "-" + s.substr(3, 3) + "-" + s.substr(6, 2) + "-" + s.substr(8, 4) + "-" + s.substr(12);
}

const std::string math5_kk = isbn("978601070001");
const std::string kazakh5_kk = isbn("978601070002");
const std::string math5_ru = isbn("978601070003");

const std::string kazakh_catalog =
    "Атауы;Авторлары;ISBN;Баспа;Жылы;Тілі;Түрі;Сынып;Пән;Бағасы;Саны;Инвентарлық нөмірлер\n"
    "Математика. 5-сынып. 1-бөлім;Әбілқасымова А.;" +
    hyphenated(math5_kk) +
    ";Мектеп;2022;қаз;оқулық;5;Математика;1 500,50;28;\n"
    "Қазақ тілі. 5-сынып;Күлжанова Г.;" +
    kazakh5_kk +
    ";Атамұра;2023;kk;Оқулық;5;Қазақ тілі;1500.50;30;\n"
    "Абай жолы;Мұхтар Әуезов;;Жазушы;2019;қазақ;көркем;;;3200;;10000017 10000025\n";

class CatalogImport : public ::testing::Test {
protected:
    ImportResult import(std::string_view bytes, bool dry_run = false) {
        options.dry_run = dry_run;
        return import_catalog(db(), bytes, options);
    }

    SQLite::Database& db() { return temp_.db(); }
    testing::TestSchool& school() { return temp_; }

    // "Абай жолы | Мұхтар Әуезов | - | Жазушы | 2019 | kk | fiction | - | - | 320000 | 0 | 10000017 10000025"
    Lines titles() {
        SQLite::Statement query(db(), R"(
            SELECT t.title, t.authors, coalesce(t.isbn, '-'), t.publisher, coalesce(t.year, '-'), t.language, t.kind,
                   coalesce(t.grade, '-'), coalesce(nullif(t.subject, ''), '-'), t.price_tiyn, t.stock,
                   coalesce((SELECT group_concat(barcode, ' ') FROM (SELECT barcode FROM copy WHERE title_id = t.id
                                                                    ORDER BY id)), '')
            FROM title t ORDER BY t.id)");
        Lines rows;
        while (query.executeStep()) {
            std::string line;
            for (int i = 0; i < query.getColumnCount(); ++i) line += (i ? " | " : "") + query.getColumn(i).getString();
            rows.push_back(line);
        }
        return rows;
    }

    int count(const std::string& sql) { return db().execAndGet(sql).getInt(); }

    // Every row of every table the import writes, to prove nothing changed.
    std::string snapshot() { return testing::table_rows(db(), {"title", "copy", "event"}); }

    CatalogImportOptions options{.dry_run = false, .now = parse_iso_timestamp("2025-08-20T09:30:00Z").value()};

private:
    testing::TestSchool temp_;
};

// ---- Headers, encodings, separators, quoting ---------------------------------

TEST_F(CatalogImport, KazakhHeadersTextbooksAndAMainFundTitle) {
    const auto result = import(kazakh_catalog);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.rows, 3u);
    EXPECT_EQ(result.added, 3);
    EXPECT_EQ(
        titles(),
        (Lines{
            "Математика. 5-сынып. 1-бөлім | Әбілқасымова А. | " + math5_kk +
                " | Мектеп | 2022 | kk | textbook | 5 | Математика | 150050 | 28 | ",
            "Қазақ тілі. 5-сынып | Күлжанова Г. | " + kazakh5_kk +
                " | Атамұра | 2023 | kk | textbook | 5 | Қазақ тілі | 150050 | 30 | ",
            "Абай жолы | Мұхтар Әуезов | - | Жазушы | 2019 | kk | fiction | - | - | 320000 | 0 | 10000017 10000025"}));
}

TEST_F(CatalogImport, RussianHeadersInWindows1251) {
    const auto file = encoded(
        "Название;Автор;ISBN;Издательство;Год;Язык;Вид;Класс;Предмет;Цена;Количество;Инвентарные номера\r\n"
        "Математика. 5 класс. Часть 1;Абылкасымова А.;" +
            math5_ru +
            ";Мектеп;2022;русский;учебник;5;Математика;1 450,00;25;\r\n"
            "Ёжик в тумане;Козлов С.;;Детская литература;2018;рус;художественная;;;;;10000033\r\n",
        "CP1251");
    const auto result = import(file);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(titles(),
              (Lines{"Математика. 5 класс. Часть 1 | Абылкасымова А. | " + math5_ru +
                         " | Мектеп | 2022 | ru | textbook | 5 | Математика | 145000 | 25 | ",
                     "Ёжик в тумане | Козлов С. | - | Детская литература | 2018 | ru | fiction | - | - | 0 | 0 | "
                     "10000033"}));
}

TEST_F(CatalogImport, Utf16LittleEndianTabSeparatedWithEnglishHeadersAndExtraColumns) {
    const auto file = "\xFF\xFE" + encoded(
                                       "No\tTitle\tAuthors\tISBN\tShelf\tKind\tGrade\tCopies\tPrice\r\n"
                                       "1\tExcel for Kazakhstan. Grade 5\tVirginia Evans\t" +
                                           isbn("978601070004") + "\tB-2\ttextbook\t5\t26\t2 100\r\n",
                                       "UTF-16LE");
    const auto result = import(file);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(titles(), (Lines{"Excel for Kazakhstan. Grade 5 | Virginia Evans | " + isbn("978601070004") +
                               " |  | - |  | textbook | 5 | - | 210000 | 26 | "}));
}

TEST_F(CatalogImport, Utf16BigEndian) {
    const auto file = "\xFE\xFF" + encoded("Атауы\tСаны\r\nҚазақстан тарихы. 7-сынып\t27\r\n", "UTF-16BE");
    ASSERT_TRUE(import(file).ok());
    EXPECT_EQ(titles(), (Lines{"Қазақстан тарихы. 7-сынып |  | - |  | - |  | fiction | - | - | 0 | 27 | "}));
}

class CatalogImportSeparators : public CatalogImport, public ::testing::WithParamInterface<char> {};

TEST_P(CatalogImportSeparators, EverySeparatorWithQuotedPrices) {
    const std::string s(1, GetParam());
    const auto result = import("Атауы" + s + "Бағасы" + s + "Саны\r\n" +  //
                               "Абай жолы" + s + "\"1 500,50\"" + s + "3\r\n" + "\"Қара сөздер" + s + " таңдамалы\"" +
                               s + "\"900\"" + s + "2\r\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    const auto second_title =
        s == "\t" ? "Қара сөздер таңдамалы" : "Қара сөздер" + s + " таңдамалы";  // a tab is a space
    EXPECT_EQ(titles(), (Lines{"Абай жолы |  | - |  | - |  | fiction | - | - | 150050 | 3 | ",
                               second_title + " |  | - |  | - |  | fiction | - | - | 90000 | 2 | "}));
}

INSTANTIATE_TEST_SUITE_P(CommaSemicolonTab, CatalogImportSeparators, ::testing::Values(',', ';', '\t'));

TEST_F(CatalogImport, QuotedTitlesAndTheLinesOfLaterRows) {
    const auto result = import(
        "Title,Authors,Year\r\n"                                     // 1
        "\"Абай жолы, 1-том\",\"Әуезов, Мұхтар\",2019\r\n"           // 2
        "\"\"\"Көшпенділер\"\" трилогиясы\",Есенберлин І.,2020\r\n"  // 3
        "\"Қан мен тер.\r\nТрилогия\",Нұрпейісов Ә.,\r\n"            // 4-5
        "Ақбілек,Майлин Б.,биыл\r\n");                               // 6
    EXPECT_EQ(described(result), (Lines{"line 6: import.error.bad_number column=year value=биыл"}));
    const auto fixed = import(
        "Title,Authors,Year\r\n"
        "\"Абай жолы, 1-том\",\"Әуезов, Мұхтар\",2019\r\n"
        "\"\"\"Көшпенділер\"\" трилогиясы\",Есенберлин І.,2020\r\n"
        "\"Қан мен тер.\r\nТрилогия\",Нұрпейісов Ә.,\r\n");
    ASSERT_TRUE(fixed.ok());
    EXPECT_EQ(titles(),
              (Lines{"Абай жолы, 1-том | Әуезов, Мұхтар | - |  | 2019 |  | fiction | - | - | 0 | 0 | ",
                     "\"Көшпенділер\" трилогиясы | Есенберлин І. | - |  | 2020 |  | fiction | - | - | 0 | 0 | ",
                     "Қан мен тер. Трилогия | Нұрпейісов Ә. | - |  | - |  | fiction | - | - | 0 | 0 | "}));
}

// ---- Values -------------------------------------------------------------------

TEST_F(CatalogImport, PricesInTengeBecomeTiyn) {
    const auto result = import(
        "Атауы;Бағасы\n"
        "а;1 500,50\nә;1500.50\nб;1500\nв;1\xC2\xA0"
        "500\nг;0,5\nғ;1\xE2\x80\xAF"
        "500,05\nд;\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    SQLite::Statement prices(db(),
                             "SELECT group_concat(price_tiyn, ' ') FROM (SELECT price_tiyn FROM title ORDER BY id)");
    prices.executeStep();
    EXPECT_EQ(prices.getColumn(0).getString(), "150050 150050 150000 150000 50 150005 0");
}

TEST_F(CatalogImport, PricesThatAreNotTenge) {
    const auto result = import("Атауы;Бағасы\nа;1,500.50\nә;12,345\nб;бес жүз\nв;-5\nг;1500,\n");
    EXPECT_EQ(described(result), (Lines{"line 2: import.error.bad_number column=price value=1,500.50",
                                        "line 3: import.error.bad_number column=price value=12,345",
                                        "line 4: import.error.bad_number column=price value=бес жүз",
                                        "line 5: import.error.bad_number column=price value=-5",
                                        "line 6: import.error.bad_number column=price value=1500,"}));
}

TEST_F(CatalogImport, KindWordsAndFictionByDefault) {
    ASSERT_TRUE(import("Title;Kind\nа;учебник\nә;Анықтамалық\nб;методическая\nв;мерзімді\nг;electronic\nғ;\n").ok());
    ASSERT_TRUE(import("Title\nд\n").ok());
    SQLite::Statement kinds(db(), "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM title ORDER BY id)");
    kinds.executeStep();
    EXPECT_EQ(kinds.getColumn(0).getString(), "textbook reference methodical periodical electronic fiction fiction");
}

TEST_F(CatalogImport, Isbn10AndHyphenatedIsbnsAreStoredAsThirteenDigits) {
    ASSERT_TRUE(import("Атауы;ISBN\nа;0-306-40615-2\nә;" + hyphenated(math5_kk) + "\nб;" + kazakh5_kk + "\n").ok());
    SQLite::Statement isbns(db(), "SELECT group_concat(isbn, ' ') FROM (SELECT isbn FROM title ORDER BY id)");
    isbns.executeStep();
    EXPECT_EQ(isbns.getColumn(0).getString(), "9780306406157 " + math5_kk + " " + kazakh5_kk);
}

// ---- Updates and re-import ------------------------------------------------------

TEST_F(CatalogImport, ReimportChangesNothing) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    const auto before = snapshot();
    const auto result = import(kazakh_catalog);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.added + result.updated, 0);
    EXPECT_EQ(result.unchanged, 3);
    EXPECT_EQ(count("SELECT count(*) FROM title"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM copy"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action <> 'import_catalog'"), 5);
}

TEST_F(CatalogImport, AnIsbnUpdatesItsTitleFromTheNonEmptyCells) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    const auto result =
        import("ISBN;Атауы;Бағасы;Саны;Авторлары\n" + math5_kk + ";Математика. 5-сынып. 1-бөлім;1 600;32;\n");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.updated, 1);
    EXPECT_EQ(titles()[0], "Математика. 5-сынып. 1-бөлім | Әбілқасымова А. | " + math5_kk +
                               " | Мектеп | 2022 | kk | textbook | 5 | Математика | 160000 | 32 | ");
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'title_updated' AND detail = 'price,stock'"), 1);
}

TEST_F(CatalogImport, TitlesWithoutIsbnAreFoundByTitleAuthorsPublisherAndYear) {
    const std::string file =
        "Атауы;Авторлары;Баспа;Жылы;Бағасы\n"
        "Абай жолы;Мұхтар Әуезов;Жазушы;2019;3200\n"
        "Абай жолы;Мұхтар Әуезов;Жазушы;2019;3200\n"  // two copies of the record are two titles
        "Абай жолы;Мұхтар Әуезов;Жазушы;2021;3500\n"
        "Абай жолы;Мұхтар Әуезов;;;\n";
    ASSERT_EQ(import(file).added, 4);
    const auto again = import(file);
    EXPECT_EQ(again.unchanged, 4);
    EXPECT_EQ(count("SELECT count(*) FROM title"), 4);

    const auto repriced = import("Атауы;Авторлары;Баспа;Жылы;Бағасы\nАбай жолы;Мұхтар Әуезов;Жазушы;2021;3600\n");
    EXPECT_EQ(repriced.updated, 1);
    EXPECT_EQ(count("SELECT count(*) FROM title WHERE price_tiyn = 360000"), 1);
}

TEST_F(CatalogImport, AnIsbnGivenLaterIsAddedToTheTitleStoredWithoutOne) {
    ASSERT_TRUE(import("Атауы;Авторлары;Баспа;Жылы\nАбай жолы;Мұхтар Әуезов;Жазушы;2019\n").ok());
    const auto result =
        import("Атауы;Авторлары;Баспа;Жылы;ISBN\nАбай жолы;Мұхтар Әуезов;Жазушы;2019;" + isbn("978601700001") + "\n");
    EXPECT_EQ(result.updated, 1);
    EXPECT_EQ(count("SELECT count(*) FROM title"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM title WHERE isbn = '" + isbn("978601700001") + "'"), 1);
}

TEST_F(CatalogImport, NewBarcodesAddCopiesToAStoredTitle) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    const auto result = import(
        "Атауы;Авторлары;Баспа;Жылы;Инвентарные номера\n"
        "Абай жолы;Мұхтар Әуезов;Жазушы;2019;\"10000017, 10000041;10000058\"\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.updated, 1);
    EXPECT_EQ(titles()[2],
              "Абай жолы | Мұхтар Әуезов | - | Жазушы | 2019 | kk | fiction | - | - | 320000 | 0 | "
              "10000017 10000025 10000041 10000058");
}

// ---- Problems -----------------------------------------------------------------

TEST_F(CatalogImport, EveryProblemOfEveryRowWithItsLine) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    const auto bad_check_digit = math5_ru.substr(0, 12) + (math5_ru.back() == '9' ? '0' : char(math5_ru.back() + 1));
    const auto result = import(
        "Атауы;ISBN;Түрі;Жылы;Сынып;Саны;Бағасы;Тілі;Инвентарлық нөмірлер\n"  // 1
        ";;;;;;;;\n"                                                          // (empty: skipped)
        "Ана тілі;" +
        bad_check_digit +
        ";;;;;;;\n"  // 3
        "Әліппе. 1-сынып;" +
        math5_ru +
        ";;;;;;;\n"  // 4
        "Букварь. 1 класс;" +
        hyphenated(math5_ru) +
        ";;;;;;;\n"                                         // 5
        "Дүниетану;;роман;;;;;;\n"                          // 6
        "Жаратылыстану;;;2О22;12;-3;;;\n"                   // 7
        "Цифрлық сауаттылық;;;;;;;неміс;\n"                 // 8
        ";;;;;;;;10000066\n"                                // 9
        "Көркем еңбек;;;;;;;;10000074 10000066 10000074\n"  // 10
        "Қара сөздер;;;;;;;;10000017\n");                   // 11
    EXPECT_EQ(
        described(result),
        (Lines{"line 3: import.error.bad_isbn value=" + bad_check_digit,
               "line 5: import.error.duplicate_isbn first_line=4 isbn=" + math5_ru,
               "line 6: import.error.bad_kind value=роман", "line 7: import.error.bad_number column=year value=2О22",
               "line 7: import.error.bad_number column=grade value=12",
               "line 7: import.error.bad_number column=copies value=-3",
               "line 8: import.error.bad_language value=неміс", "line 9: import.error.missing_title",
               "line 10: import.error.duplicate_barcode barcode=10000066 first_line=9",
               "line 10: import.error.duplicate_barcode barcode=10000074 first_line=10",
               "line 11: import.error.barcode_other_title barcode=10000017 title=Абай жолы"}));
}

TEST_F(CatalogImport, NoTitleColumn) {
    EXPECT_EQ(described(import("Авторы;ISBN\nӘуезов М.;\n")),
              (Lines{"line 1: import.error.missing_column column=title"}));
    EXPECT_EQ(described(import("")), (Lines{"line 1: import.error.empty_file"}));
}

TEST_F(CatalogImport, UndecodableLinesAndCsvErrors) {
    const auto broken = import("Атауы;Авторлары\nАбай жолы;Әуезов\nҚара \xD2 сөздер;Абай\n");
    ASSERT_EQ(broken.problems.size(), 1u);
    EXPECT_EQ(broken.problems[0].line, 3u);
    EXPECT_EQ(broken.problems[0].key, "import.error.undecodable");
    const auto unclosed = import("Атауы;Авторлары\nАбай жолы;Әуезов\n\"Қара сөздер;Абай\n");
    ASSERT_EQ(unclosed.problems.size(), 1u);
    EXPECT_EQ(unclosed.problems[0].line, 3u);
    EXPECT_EQ(unclosed.problems[0].key, "import.error.csv");
}

TEST_F(CatalogImport, StockCannotFallBelowTheTitleLevelLoans) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    school().add_class("2025-2026", 5, "Ә");  // id 1
    db().exec(
        "INSERT INTO reader (id, card, full_name, category, class_id) VALUES (1, '20000014', 'Қасымова Әлия', "
        "'pupil', 1)");
    db().exec(
        "INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES "
        "(1, 1, 20, '2025-09-01T08:00:00Z', '2026-05-31'), "
        "(1, 1, 6, '2025-09-01T08:00:00Z', '2026-05-31')");
    const auto result = import("ISBN;Атауы;Саны\n" + math5_kk + ";Математика. 5-сынып. 1-бөлім;25\n");
    EXPECT_EQ(described(result), (Lines{"line 2: import.error.stock_below_loans copies=25 on_loan=26"}));
    EXPECT_TRUE(import("ISBN;Атауы;Саны\n" + math5_kk + ";Математика. 5-сынып. 1-бөлім;26\n").ok());
}

TEST_F(CatalogImport, OneBadRowWritesNothing) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    const auto before = snapshot();
    const auto result = import(
        "Атауы;ISBN;Бағасы;Инвентарлық нөмірлер\n"
        "Математика. 5-сынып. 1-бөлім;" +
        math5_kk +
        ";1 700;\n"
        "Жаңа кітап;;900;10000090\n"
        "Тағы бір;;бағасыз;\n");
    EXPECT_EQ(described(result), (Lines{"line 4: import.error.bad_number column=price value=бағасыз"}));
    EXPECT_EQ(result.added + result.updated + result.unchanged, 0);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CatalogImport, DryRunReportsTheTrueCountsAndWritesNothing) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    const auto before = snapshot();
    auto next = kazakh_catalog + "Жаңа кітап;;;;;;;;;900;;10000090\n";
    next.replace(next.find(";3200;"), 6, ";3300;");
    const auto dry = import(next, true);
    ASSERT_TRUE(dry.ok()) << ::testing::PrintToString(described(dry));
    EXPECT_EQ(snapshot(), before);
    const auto real = import(next);
    EXPECT_EQ(std::tie(dry.rows, dry.added, dry.updated, dry.unchanged),
              std::tie(real.rows, real.added, real.updated, real.unchanged));
    EXPECT_EQ(real.unchanged, 2);
    EXPECT_EQ(real.updated, 1);
    EXPECT_EQ(real.added, 1);
}

TEST_F(CatalogImport, EventsForTitlesCopiesAndTheImport) {
    ASSERT_TRUE(import(kazakh_catalog).ok());
    ASSERT_TRUE(import("ISBN;Атауы;Саны\n" + kazakh5_kk + ";Қазақ тілі. 5-сынып;31\n").ok());
    SQLite::Statement query(db(), R"(
        SELECT e.at, e.station, e.actor_role, e.action, coalesce(t.title, ''), coalesce(c.barcode, ''),
               coalesce(e.quantity, ''), e.detail
        FROM event e LEFT JOIN title t ON t.id = e.title_id LEFT JOIN copy c ON c.id = e.copy_id ORDER BY e.id)");
    Lines events;
    while (query.executeStep()) {
        std::string line;
        for (int i = 0; i < 8; ++i) line += (i ? " | " : "") + query.getColumn(i).getString();
        events.push_back(line);
    }
    const std::string at = "2025-08-20T09:30:00Z | import | import | ";
    EXPECT_EQ(events,
              (Lines{at + "title_added | Математика. 5-сынып. 1-бөлім |  | 28 | Математика. 5-сынып. 1-бөлім",
                     at + "title_added | Қазақ тілі. 5-сынып |  | 30 | Қазақ тілі. 5-сынып",
                     at + "title_added | Абай жолы |  | 0 | Абай жолы",
                     at + "copy_added | Абай жолы | 10000017 |  | 10000017",
                     at + "copy_added | Абай жолы | 10000025 |  | 10000025",
                     at + "import_catalog |  |  |  | rows 3, added 3, updated 0, unchanged 0, copies added 2",
                     at + "title_updated | Қазақ тілі. 5-сынып |  |  | stock",
                     at + "import_catalog |  |  |  | rows 1, added 0, updated 1, unchanged 0, copies added 0"}));
}

// ---- Speed ------------------------------------------------------------------

TEST_F(CatalogImport, ATextbookFundOf1200Titles) {
    std::string file = "Атауы;ISBN;Баспа;Жылы;Түрі;Сынып;Бағасы;Саны;Инвентарлық нөмірлер\r\n";
    for (int n = 0; n < 1200; ++n) {
        auto twelve = std::to_string(978601000000 + n);
        file += "Оқулық " + std::to_string(n) + ";" + isbn(twelve) + ";Мектеп;2023;оқулық;" + std::to_string(n % 12) +
                ";2 450,00;25;" + (n % 4 ? "" : std::to_string(10000000 + n)) + "\r\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const auto result = import(file);
    const auto first = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.added, 1200);
    const auto again = std::chrono::steady_clock::now();
    EXPECT_EQ(import(file).unchanged, 1200);
    const auto reimport = std::chrono::steady_clock::now() - again;
    using std::chrono::duration_cast, std::chrono::milliseconds;
    std::cout << "[ timing   ] 1200-title catalogue: first import " << duration_cast<milliseconds>(first).count()
              << " ms, re-import " << duration_cast<milliseconds>(reimport).count() << " ms\n";
}

}  // namespace
}  // namespace kitap::core
