#pragma once

#include "kiosk/workbook/workbook.hpp"

#include <stdexcept>

// Inside the readers a refusal unwinds as an exception (out of XML callbacks too,
// which catch and rethrow it outside expat); read_workbook turns it into a value.
namespace kitap::workbook {

struct WorkbookFailure : std::runtime_error {
    explicit WorkbookFailure(WorkbookError why) : std::runtime_error(why.key), error(std::move(why)) {}
    WorkbookError error;
};

[[noreturn]] inline void refuse(std::string key, std::map<std::string, std::string> args = {}) {
    throw WorkbookFailure(WorkbookError{std::move(key), std::move(args)});
}

[[noreturn]] inline void refuse_broken(std::string detail) {
    refuse("import.error.workbook_broken", {{"detail", std::move(detail)}});
}

}  // namespace kitap::workbook
