#include "core/import/reader_import.hpp"

#include "core/codes/check_digits.hpp"
#include "core/import/import_test_support.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>
#include <iconv.h>

#include <chrono>
#include <iostream>
#include <set>
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

// A card an import made (core/codes/card_numbers.hpp): eight digits, the first 2-9,
// the last the Luhn check digit.
bool is_generated_card(const std::string& card) {
    return card.size() == 8 && card.front() >= '2' && card.front() <= '9' && luhn_valid(card);
}

using Lines = std::vector<std::string>;

class ReaderImport : public ::testing::Test {
protected:
    ImportResult import(std::string_view bytes, bool dry_run = false) {
        options.dry_run = dry_run;
        return import_readers(db(), bytes, options);
    }

    SQLite::Database& db() { return temp_.db(); }

    // "20000016 | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active", in the order they were added.
    Lines readers() {
        SQLite::Statement query(db(), R"(
            SELECT r.card, r.full_name, r.category, coalesce(c.grade || c.letter || ' ' || c.language, ''), r.status
            FROM reader r LEFT JOIN school_class c ON c.id = r.class_id ORDER BY r.id)");
        Lines rows;
        while (query.executeStep())
            rows.push_back(query.getColumn(0).getString() + " | " + query.getColumn(1).getString() + " | " +
                           query.getColumn(2).getString() + " | " + query.getColumn(3).getString() + " | " +
                           query.getColumn(4).getString());
        return rows;
    }

    // The card an import gave the reader of this name, which must look like one.
    std::string new_card(const std::string& full_name) {
        const auto card = card_of(full_name);
        EXPECT_TRUE(is_generated_card(card)) << full_name << ": " << card;
        return card;
    }

    std::string card_of(const std::string& full_name) {
        SQLite::Statement query(db(), "SELECT card FROM reader WHERE full_name = ?");
        query.bind(1, full_name);
        return query.executeStep() ? query.getColumn(0).getString() : "";
    }

    int count(const std::string& sql) { return db().execAndGet(sql).getInt(); }

    // Every row of every table the import writes, to prove nothing changed.
    std::string snapshot() { return testing::table_rows(db(), {"school_class", "reader", "event"}); }

    ReaderImportOptions options{.default_language = ClassLanguage::kk,
                                .school_year = "2025-2026",
                                .dry_run = false,
                                .now = parse_iso_timestamp("2025-09-01T08:00:00Z").value()};

private:
    testing::TempDatabase temp_;
};

const std::string kazakh_roster =
    "Аты-жөні,Сынып,Карта нөмірі,Санаты\n"
    "Қасымова Әлия Ерланқызы,5Ә,20000016,оқушы\n"
    "Нұрланұлы Ерасыл,5Ә,20000024,\n"
    "Сейітова Гүлнар Бекқызы,,20000032,мұғалім\n";

// ---- Headers, encodings, separators, quoting ---------------------------------

TEST_F(ReaderImport, KazakhHeadersAndClasses) {
    const auto result = import(kazakh_roster);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.rows, 3u);
    EXPECT_EQ(result.added, 3);
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active",
                                "20000024 | Нұрланұлы Ерасыл | pupil | 5Ә kk | active",
                                "20000032 | Сейітова Гүлнар Бекқызы | teacher |  | active"}));
    EXPECT_EQ(count("SELECT count(*) FROM school_class WHERE school_year = '2025-2026'"), 1);
}

TEST_F(ReaderImport, RussianHeadersInWindows1251WithSemicolons) {
    const auto file = encoded(
        "ФИО;Класс;Номер карты;Категория;Язык\r\n"
        "Иванова Мария Петровна;7Б;20000016;ученик;русский\r\n"
        "Смирнов Алексей Юрьевич;;20000024;учитель;\r\n"
        "Ёлкина Софья;7Б;;учащийся;рус\r\n",
        "CP1251");
    const auto result = import(file);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(readers(), (Lines{"20000016 | Иванова Мария Петровна | pupil | 7Б ru | active",
                                "20000024 | Смирнов Алексей Юрьевич | teacher |  | active",
                                new_card("Ёлкина Софья") + " | Ёлкина Софья | pupil | 7Б ru | active"}));
}

TEST_F(ReaderImport, EnglishHeadersWithBomAndExtraColumns) {
    const auto result = import(
        "\xEF\xBB\xBFNo,Full name,Phone,CLASS,Card Number,Category,Parent\n"
        "1,Қасымова Әлия Ерланқызы,+7 701 000 0000,5Ә,20000016,Pupil,Қасымов Ерлан\n"
        "2,Ахметов Дәурен,,,20000024,staff,\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active",
                                "20000024 | Ахметов Дәурен | staff |  | active"}));
}

TEST_F(ReaderImport, Utf16LittleEndianTabSeparatedAsExcelUnicodeText) {
    const auto result =
        import(utf16le_with_bom("Аты жөні\tСынып\tКарта\tТілі\r\n"
                                "Қасымова Әлия Ерланқызы\t5Ә\t20000016\tқаз\r\n"
                                "Иванов Пётр\t6А\t20000024\tорыс\r\n"));
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active",
                                "20000024 | Иванов Пётр | pupil | 6А ru | active"}));
}

TEST_F(ReaderImport, Utf16BigEndian) {
    const auto result = import(utf16be_with_bom("ФИО\tКласс\r\nҚасымова Әлия Ерланқызы\t5Ә\r\n"));
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(readers(),
              (Lines{new_card("Қасымова Әлия Ерланқызы") + " | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active"}));
}

class ReaderImportSeparators : public ReaderImport, public ::testing::WithParamInterface<char> {};

TEST_P(ReaderImportSeparators, EverySeparatorWithLfOrCrlf) {
    const std::string s(1, GetParam());
    for (const std::string eol : {"\n", "\r\n"}) {
        const auto result = import("Аты-жөні" + s + "Сынып" + s + "Карта" + eol +  //
                                   "Қасымова Әлия Ерланқызы" + s + "5Ә" + s + "20000016" + eol + "Нұрланұлы Ерасыл" +
                                   s + "11А" + s + "20000024" + eol);
        ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
        EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active",
                                    "20000024 | Нұрланұлы Ерасыл | pupil | 11А kk | active"}));
    }
}

INSTANTIATE_TEST_SUITE_P(CommaSemicolonTab, ReaderImportSeparators, ::testing::Values(',', ';', '\t'));

TEST_F(ReaderImport, QuotedFieldsHoldSeparatorsQuotesAndLineEnds) {
    const auto result = import(
        "ФИО;Класс;Карта\r\n"                                // line 1
        "\"Қасымова; Әлия\";5Ә;20000016\r\n"                 // line 2
        "\"Әбіш \"\"Кіші\"\" Дәулет\";5Ә;20000024\r\n"       // line 3
        "\"Сейітова\r\nГүлнар\r\nБекқызы\";5Ә;20000032\r\n"  // lines 4-6
        "Нұрланұлы Ерасыл;5Ә;20000040\r\n"                   // line 7
        ";12Ә;20000057\r\n");                                // line 8
    EXPECT_EQ(described(result),
              (Lines{"line 8: import.error.empty_name", "line 8: import.error.unknown_grade value=12"}));
    const auto fixed = import(
        "ФИО;Класс;Карта\r\n"
        "\"Қасымова; Әлия\";5Ә;20000016\r\n"
        "\"Әбіш \"\"Кіші\"\" Дәулет\";5Ә;20000024\r\n"
        "\"Сейітова\r\nГүлнар\r\nБекқызы\";5Ә;20000032\r\n");
    ASSERT_TRUE(fixed.ok()) << ::testing::PrintToString(described(fixed));
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова; Әлия | pupil | 5Ә kk | active",
                                "20000024 | Әбіш \"Кіші\" Дәулет | pupil | 5Ә kk | active",
                                "20000032 | Сейітова Гүлнар Бекқызы | pupil | 5Ә kk | active"}));
}

TEST_F(ReaderImport, EmptyLinesAndRowsOfOnlySeparatorsAreSkipped) {
    const auto result = import("ФИО;Класс\n\nҚасымова Әлия Ерланқызы;5Ә\n;;\n;\nНұрланұлы Ерасыл;5Ә\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.rows, 2u);
    EXPECT_EQ(result.added, 2);
}

TEST_F(ReaderImport, WhitespaceInsideNamesIsTidied) {
    ASSERT_TRUE(import("ФИО;Класс\n  Қасымова \xC2\xA0 Әлия   Ерланқызы ;5Ә\n").ok());
    EXPECT_TRUE(is_generated_card(card_of("Қасымова Әлия Ерланқызы")));
}

// ---- Classes -------------------------------------------------------------------

TEST_F(ReaderImport, ClassSpellingsBecomeOneClass) {
    const auto result = import(
        "ФИО;Класс\n"
        "Бірінші;5Ә\nЕкінші;5 Ә\nҮшінші;5-ә\nТөртінші;5 «Ә»\n"
        "Бесінші;11А\nАлтыншы;11A\nЖетінші;11a\nСегізінші;0Б\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(count("SELECT count(*) FROM school_class"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM reader r JOIN school_class c ON c.id = r.class_id "
                    "WHERE c.grade = 5 AND c.letter = 'Ә'"),
              4);
    EXPECT_EQ(count("SELECT count(*) FROM reader r JOIN school_class c ON c.id = r.class_id "
                    "WHERE c.grade = 11 AND c.letter = 'А'"),
              3);
    EXPECT_EQ(count("SELECT count(*) FROM school_class WHERE grade = 0 AND letter = 'Б'"), 1);
}

TEST_F(ReaderImport, GradesAboveElevenAndUnreadableClasses) {
    const auto result = import(
        "ФИО;Класс\n"
        "Бірінші;12А\n"
        "Екінші;5\n"
        "Үшінші;Ә5\n"
        "Төртінші;5ӘӘ\n"
        "Бесінші;бесінші\n"
        "Алтыншы;5D\n"
        "Жетінші;120Б\n");
    EXPECT_EQ(described(result),
              (Lines{"line 2: import.error.unknown_grade value=12", "line 3: import.error.bad_class value=5",
                     "line 4: import.error.bad_class value=Ә5", "line 5: import.error.bad_class value=5ӘӘ",
                     "line 6: import.error.bad_class value=бесінші", "line 7: import.error.bad_class value=5D",
                     "line 8: import.error.unknown_grade value=120"}));
}

TEST_F(ReaderImport, ClassLanguageFromTheRowElseTheStoredClassElseTheDefault) {
    options.default_language = ClassLanguage::ru;
    ASSERT_TRUE(import("ФИО;Класс;Язык\nИванов Пётр;7Б;\nСәрсенова Аружан;7Ә;kk\n").ok());
    EXPECT_EQ(readers(), (Lines{new_card("Иванов Пётр") + " | Иванов Пётр | pupil | 7Б ru | active",
                                new_card("Сәрсенова Аружан") + " | Сәрсенова Аружан | pupil | 7Ә kk | active"}));

    options.default_language = ClassLanguage::ru;  // the stored class keeps its language
    ASSERT_TRUE(import("ФИО;Класс\nЖаңа Оқушы;7Ә\n").ok());
    EXPECT_EQ(readers().back(), new_card("Жаңа Оқушы") + " | Жаңа Оқушы | pupil | 7Ә kk | active");

    ASSERT_TRUE(import("ФИО;Класс;Тілі\nЖаңа Оқушы;7Ә;орыс\n").ok());  // the row's language changes it
    EXPECT_EQ(readers().back(), new_card("Жаңа Оқушы") + " | Жаңа Оқушы | pupil | 7Ә ru | active");
}

TEST_F(ReaderImport, ClassesBelongToTheOptionsSchoolYear) {
    ASSERT_TRUE(import("ФИО;Класс;Карта\nҚасымова Әлия Ерланқызы;5Ә;20000016\n").ok());
    options.school_year = "2026-2027";
    const auto result = import("ФИО;Класс;Карта\nҚасымова Әлия Ерланқызы;6Ә;20000016\n");
    EXPECT_EQ(result.updated, 1);
    EXPECT_EQ(count("SELECT count(*) FROM school_class"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM reader r JOIN school_class c ON c.id = r.class_id "
                    "WHERE c.school_year = '2026-2027' AND c.grade = 6"),
              1);
}

// ---- Categories ---------------------------------------------------------------

TEST_F(ReaderImport, CategoryWordsInThreeLanguages) {
    const auto result = import(
        "ФИО;Класс;Санаты\n"
        "А Оқушы;5Ә;оқушы\nБ Ученик;5Ә;Ученик\nВ Pupil;5Ә;PUPIL\nГ Жоқ;5Ә;\n"
        "Д Мұғалім;;мұғалім\nЕ Учитель;5Ә;учитель\nЖ Қызметкер;;қызметкер\nЗ Сотрудник;;сотрудник\n"
        "И Басқа;;басқа\nК Другое;;другое\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(count("SELECT count(*) FROM reader WHERE category = 'pupil'"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM reader WHERE category = 'teacher'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM reader WHERE category = 'staff'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM reader WHERE category = 'other'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM reader WHERE category = 'teacher' AND class_id IS NOT NULL"), 1);
}

TEST_F(ReaderImport, APupilNeedsAClass) {
    const auto result = import(
        "ФИО;Класс;Санаты\n"
        "Қасымова Әлия Ерланқызы;;оқушы\n"
        "Нұрланұлы Ерасыл;;\n"
        "Сейітова Гүлнар Бекқызы;;мұғалім\n");
    EXPECT_EQ(described(result),
              (Lines{"line 2: import.error.pupil_without_class", "line 3: import.error.pupil_without_class"}));
}

TEST_F(ReaderImport, WithoutAClassColumnEveryReaderNeedsACategory) {
    const auto result = import("ФИО,Категория\nСейітова Гүлнар Бекқызы,педагог\nНұрланұлы Ерасыл,\n");
    EXPECT_EQ(described(result), (Lines{"line 3: import.error.pupil_without_class"}));
}

// ---- Cards ----------------------------------------------------------------------

// Cards were '2' + a sequence: printing 20000014, 20000022 ... opened consecutive
// pupils' sessions. Now each is drawn at random, and none says anything of another.
TEST_F(ReaderImport, GeneratedCardsAreRandomLuhnValidAndUniqueAcrossAWholeSchool) {
    db().exec("INSERT INTO reader (card, full_name, category) VALUES ('20000014', 'Бұрынғы Мұғалім', 'teacher')");
    std::string file = "ФИО;Класс;Карта\n";
    for (int i = 0; i < 2000; ++i) file += "Оқушы " + std::to_string(i) + ";5Ә;" + (i == 7 ? "20000022" : "") + "\n";
    const auto result = import(file);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.added, 2000);

    SQLite::Statement query(
        db(), "SELECT card FROM reader WHERE full_name LIKE 'Оқушы %' AND card <> '20000022' ORDER BY id");
    std::set<std::string> cards{"20000014", "20000022"};
    std::string previous;
    int next_to_previous = 0;
    while (query.executeStep()) {
        const std::string card = query.getColumn(0).getString();
        EXPECT_TRUE(is_generated_card(card)) << card;
        EXPECT_TRUE(cards.insert(card).second) << card << " given twice";
        if (!previous.empty() && std::stoi(card.substr(0, 7)) - std::stoi(previous.substr(0, 7)) == 1)
            ++next_to_previous;
        previous = card;
    }
    EXPECT_EQ(cards.size(), 2001u);
    EXPECT_LT(next_to_previous, 5) << "a sequence would have 1,998";

    const auto again = import(file);  // a re-import finds each reader by name and class
    EXPECT_EQ(again.unchanged, 2000);
    EXPECT_EQ(count("SELECT count(*) FROM reader"), 2001);
}

TEST_F(ReaderImport, AStoredCardUpdatesItsReader) {
    ASSERT_TRUE(import(kazakh_roster).ok());
    db().exec("UPDATE reader SET status = 'left' WHERE card = '20000024'");
    const auto result = import(
        "Аты-жөні,Сынып,Карта нөмірі,Санаты\n"
        "Қасымова Әлия Ерланқызы,6Ә,20000016,оқушы\n"    // moved up a grade
        "Нұрланұлы Ерасыл,5Ә,20000024,\n"                // came back
        "Сейітова Гүлнар Бекқызы,,20000032,мұғалім\n");  // the same
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.added, 0);
    EXPECT_EQ(result.updated, 2);
    EXPECT_EQ(result.unchanged, 1);
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия Ерланқызы | pupil | 6Ә kk | active",
                                "20000024 | Нұрланұлы Ерасыл | pupil | 5Ә kk | active",
                                "20000032 | Сейітова Гүлнар Бекқызы | teacher |  | active"}));
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_updated' AND detail = 'class'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_updated' AND detail = 'status'"), 1);
}

TEST_F(ReaderImport, ReimportWithCardsChangesNothing) {
    ASSERT_TRUE(import(kazakh_roster).ok());
    const auto before = readers();
    const auto result = import(kazakh_roster);
    EXPECT_EQ(result.added + result.updated, 0);
    EXPECT_EQ(result.unchanged, 3);
    EXPECT_EQ(readers(), before);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action LIKE 'reader_%'"), 3);
}

TEST_F(ReaderImport, ReimportWithoutCardsFindsReadersByNameAndClass) {
    const std::string roster =
        "Аты-жөні;Сынып;Санаты\n"
        "Қасымова Әлия Ерланқызы;5Ә;\n"
        "Қасымова Әлия Ерланқызы;5Ә;\n"  // namesakes in one class are two pupils
        "Қасымова Әлия Ерланқызы;6Ә;\n"
        "Сейітова Гүлнар Бекқызы;;мұғалім\n";
    ASSERT_EQ(import(roster).added, 4);
    const auto before = readers();
    const auto result = import(roster);
    EXPECT_EQ(result.added, 0);
    EXPECT_EQ(result.unchanged, 4);
    EXPECT_EQ(readers(), before);

    const auto moved = import("Аты-жөні;Сынып;Санаты\nСейітова Гүлнар Бекқызы;;педагог\nЖаңа Оқушы;5Ә;\n");
    EXPECT_EQ(moved.unchanged, 1);
    EXPECT_EQ(moved.added, 1);
}

TEST_F(ReaderImport, ARowWithoutCardIsNotAReaderWhoseCardTheFileGives) {
    ASSERT_TRUE(import("ФИО;Класс;Карта\nҚасымова Әлия Ерланқызы;5Ә;20000016\n").ok());
    const auto result = import("ФИО;Класс;Карта\nҚасымова Әлия Ерланқызы;5Ә;20000016\nҚасымова Әлия Ерланқызы;5Ә;\n");
    EXPECT_EQ(result.unchanged, 1);
    EXPECT_EQ(result.added, 1);
}

// ---- Problems -----------------------------------------------------------------

TEST_F(ReaderImport, EveryProblemOfEveryRowWithItsLine) {
    const auto result = import(
        "ФИО;Класс;Карта;Категория;Язык\n"           // 1
        "Қасымова Әлия Ерланқызы;5Ә;20000016;;\n"    // 2 fine
        ";5Ә;;;\n"                                   // 3
        "Нұрланұлы Ерасыл;5Ә;20000016;;\n"           // 4
        "Сейітова Гүлнар;;;директор;\n"              // 5
        "Ахметов Дәурен;5Ә;;;неміс\n"                // 6
        "Ахметова Дана;5Ә;;;en\n"                    // 7: English is no language of instruction
        "Бекова Ая;;;оқушы;\n"                       // 8
        "Серікұлы Дәурен;13Б;20000016;оқушы;kk\n");  // 9
    EXPECT_EQ(
        described(result),
        (Lines{"line 3: import.error.empty_name", "line 4: import.error.duplicate_card card=20000016 first_line=2",
               "line 5: import.error.bad_category value=директор", "line 6: import.error.bad_language value=неміс",
               "line 7: import.error.bad_language value=en", "line 8: import.error.pupil_without_class",
               "line 9: import.error.unknown_grade value=13",
               "line 9: import.error.duplicate_card card=20000016 first_line=2"}));
    EXPECT_EQ(count("SELECT count(*) FROM reader"), 0);
}

TEST_F(ReaderImport, NoNameColumn) {
    const auto result = import("Сынып;Карта\n5Ә;20000016\n");
    EXPECT_EQ(described(result), (Lines{"line 1: import.error.missing_column column=name"}));
}

TEST_F(ReaderImport, EmptyFile) {
    EXPECT_EQ(described(import("")), (Lines{"line 1: import.error.empty_file"}));
    EXPECT_EQ(described(import("\r\n\r\n")), (Lines{"line 1: import.error.empty_file"}));
}

TEST_F(ReaderImport, UndecodableLines) {
    const auto result = import("Аты-жөні;Сынып\nҚасымова Әлия;5Ә\nНұрланұлы \xD2 Ерасыл;5Ә\nСейітова Гүлнар;5Ә\n");
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].line, 3u);
    EXPECT_EQ(result.problems[0].key, "import.error.undecodable");
    EXPECT_FALSE(result.problems[0].args.at("detail").empty());
}

TEST_F(ReaderImport, UnterminatedQuote) {
    const auto result = import("ФИО;Класс\nҚасымова Әлия;5Ә\n\"Нұрланұлы Ерасыл;5Ә\n");
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].line, 3u);
    EXPECT_EQ(result.problems[0].key, "import.error.csv");
    EXPECT_NE(result.problems[0].args.at("detail").find("line 3"), std::string::npos);
}

TEST_F(ReaderImport, OneBadRowWritesNothing) {
    ASSERT_TRUE(import(kazakh_roster).ok());
    const auto before = snapshot();
    const auto result = import(
        "Аты-жөні,Сынып,Карта нөмірі\n"
        "Қасымова Әлия Ерланқызы,6Ә,20000016\n"
        "Жаңа Оқушы,7В,\n"
        "Тағы Бір,7В,\n"
        "Қате Сынып,15В,\n");
    EXPECT_EQ(described(result), (Lines{"line 5: import.error.unknown_grade value=15"}));
    EXPECT_EQ(result.added + result.updated + result.unchanged, 0);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ReaderImport, DryRunReportsTheTrueCountsAndWritesNothing) {
    ASSERT_TRUE(import(kazakh_roster).ok());
    const auto before = snapshot();
    const std::string next_year =
        "Аты-жөні,Сынып,Карта нөмірі,Санаты\n"
        "Қасымова Әлия Ерланқызы,6Ә,20000016,оқушы\n"
        "Нұрланұлы Ерасыл,5Ә,20000024,\n"
        "Сейітова Гүлнар Бекқызы,,20000032,мұғалім\n"
        "Жаңа Оқушы,1А,,\n"
        "Жаңа Оқушы,1А,,\n";
    const auto dry = import(next_year, true);
    ASSERT_TRUE(dry.ok());
    EXPECT_EQ(snapshot(), before);
    const auto real = import(next_year);
    EXPECT_EQ(std::tie(dry.rows, dry.added, dry.updated, dry.unchanged),
              std::tie(real.rows, real.added, real.updated, real.unchanged));
    EXPECT_EQ(real.added, 2);
    EXPECT_EQ(real.updated, 1);
    EXPECT_EQ(real.unchanged, 2);
}

TEST_F(ReaderImport, EventsForEachAddedOrUpdatedReaderAndTheImport) {
    ASSERT_TRUE(import(kazakh_roster).ok());
    ASSERT_TRUE(import("ФИО;Класс;Карта\nҚасымова Әлия Ерланқызы;6Ә;20000016\n").ok());
    SQLite::Statement query(db(), R"(
        SELECT e.at, e.station, e.actor_role, e.action, coalesce(r.card, ''), e.detail
        FROM event e LEFT JOIN reader r ON r.id = e.reader_id ORDER BY e.id)");
    Lines events;
    while (query.executeStep()) {
        std::string line;
        for (int i = 0; i < 6; ++i) line += (i ? " | " : "") + query.getColumn(i).getString();
        events.push_back(line);
    }
    const std::string at = "2025-09-01T08:00:00Z | import | import | ";
    EXPECT_EQ(events, (Lines{at + "reader_added | 20000016 | 20000016", at + "reader_added | 20000024 | 20000024",
                             at + "reader_added | 20000032 | 20000032",
                             at + "import_readers |  | rows 3, added 3, updated 0, unchanged 0, classes added 1",
                             at + "reader_updated | 20000016 | class",
                             at + "import_readers |  | rows 1, added 0, updated 1, unchanged 0, classes added 1"}));
}

// ---- Speed ------------------------------------------------------------------

// The school of DOMAIN.md: 1,390 readers, 1,330 pupils in 50 classes, 67 teachers, 3 others.
std::string school_roster() {
    const std::vector<std::string> surnames{"Қасымов",  "Нұрланов", "Сейітов", "Ахметов", "Бекенов", "Омаров",
                                            "Жұмабаев", "Әбенов",   "Серіков", "Төлеуов", "Иванов",  "Ким"};
    const std::vector<std::string> names{"Әлия",   "Ерасыл", "Гүлнар", "Дәурен", "Айгерім", "Нұрсұлтан",
                                         "Аружан", "Ілияс",  "Мария",  "Данияр", "Жансая",  "Өмірзақ"};
    const std::vector<std::string> letters{"А", "Ә", "Б", "В", "Г"};
    std::string roster = "Аты-жөні;Сынып;Карта нөмірі;Санаты;Тілі\r\n";
    int n = 0;
    for (int grade = 1; grade <= 11; ++grade)
        for (int c = 0; c < (grade <= 9 ? 5 : 2) && n < 1320; ++c)
            for (int pupil = 0; pupil < 27 && n < 1320; ++pupil, ++n)
                roster += surnames[n % 12] + "а " + names[(n / 12) % 12] + " " + std::to_string(n) + ";" +
                          std::to_string(grade) + letters[c] + ";" + (n % 2 ? std::to_string(40000000 + n) : "") +
                          ";;" + (c == 2 ? "орыс" : "қаз") + "\r\n";
    for (; n < 1400; ++n)
        roster += surnames[n % 12] + " " + names[n % 12] + " " + std::to_string(n) + ";;;" +
                  (n < 1397 ? "мұғалім" : "басқа") + ";\r\n";
    return roster;
}

TEST_F(ReaderImport, ASchoolRosterOf1400Rows) {
    const auto roster = school_roster();
    const auto start = std::chrono::steady_clock::now();
    const auto result = import(roster);
    const auto first = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.added, 1400);

    const auto again = std::chrono::steady_clock::now();
    const auto second = import(roster);
    const auto reimport = std::chrono::steady_clock::now() - again;
    EXPECT_EQ(second.unchanged, 1400);
    EXPECT_EQ(count("SELECT count(DISTINCT card) FROM reader"), 1400);

    using std::chrono::duration_cast, std::chrono::milliseconds;
    std::cout << "[ timing   ] 1400-row roster: first import " << duration_cast<milliseconds>(first).count()
              << " ms, re-import " << duration_cast<milliseconds>(reimport).count() << " ms\n";
}

// ---- Lists as offices send them: workbooks, title rows, one sheet per class -----

TEST_F(ReaderImport, ANameInPartsAndTheClassFromTheTitle) {
    const auto result = import(
        "Список учащихся 5Ә класса\n"
        "Фамилия;Имя;Отчество;Номер карты\n"
        "Қасымова;Әлия;Ерланқызы;20000016\n"
        "Нұрланұлы;Ерасыл;;20000024\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия Ерланқызы | pupil | 5Ә kk | active",
                                "20000024 | Нұрланұлы Ерасыл | pupil | 5Ә kk | active"}));
    ASSERT_EQ(result.notes.size(), 2u);
    EXPECT_EQ(result.notes[1].key, "import.note.class_from_title");
    EXPECT_EQ(result.notes[1].args.at("class"), "5Ә");
}

TEST_F(ReaderImport, TheGivenClassForAListWithoutAClassColumn) {
    options.class_name = "5 ә";
    const auto result = import("Список 7Б класса\nФИО;Карта\nҚасымова Әлия;20000016\n");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия | pupil | 5Ә kk | active"}));
    EXPECT_EQ(result.notes.size(), 1u) << "the title row is listed; its class is not used";

    options.class_name = "6В";
    ASSERT_TRUE(import("ФИО;Класс;Карта\nҚасымова Әлия;5Ә;20000016\n").ok());
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия | pupil | 5Ә kk | active"})) << "a class column wins";

    options.class_name = "Ә5";
    EXPECT_EQ(described(import("ФИО\nҚасымова Әлия\n")), (Lines{"line 0: import.error.bad_class value=Ә5"}));
}

SourceTable sheet_per_class() {
    return SourceTable{{
        {"5Ә", {{1, {"5Ә сынып"}}, {3, {"№", "Аты-жөні", "Карта"}}, {4, {"1", "Қасымова Әлия", "20000016"}}}},
        {"5Б",
         {{1, {"№", "Аты-жөні", "Карта"}}, {2, {"1", "Нұрланұлы Ерасыл", "20000024"}}, {3, {"2", "", "20000032"}}}},
    }};
}

TEST_F(ReaderImport, EverySheetInOneTransactionProblemsNamingTheirSheet) {
    options.sheets.all_sheets = true;
    const auto refused = import_readers(db(), sheet_per_class(), options);
    ASSERT_EQ(refused.problems.size(), 1u);
    EXPECT_EQ(refused.problems[0].sheet, "5Б");
    EXPECT_EQ(refused.problems[0].line, 3u);
    EXPECT_EQ(refused.problems[0].key, "import.error.empty_name");
    EXPECT_EQ(count("SELECT count(*) FROM reader"), 0);

    auto fixed = sheet_per_class();
    fixed.sheets[1].rows.pop_back();
    const auto result = import_readers(db(), std::move(fixed), options);
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(described(result));
    EXPECT_EQ(result.rows, 2u);
    EXPECT_EQ(readers(), (Lines{"20000016 | Қасымова Әлия | pupil | 5Ә kk | active",
                                "20000024 | Нұрланұлы Ерасыл | pupil | 5Б kk | active"}));
}

}  // namespace
}  // namespace kitap::core
