#pragma once

#include "core/calendar.hpp"
#include "core/import/import_result.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <string_view>

namespace kitap::fuzz {

// One importer as the fuzz targets drive it: the file's bytes into a database,
// for real or as a dry run.
using Importer = std::function<core::ImportResult(SQLite::Database&, std::string_view file_bytes, bool dry_run)>;

// When the fuzzed imports happen (the sample library was made the day before).
inline const core::Timestamp import_time{std::chrono::sys_days{std::chrono::year{2025} / 9 / 2}};

// What every import promises, checked on the sample library (dry runs) and on a
// fresh copy of it (real imports of files without problems):
// - it never throws (a bad file is problems, not an exception);
// - each problem is on a line of the file, with a message in every language
//   whose placeholders the problem fills;
// - a dry run writes nothing and reports exactly what the real import then does;
// - a successful import accounts for every row (added + updated + unchanged);
// - with `reimport_changes_nothing`, importing the same file again adds and updates nothing.
void check_import(std::string_view file_bytes, const Importer& import, bool reimport_changes_nothing);

}  // namespace kitap::fuzz
