#pragma once

#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/test_database.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>

namespace kitap::testing {

using core::RowId;

// A small library written straight into a fresh database, for the tests of the
// librarian's year: fund movement, stocktakes, closing a year, ordering.
class LibraryFixture : public ::testing::Test {
protected:
    SQLite::Database& db() { return temp_.db(); }

    long long count(const std::string& sql) { return db().execAndGet(sql).getInt64(); }
    std::string text(const std::string& sql) { return db().execAndGet(sql).getString(); }

    // Noon UTC: the same local day wherever the tests run.
    static core::Timestamp noon(core::Date day) { return std::chrono::sys_days{day} + std::chrono::hours{12}; }
    static core::ActionStamp on(core::Date day) { return {.at = noon(day)}; }

    // A valid ISBN-13 of the Kazakh range: 978601 and `n`.
    static std::string isbn(int n) {
        char twelve[16];
        std::snprintf(twelve, sizeof twelve, "978601%06d", n);
        return std::string(twelve) + core::ean13_check_digit(twelve);
    }

    RowId insert(const std::string& sql) {
        db().exec(sql);
        return db().getLastInsertRowid();
    }

    RowId add_class(const std::string& year, int grade, const std::string& letter, const std::string& language = "kk") {
        SQLite::Statement insert(db(),
                                 "INSERT INTO school_class (grade, letter, language, school_year) VALUES (?, ?, ?, ?)");
        core::rebind(insert, grade, letter, language, year).exec();
        return db().getLastInsertRowid();
    }

    RowId add_pupil(const std::string& card, RowId class_id, const std::string& status = "active") {
        SQLite::Statement insert(db(),
                                 "INSERT INTO reader (card, full_name, category, class_id, status) "
                                 "VALUES (?, 'Pupil ' || ?1, 'pupil', ?, ?)");
        core::rebind(insert, card, class_id, status).exec();
        return db().getLastInsertRowid();
    }

    RowId add_title(const std::string& isbn_code, const std::string& kind, int stock, std::int64_t price_tiyn = 0) {
        SQLite::Statement insert(db(),
                                 "INSERT INTO title (title, isbn, kind, stock, price_tiyn) "
                                 "VALUES ('Title ' || ?1, ?1, ?, ?, ?)");
        core::rebind(insert, isbn_code, kind, stock, price_tiyn).exec();
        return db().getLastInsertRowid();
    }

    RowId add_copy(const std::string& barcode, RowId title, const std::string& shelf = "",
                   const std::string& status = "in_fund") {
        SQLite::Statement insert(db(), "INSERT INTO copy (barcode, title_id, shelf, status) VALUES (?, ?, ?, ?)");
        core::rebind(insert, barcode, title, shelf, status).exec();
        return db().getLastInsertRowid();
    }

    RowId lend(RowId reader, RowId title, int quantity = 1, std::optional<RowId> copy = std::nullopt,
               const std::string& loaned_at = "2023-09-02T09:00:00Z") {
        SQLite::Statement insert(db(),
                                 "INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due) "
                                 "VALUES (?, ?, ?, ?, ?, '2024-05-31')");
        core::rebind(insert, reader, title, copy, quantity, loaned_at).exec();
        return db().getLastInsertRowid();
    }

    void give_back(RowId loan, const std::string& returned_at, const std::string& condition) {
        SQLite::Statement update(db(), "UPDATE loan SET returned_at = ?, condition = ? WHERE id = ?");
        core::rebind(update, returned_at, condition, loan).exec();
    }

    TempDatabase temp_;
};

}  // namespace kitap::testing
