#pragma once

#include "core/audit/event_log.hpp"
#include "core/calendar.hpp"
#include "core/rules.hpp"
#include "tests/support/test_database.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kitap::testing {

using core::RowId;

// A fresh database and the few rows a test needs of a school, written straight
// into it: classes, readers, titles, copies and loans. Each call returns the new row's id.
class TestSchool : public TempDatabase {
public:
    // A valid ISBN-13 of the Kazakh range: 978601 and `n`.
    static std::string isbn(int n);
    // Noon UTC: the same local day wherever the tests run.
    static core::Timestamp noon(core::Date day) { return std::chrono::sys_days{day} + std::chrono::hours{12}; }

    RowId add_class(const std::string& year, int grade, const std::string& letter, const std::string& language = "kk");
    // A pupil named "Pupil CARD".
    RowId add_pupil(const std::string& card, RowId class_id, const std::string& status = "active");
    RowId add_reader(const std::string& card, const std::string& name, core::ReaderCategory category,
                     std::optional<RowId> class_id = std::nullopt);
    // A title named "Title ISBN".
    RowId add_title(const std::string& isbn_code, const std::string& kind, int stock, std::int64_t price_tiyn = 0);
    RowId add_copy(const std::string& barcode, RowId title, const std::string& shelf = "",
                   const std::string& status = "in_fund");
    // An open loan due 2024-05-31.
    RowId lend(RowId reader, RowId title, int quantity = 1, std::optional<RowId> copy = std::nullopt,
               const std::string& loaned_at = "2023-09-02T09:00:00Z");
    void give_back(RowId loan, const std::string& returned_at, const std::string& condition);

    long long count(const std::string& sql) { return db().execAndGet(sql).getInt64(); }
    std::string text(const std::string& sql) { return db().execAndGet(sql).getString(); }
};

}  // namespace kitap::testing
