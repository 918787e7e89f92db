#include "tests/support/school.hpp"

#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"

#include <cstdio>

namespace kitap::testing {

std::string TestSchool::isbn(int n) {
    char twelve[16];
    std::snprintf(twelve, sizeof twelve, "978601%06d", n);
    return std::string(twelve) + core::ean13_check_digit(twelve);
}

RowId TestSchool::add_class(const std::string& year, int grade, const std::string& letter,
                            const std::string& language) {
    SQLite::Statement insert(db(),
                             "INSERT INTO school_class (grade, letter, language, school_year) VALUES (?, ?, ?, ?)");
    core::rebind(insert, grade, letter, language, year).exec();
    return db().getLastInsertRowid();
}

RowId TestSchool::add_pupil(const std::string& card, RowId class_id, const std::string& status) {
    SQLite::Statement insert(db(),
                             "INSERT INTO reader (card, full_name, category, class_id, status) "
                             "VALUES (?, 'Pupil ' || ?1, 'pupil', ?, ?)");
    core::rebind(insert, card, class_id, status).exec();
    return db().getLastInsertRowid();
}

RowId TestSchool::add_reader(const std::string& card, const std::string& name, core::ReaderCategory category,
                             std::optional<RowId> class_id) {
    SQLite::Statement insert(db(), "INSERT INTO reader (card, full_name, category, class_id) VALUES (?, ?, ?, ?)");
    core::rebind(insert, card, name, std::string(core::to_string(category)), class_id).exec();
    return db().getLastInsertRowid();
}

RowId TestSchool::add_title(const std::string& isbn_code, const std::string& kind, int stock, std::int64_t price_tiyn) {
    SQLite::Statement insert(db(),
                             "INSERT INTO title (title, isbn, kind, stock, price_tiyn) "
                             "VALUES ('Title ' || ?1, ?1, ?, ?, ?)");
    core::rebind(insert, isbn_code, kind, stock, price_tiyn).exec();
    return db().getLastInsertRowid();
}

RowId TestSchool::add_copy(const std::string& barcode, RowId title, const std::string& shelf,
                           const std::string& status) {
    SQLite::Statement insert(db(), "INSERT INTO copy (barcode, title_id, shelf, status) VALUES (?, ?, ?, ?)");
    core::rebind(insert, barcode, title, shelf, status).exec();
    return db().getLastInsertRowid();
}

RowId TestSchool::lend(RowId reader, RowId title, int quantity, std::optional<RowId> copy,
                       const std::string& loaned_at) {
    SQLite::Statement insert(db(),
                             "INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due) "
                             "VALUES (?, ?, ?, ?, ?, '2024-05-31')");
    core::rebind(insert, reader, title, copy, quantity, loaned_at).exec();
    return db().getLastInsertRowid();
}

void TestSchool::give_back(RowId loan, const std::string& returned_at, const std::string& condition) {
    SQLite::Statement update(db(), "UPDATE loan SET returned_at = ?, condition = ? WHERE id = ?");
    core::rebind(update, returned_at, condition, loan).exec();
}

}  // namespace kitap::testing
