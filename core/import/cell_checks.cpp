#include "core/import/cell_checks.hpp"

#include "core/import/import_limits.hpp"
#include "core/text/control_chars.hpp"

#include <algorithm>
#include <string>

namespace kitap::core {
namespace {

// "60 000 000": groups of three split by spaces, as Kazakh and Russian write
// them and as English readers understand them.
std::string grouped(std::size_t number) {
    std::string digits = std::to_string(number);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), 1, ' ');
    return digits;
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The importer's name for each column of the header ("name", "title"); empty for
// the columns it ignores.
std::vector<std::string_view> column_names(const CsvRecord& header, const ImportColumns& columns) {
    std::vector<std::string_view> names;
    names.reserve(header.fields.size());
    for (const auto& cell : header.fields) names.push_back(columns.headers.find(cell).value_or(std::string_view{}));
    return names;
}

void check_cell(std::size_t line, std::string_view column, std::string_view cell,
                std::vector<ImportProblem>& problems) {
    const std::string name(column);
    const auto length = utf8_length(cell);
    if (const auto max = import_limits::max_chars_of(column); length > max) {
        problems.push_back(
            {line, "import.error.too_long", {{"column", name}, {"length", grouped(length)}, {"max", grouped(max)}}});
        return;
    }
    if (const auto control = first_control_character(cell))
        problems.push_back({line,
                            "import.error.control_character",
                            {{"column", name}, {"code", code_point_name(control->code_point)}}});
}

}  // namespace

std::optional<ImportProblem> file_size_problem(std::size_t bytes) {
    constexpr std::size_t max = import_limits::max_file_bytes;
    if (bytes <= max) return std::nullopt;
    return ImportProblem{1,
                         "import.error.file_too_large",
                         {{"size", grouped(bytes)}, {"max", grouped(max)}, {"max_mb", grouped(max >> 20)}}};
}

ImportProblem csv_problem(const CsvError& error) {
    switch (error.limit) {
        case CsvLimit::rows:
            return {error.line, "import.error.too_many_rows", {{"max", grouped(import_limits::max_rows)}}};
        case CsvLimit::columns:
            return {error.line, "import.error.too_many_columns", {{"max", grouped(import_limits::max_columns)}}};
        case CsvLimit::cells:
            return {error.line, "import.error.too_many_cells", {{"max", grouped(import_limits::max_cells)}}};
        case CsvLimit::none:
            break;
    }
    return {error.line, "import.error.csv", {{"detail", error.reason}}};
}

std::vector<ImportProblem> cell_problems(std::span<const CsvRecord> records, const ImportColumns& columns) {
    std::vector<ImportProblem> problems;
    if (records.empty()) return problems;
    const auto names = column_names(records.front(), columns);
    for (std::size_t row = 1; row < records.size(); ++row) {
        const auto& record = records[row];
        for (std::size_t i = 0; i < record.fields.size() && i < names.size(); ++i)
            if (!names[i].empty()) check_cell(record.line, names[i], record.fields[i], problems);
    }
    return problems;
}

}  // namespace kitap::core
