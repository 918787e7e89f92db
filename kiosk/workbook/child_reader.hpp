#pragma once

#include "kiosk/workbook/sheet_builder.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kitap::workbook {

// Runs `read` in a forked child process and rebuilds in `sheets` the cells it sends
// back through a pipe, within the same limits. For a library that is not safe on
// hostile input (freexl over-reads its stack on some malformed .xls, found by
// fuzz_xls_reader): whatever it does stays in the child, which holds nothing but
// the file; a child that crashes, is killed or sends nonsense makes the workbook
// broken. The child's CPU time and (without sanitizers) address space are limited.
// For single-threaded callers (the CLI): the child allocates after fork.
void read_in_child(const std::function<void(SheetBuilder&)>& read, SheetBuilder& sheets, const WorkbookLimits& limits);

// The same with a fresh process, safe in a multi-threaded caller (a server):
// `program args...` runs (posix_spawn, no fork of this process) with `input_fd`
// as its standard input and no other descriptor of ours, and writes its cells to
// standard output as serve_as_child does.
void read_in_process(const std::filesystem::path& program, const std::vector<std::string>& args, int input_fd,
                     SheetBuilder& sheets, const WorkbookLimits& limits);

// The child's side, in either: under the CPU and memory limits, `read` fills a
// table that goes to `out`; the process then ends (0, or 1 when `read` broke).
[[noreturn]] void serve_as_child(const std::function<void(SheetBuilder&)>& read, const WorkbookLimits& limits, int out);

// Whether this process runs more than one thread, when fork() is no longer safe.
bool has_several_threads();

}  // namespace kitap::workbook
