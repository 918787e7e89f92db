#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace kitap::cli {

using CsvRow = std::vector<std::string>;

// RFC 4180: a field with the separator, quotes or a line end is quoted.
void write_csv(std::ostream& out, const CsvRow& header, const std::vector<CsvRow>& rows);

// Where a report goes: --out FILE, else standard output. Returns false (after
// saying why on stderr) when the file cannot be written.
bool write_report(const std::optional<std::string>& out_file, const std::string& text);

std::string format_number(double value, int decimals);

}  // namespace kitap::cli
