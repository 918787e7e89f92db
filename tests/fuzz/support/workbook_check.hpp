#pragma once

// What every workbook reader promises, checked on whatever it returns.
#include "kiosk/workbook/workbook.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <string_view>

namespace kitap::fuzz {

// Small limits, so that a fuzzer's input that reaches them does so quickly and
// within libFuzzer's memory limit.
inline const workbook::WorkbookLimits fuzz_limits{.input_bytes = 1u << 20,
                                                  .uncompressed_bytes = 8u << 20,
                                                  .sheets = 16,
                                                  .rows = 2'000,
                                                  .columns = 64,
                                                  .cell_bytes = 1'024,
                                                  .cells = 50'000,
                                                  .text_bytes = 4u << 20};

// A table within the limits with rows in order, or a refusal with a workbook key.
inline void check_workbook(std::string_view bytes) {
    // Forked as the CLI does: libFuzzer's own threads would choose a spawned child, and
    // the fuzzer binary serves no `__read-xls`.
    const auto table = workbook::read_workbook(bytes, fuzz_limits, {.start = workbook::XlsChild::Start::fork});
    if (!table) {
        require(table.error().key.starts_with("import.error.workbook_"), "a refusal is a workbook error",
                table.error().key);
        return;
    }
    require(table->sheets.size() <= fuzz_limits.sheets, "no more sheets than the limit");
    std::size_t rows = 0;
    for (const auto& sheet : table->sheets) {
        std::size_t previous = 0;
        for (const auto& row : sheet.rows) {
            require(row.line > previous, "rows numbered upward", std::to_string(row.line));
            require(!row.fields.empty() && row.fields.size() <= fuzz_limits.columns, "a row has 1 to 'columns' cells");
            require(!row.fields.back().empty(), "a row ends with a filled cell");
            for (const auto& cell : row.fields)
                require(cell.size() <= fuzz_limits.cell_bytes, "cells within the limit");
            previous = row.line;
        }
        rows += sheet.rows.size();
    }
    require(rows <= fuzz_limits.rows, "no more rows than the limit");
}

}  // namespace kitap::fuzz
