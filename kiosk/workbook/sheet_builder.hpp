#pragma once

#include "kiosk/workbook/workbook.hpp"

#include <cstddef>
#include <string>

namespace kitap::workbook {

// Fills a SourceTable within the limits, as a reader walks a workbook's cells.
class SheetBuilder {
public:
    SheetBuilder(core::SourceTable& table, const WorkbookLimits& limits) : table_(table), limits_(limits) {}

    void start_sheet(std::string name);
    // `row` and `column` are 1-based, in the order the file gives them; empty text adds nothing.
    void set_cell(std::size_t row, std::size_t column, std::string text);

private:
    core::SourceTable& table_;
    const WorkbookLimits& limits_;
    std::size_t rows_ = 0;
    std::size_t cells_ = 0;
    std::size_t text_bytes_ = 0;
};

}  // namespace kitap::workbook
