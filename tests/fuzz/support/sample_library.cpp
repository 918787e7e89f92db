#include "tests/fuzz/support/sample_library.hpp"

#include "core/db/database.hpp"
#include "core/import/catalog_import.hpp"
#include "core/import/reader_import.hpp"
#include "core/textbooks/curriculum.hpp"

#include <SQLiteCpp/Backup.h>

#include <stdexcept>
#include <string>

namespace kitap::fuzz {
namespace {

// The same files (and more) are in the seed corpora of the import targets.
constexpr std::string_view roster = R"(ФИО;Класс;Номер карты;Категория;Язык
Абаев Нұрлан;5Ә;20000014;ученик;kk
Иванова Мария;5Ә;20000022;ученик;kk
Сериков Данияр;7Б;;;ru
Сериков Данияр;7Б;;;ru
Петрова Анна Сергеевна;;20000030;учитель;
Ахметова Айгүл;11А;20000048;;kk
)";

constexpr std::string_view catalogue =
    R"(title,authors,isbn,publisher,year,language,kind,grade,subject,price,copies,barcodes
Математика 5,Әбілқасымова А.,9786010331235,Мектеп,2020,kk,textbook,5,Математика,"2 150,50",30,
Русский язык 5,Иванова Л.,978-601-03-3124-2,Атамұра,2021,ru,textbook,5,Русский язык,1900,25,
Алгебра 7,Шыныбеков Ә.,9786010331259,Атамұра,2017,kk,учебник,7,Алгебра,2000.00,28,
Абай жолы,Мұхтар Әуезов,9786012710007,Жазушы,2015,kk,fiction,,,3500,,10000024 10000032
Война и мир,Толстой Л.Н.,,Эксмо,2010,ru,художественная,,,,,10000040
Справочник школьника,,,,,ru,reference,,,,,10000057
)";

constexpr std::string_view curriculum = R"(grade;language;isbn;per_pupil;subject
5;kk;9786010331235;1;Математика
5;ru;9786010331242;1;
7;kk;978-601-03-3125-9;2;Алгебра
)";

const core::Timestamp made_at{std::chrono::sys_days{std::chrono::year{2025} / 9 / 1}};

void require_imported(const core::ImportResult& result, const char* what) {
    if (!result.ok() || result.added == 0)
        throw std::logic_error(std::string("the sample library's ") + what + " did not import");
}

}  // namespace

SampleLibrary::SampleLibrary() : db_(core::open_database(":memory:")) {
    require_imported(core::import_readers(db_, roster, {.school_year = "2025-2026", .now = made_at}), "roster");
    require_imported(core::import_catalog(db_, catalogue, {.now = made_at}), "catalogue");
    require_imported(core::import_curriculum(db_, curriculum, {.now = made_at}), "curriculum");
}

SQLite::Database SampleLibrary::copy() {
    auto fresh = core::open_database(":memory:");
    SQLite::Backup(fresh, db_).executeStep();
    return fresh;
}

SampleLibrary& sample_library() {
    static SampleLibrary library;
    return library;
}

}  // namespace kitap::fuzz
