#pragma once

#include "kiosk/workbook/sheet_builder.hpp"

#include <functional>

namespace kitap::workbook {

// Runs `read` in a forked child process and rebuilds in `sheets` the cells it sends
// back through a pipe, within the same limits. For a library that is not safe on
// hostile input (freexl over-reads its stack on some malformed .xls, found by
// fuzz_xls_reader): whatever it does stays in the child, which holds nothing but
// the file; a child that crashes, is killed or sends nonsense makes the workbook
// broken. The child's CPU time and (without sanitizers) address space are limited.
// For single-threaded callers (the CLI): the child allocates after fork.
void read_in_child(const std::function<void(SheetBuilder&)>& read, SheetBuilder& sheets, const WorkbookLimits& limits);

}  // namespace kitap::workbook
