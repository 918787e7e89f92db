#include "core/import/column_map.hpp"

#include "core/import/cell_checks.hpp"
#include "core/import/text_decoding.hpp"
#include "core/text/utf8.hpp"

#include <charconv>
#include <stdexcept>

namespace kitap::core {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";

// The length of the whitespace at the start of `text`: 0, 1, or 2 for a no-break space.
std::size_t whitespace_length(std::string_view text) {
    if (text.starts_with(no_break_space)) return no_break_space.size();
    const char c = text.front();
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' ? 1 : 0;
}

// Trimmed, each run of whitespace inside as one space.
std::string tidy(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    while (!text.empty()) {
        if (const auto space = whitespace_length(text)) {
            pending_space = !out.empty();
            text.remove_prefix(space);
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += text.front();
        text.remove_prefix(1);
    }
    return out;
}

std::vector<ImportProblem> undecodable_lines(const std::vector<DecodeError>& errors) {
    std::vector<ImportProblem> problems;
    problems.reserve(errors.size());
    for (const auto& error : errors)
        problems.push_back({error.line, "import.error.undecodable", {{"detail", error.reason}}});
    return problems;
}

std::vector<ImportProblem> missing_columns(const ColumnMap& map, const ImportColumns& columns, std::size_t line) {
    std::vector<ImportProblem> problems;
    for (const auto column : columns.required)
        if (!map.has(column))
            problems.push_back({line, "import.error.missing_column", {{"column", std::string(column)}}});
    return problems;
}

bool all_cells_empty(const CsvRecord& record) {
    for (const auto& field : record.fields)
        if (!tidy(field).empty()) return false;
    return true;
}

std::vector<CsvRecord> data_rows(std::vector<CsvRecord>& records) {
    std::vector<CsvRecord> rows;
    rows.reserve(records.size());
    for (std::size_t i = 1; i < records.size(); ++i)
        if (!all_cells_empty(records[i])) rows.push_back(std::move(records[i]));
    return rows;
}

}  // namespace

std::string alias_key(std::string_view text) {
    const auto folded = fold_case(text);
    std::string key;
    std::string_view rest = folded;
    while (!rest.empty()) {
        if (const auto space = whitespace_length(rest)) {
            rest.remove_prefix(space);
        } else {
            if (rest.front() != '_' && rest.front() != '-' && rest.front() != '.') key += rest.front();
            rest.remove_prefix(1);
        }
    }
    return key;
}

ColumnMap::ColumnMap(const CsvRecord& header, const ImportColumns& columns) {
    for (const auto column : columns.headers.values()) positions_[column] = std::nullopt;
    for (std::size_t position = 0; position < header.fields.size(); ++position) {
        const auto column = columns.headers.find(header.fields[position]);
        if (column && !positions_[*column]) positions_[*column] = position;
    }
}

bool ColumnMap::has(std::string_view column) const {
    const auto found = positions_.find(column);
    return found != positions_.end() && found->second;
}

std::string ColumnMap::cell(const CsvRecord& record, std::string_view column) const {
    const auto found = positions_.find(column);
    if (found == positions_.end()) throw std::logic_error("undeclared import column: " + std::string(column));
    const auto& position = found->second;
    if (!position || *position >= record.fields.size()) return {};
    return tidy(record.fields[*position]);
}

tl::expected<ImportTable, std::vector<ImportProblem>> read_import_table(std::string_view file_bytes,
                                                                        const ImportColumns& columns) {
    if (auto too_large = file_size_problem(file_bytes.size())) return tl::unexpected(std::vector{*too_large});
    const auto text = decode_to_utf8(file_bytes);
    if (!text) return tl::unexpected(undecodable_lines(text.error()));
    auto table = parse_csv(text->utf8);
    if (!table) return tl::unexpected(std::vector{csv_problem(table.error())});
    if (table->records.empty()) return tl::unexpected(std::vector<ImportProblem>{{1, "import.error.empty_file", {}}});
    const auto& header = table->records.front();
    ColumnMap map(header, columns);
    if (auto missing = missing_columns(map, columns, header.line); !missing.empty())
        return tl::unexpected(std::move(missing));
    if (auto bad_cells = cell_problems(table->records, columns); !bad_cells.empty())
        return tl::unexpected(std::move(bad_cells));
    return ImportTable{std::move(map), data_rows(table->records)};
}

RowReader::RowReader(const CsvRecord& record, const ColumnMap& columns, std::vector<ImportProblem>& problems)
    : record_(record), columns_(columns), problems_(problems) {}

std::optional<int> RowReader::whole_number(std::string_view column, int min, int max) {
    const auto value = text(column);
    if (value.empty()) return std::nullopt;
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error == std::errc{} && end == value.data() + value.size() && number >= min && number <= max) return number;
    problem("import.error.bad_number", {{"column", std::string(column)}, {"value", value}});
    return std::nullopt;
}

void RowReader::problem(std::string_view key, std::map<std::string, std::string> args) {
    problems_.push_back({record_.line, std::string(key), std::move(args)});
    ok_ = false;
}

bool DuplicateFinder::first_time(const std::string& value, RowReader& row) {
    const auto [first, inserted] = first_lines_.try_emplace(value, row.line());
    if (inserted) return true;
    row.problem(problem_key_, {{std::string(name_), value}, {"first_line", std::to_string(first->second)}});
    return false;
}

const AliasTable<std::string_view>& language_words() {
    static const AliasTable<std::string_view> words{
        {"kk",
         {"kk", "kz", "kaz", "kazakh", "қаз", "каз", "қазақ", "қазақша", "қазақ тілі", "казахский", "казахский язык"}},
        {"ru", {"ru", "rus", "russian", "рус", "русский", "орыс", "орысша", "орыс тілі", "русский язык"}},
        {"en",
         {"en", "eng", "english", "англ", "английский", "английский язык", "ағылшын", "ағылшынша", "ағылшын тілі"}},
    };
    return words;
}

std::string counts_detail(const ImportResult& result) {
    return "rows " + std::to_string(result.rows) + ", added " + std::to_string(result.added) + ", updated " +
           std::to_string(result.updated) + ", unchanged " + std::to_string(result.unchanged);
}

}  // namespace kitap::core
