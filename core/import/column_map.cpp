#include "core/import/column_map.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
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

}  // namespace

std::string tidy_cell(std::string_view text) {
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

ColumnMap::ColumnMap(const CsvRecord& header, const ImportColumns& columns) : joined_(columns.joined) {
    for (const auto column : columns.headers.values()) positions_[column] = std::nullopt;
    for (std::size_t position = 0; position < header.fields.size(); ++position) {
        const auto column = columns.headers.find(header.fields[position]);
        if (column && !positions_[*column]) positions_[*column] = position;
    }
}

std::optional<std::size_t> ColumnMap::position(std::string_view column) const {
    const auto found = positions_.find(column);
    if (found == positions_.end()) throw std::logic_error("undeclared import column: " + std::string(column));
    return found->second;
}

bool ColumnMap::has(std::string_view column) const {
    const auto found = positions_.find(column);
    if (found != positions_.end() && found->second) return true;
    for (const auto& joined : joined_) {
        if (joined.column != column) continue;
        const auto given = std::count_if(joined.parts.begin(), joined.parts.begin() + joined.needed,
                                         [&](std::string_view part) { return position(part).has_value(); });
        return static_cast<std::size_t>(given) == joined.needed;
    }
    return false;
}

std::string ColumnMap::cell(const CsvRecord& record, std::string_view column) const {
    if (const auto at = position(column)) return *at < record.fields.size() ? tidy_cell(record.fields[*at]) : "";
    for (const auto& joined : joined_) {
        if (joined.column != column) continue;
        std::string whole;
        for (const auto part : joined.parts)
            if (const auto text = cell(record, part); !text.empty()) whole += (whole.empty() ? "" : " ") + text;
        return whole;
    }
    return {};
}

bool ColumnMap::any_known_cell(const CsvRecord& record) const {
    for (const auto& [column, at] : positions_)
        if (at && *at < record.fields.size() && !tidy_cell(record.fields[*at]).empty()) return true;
    return false;
}

RowReader::RowReader(const CsvRecord& record, const ColumnMap& columns, std::vector<ImportProblem>& problems,
                     std::string_view sheet)
    : record_(record), columns_(columns), problems_(problems), sheet_(sheet) {}

std::string RowReader::place() const {
    const auto line = std::to_string(record_.line);
    return sheet_.empty() ? line : std::string(sheet_) + ':' + line;
}

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
    problems_.push_back({record_.line, std::string(key), std::move(args), std::string(sheet_)});
    ok_ = false;
}

bool DuplicateFinder::first_time(const std::string& value, RowReader& row) {
    const auto [first, inserted] = first_places_.try_emplace(value, row.place());
    if (inserted) return true;
    row.problem(problem_key_, {{std::string(name_), value}, {"first_line", first->second}});
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
