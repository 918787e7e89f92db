#include "core/import/import_table.hpp"

#include "core/import/cell_checks.hpp"

#include <algorithm>
#include <charconv>
#include <span>

namespace kitap::core {
namespace {

// Offices put a title, a date and the school's name above a list; 20 rows leave room for all.
constexpr std::size_t header_search_rows = 20;

std::size_t filled_cells(const CsvRecord& row) {
    return static_cast<std::size_t>(std::count_if(row.fields.begin(), row.fields.end(),
                                                  [](const std::string& cell) { return !tidy_cell(cell).empty(); }));
}

bool is_blank(const CsvRecord& row) { return filled_cells(row) == 0; }

// The filled cells, as a CSV line would show them: "Классный руководитель: Иванова А.А.".
std::string row_text(const CsvRecord& row) {
    std::string text;
    for (const auto& cell : row.fields)
        if (const auto tidy = tidy_cell(cell); !tidy.empty()) text += (text.empty() ? "" : "; ") + tidy;
    return text;
}

void note_ignored(std::vector<ImportProblem>& notes, const std::string& sheet, const CsvRecord& row) {
    notes.push_back({row.line, "import.note.ignored", {{"text", row_text(row)}}, sheet});
}

bool has_required(const ColumnMap& map, const ImportColumns& columns) {
    return std::all_of(columns.required.begin(), columns.required.end(),
                       [&](std::string_view column) { return map.has(column); });
}

std::optional<std::size_t> header_index(const SourceSheet& sheet, const ImportColumns& columns) {
    const auto searched = std::min(sheet.rows.size(), header_search_rows);
    for (std::size_t i = 0; i < searched; ++i)
        if (!is_blank(sheet.rows[i]) && has_required(ColumnMap(sheet.rows[i], columns), columns)) return i;
    return std::nullopt;
}

// Why a sheet has no header: it is empty, or its first row lacks required columns.
std::vector<ImportProblem> header_problems(const SourceSheet& sheet, const ImportColumns& columns) {
    const auto first =
        std::find_if(sheet.rows.begin(), sheet.rows.end(), [](const auto& row) { return !is_blank(row); });
    if (first == sheet.rows.end()) return {{1, "import.error.empty_file", {}, sheet.name}};
    const ColumnMap map(*first, columns);
    std::vector<ImportProblem> problems;
    for (const auto column : columns.required)
        if (!map.has(column))
            problems.push_back(
                {first->line, "import.error.missing_column", {{"column", std::string(column)}}, sheet.name});
    return problems;
}

// A blank row, or a gap in the numbering (an empty line of a text file, a row a
// workbook leaves out because nothing is in it), comes just before rows[i].
bool after_a_break(const std::vector<CsvRecord>& rows, std::size_t i) {
    return i > 0 && (is_blank(rows[i - 1]) || rows[i].line > rows[i - 1].line + 1);
}

// Where the lines under the list begin: the last break after the first data row
// that is followed only by blank rows and rows of one cell (or none under a known
// column). rows.size() when there is none.
std::size_t trailer_start(const std::vector<CsvRecord>& rows, std::size_t header, const ColumnMap& map) {
    auto start = rows.size();
    while (start > header + 1) {
        const auto& row = rows[start - 1];
        if (!is_blank(row) && filled_cells(row) > 1 && map.any_known_cell(row)) break;
        --start;
    }
    auto first_data = header + 1;
    while (first_data < rows.size() && is_blank(rows[first_data])) ++first_data;
    for (auto i = rows.size(); i > std::max(start, first_data + 1); --i)
        if (!is_blank(rows[i - 1]) && after_a_break(rows, i - 1)) return i - 1;
    return rows.size();
}

ImportTable table_of(SourceSheet& sheet, std::size_t header, const ImportColumns& columns,
                     std::vector<ImportProblem>& notes) {
    auto& rows = sheet.rows;
    ImportTable table{.sheet = sheet.name, .columns = ColumnMap(rows[header], columns), .rows = {}};
    for (std::size_t i = 0; i < header; ++i) {
        if (is_blank(rows[i])) continue;
        note_ignored(notes, sheet.name, rows[i]);
        for (const auto& cell : rows[i].fields) {
            if (table.title_class) break;
            table.title_class = class_in_title(cell);
            table.title_class_line = rows[i].line;
        }
    }
    const auto trailer = trailer_start(rows, header, table.columns);
    for (auto i = header + 1; i < rows.size(); ++i) {
        if (is_blank(rows[i])) continue;
        if (!table.columns.any_known_cell(rows[i]) || (i >= trailer && filled_cells(rows[i]) == 1))
            note_ignored(notes, sheet.name, rows[i]);
        else
            table.rows.push_back(std::move(rows[i]));
    }
    return table;
}

// By name as written, or as an alias key ("5 Ә" for "5Ә"), else by 1-based number.
SourceSheet* chosen_sheet(SourceTable& source, const std::string& wanted) {
    for (auto& sheet : source.sheets)
        if (sheet.name == wanted || alias_key(sheet.name) == alias_key(wanted)) return &sheet;
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), number);
    if (error == std::errc{} && end == wanted.data() + wanted.size() && number >= 1 && number <= source.sheets.size())
        return &source.sheets[number - 1];
    return nullptr;
}

std::string sheet_names(const SourceTable& source) {
    std::string names;
    for (const auto& sheet : source.sheets) names += (names.empty() ? "" : ", ") + sheet.name;
    return names;
}

// Cyrillic (Kazakh letters included) or Latin: the lead byte of a letter in UTF-8.
std::size_t letter_length(std::string_view text) {
    if (text.empty()) return 0;
    const auto c = static_cast<unsigned char>(text.front());
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return 1;
    if (c >= 0xD0 && c <= 0xD3 && text.size() >= 2) return 2;
    return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// What may stand between a class's grade and letter: "5 Ә", "5-Ә", "5 «Ә»", "5 \"Ә\"".
std::size_t separators_length(std::string_view text) {
    std::size_t length = 0;
    for (bool found = true; found;) {
        found = false;
        for (const std::string_view separator : {" ", "-", "\xC2\xAB", "\"", "\xE2\x80\x9C"})
            if (text.substr(length).starts_with(separator)) {
                length += separator.size();
                found = true;
            }
    }
    return length;
}

}  // namespace

std::optional<ClassName> class_in_title(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || letter_length(text.substr(i - 1)) == 1)))
            continue;
        auto end = i;
        while (end < text.size() && is_digit(text[end])) ++end;
        if (end - i > 2) {
            i = end;
            continue;
        }
        end += separators_length(text.substr(end));
        const auto letter = letter_length(text.substr(end));
        if (letter == 0) continue;
        end += letter;
        for (const std::string_view closing : {"\xC2\xBB", "\"", "\xE2\x80\x9D"})
            if (text.substr(end).starts_with(closing)) end += closing.size();
        if (letter_length(text.substr(end)) != 0) continue;  // the start of a word: "5 Алматы"
        const auto parsed = parse_class_name(text.substr(i, end - i));
        if (parsed.name && !parsed.problem) return parsed.name;
    }
    return std::nullopt;
}

namespace {

// Cells under the header that are too long or hold a control character
// (cell_checks.hpp), with the sheet's name.
std::vector<ImportProblem> bad_cells(const SourceSheet& sheet, std::size_t header, const ImportColumns& columns) {
    auto problems = cell_problems(std::span(sheet.rows).subspan(header), columns);
    for (auto& problem : problems) problem.sheet = sheet.name;
    return problems;
}

}  // namespace

tl::expected<std::vector<ImportTable>, std::vector<ImportProblem>> read_import_tables(
    SourceTable source, const ImportColumns& columns, const SheetChoice& choice, std::vector<ImportProblem>& notes) {
    if (!choice.sheet.empty()) {
        auto* sheet = chosen_sheet(source, choice.sheet);
        if (!sheet)
            return tl::unexpected(std::vector<ImportProblem>{
                {0, "import.error.no_sheet", {{"sheet", choice.sheet}, {"sheets", sheet_names(source)}}}});
        const auto header = header_index(*sheet, columns);
        if (!header) return tl::unexpected(header_problems(*sheet, columns));
        if (auto bad = bad_cells(*sheet, *header, columns); !bad.empty()) return tl::unexpected(std::move(bad));
        return std::vector<ImportTable>{table_of(*sheet, *header, columns, notes)};
    }
    std::vector<ImportTable> tables;
    std::vector<ImportProblem> bad;
    std::optional<std::vector<ImportProblem>> first_problems;
    for (auto& sheet : source.sheets) {
        const auto header = header_index(sheet, columns);
        if (!header) {
            if (!first_problems) first_problems = header_problems(sheet, columns);
            if (!sheet.name.empty()) notes.push_back({0, "import.note.sheet_skipped", {}, sheet.name});
            continue;
        }
        auto sheet_bad = bad_cells(sheet, *header, columns);
        bad.insert(bad.end(), sheet_bad.begin(), sheet_bad.end());
        tables.push_back(table_of(sheet, *header, columns, notes));
        if (!choice.all_sheets) break;
    }
    if (!bad.empty()) return tl::unexpected(std::move(bad));
    if (tables.empty())
        return tl::unexpected(first_problems.value_or(std::vector<ImportProblem>{{1, "import.error.empty_file", {}}}));
    return tables;
}

}  // namespace kitap::core
