#pragma once

#include "core/fund/action_stamp.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kitap::testing {

// A small library written straight into a fresh database, for the tests of the
// librarian's year: fund movement, stocktakes, closing a year, ordering.
class LibraryFixture : public ::testing::Test, protected TestSchool {
protected:
    static core::ActionStamp on(core::Date day) { return {.at = noon(day)}; }

    RowId insert(const std::string& sql) {
        db().exec(sql);
        return db().getLastInsertRowid();
    }
};

}  // namespace kitap::testing
