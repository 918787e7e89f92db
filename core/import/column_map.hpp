#pragma once

#include "core/import/csv.hpp"
#include "core/import/import_result.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// What the reader and catalogue importers share: reading a school office's file,
// finding its columns by their Kazakh, Russian or English headers, and reading
// each row's cells, recording every problem on the row's line.
namespace kitap::core {

// How header cells and words are compared: case folded, with spaces, '_', '-' and
// '.' dropped, so "Аты-жөні", "аты жөні" and "АТЫ_ЖӨНІ" are one key, as are
// "Ф.И.О." and "фио".
std::string alias_key(std::string_view text);

// The words people write for each of a few values, in any of the school's languages.
template <typename Value>
class AliasTable {
public:
    AliasTable(std::initializer_list<std::pair<Value, std::vector<std::string_view>>> entries) {
        for (const auto& [value, words] : entries)
            for (const auto word : words) keys_.emplace_back(alias_key(word), value);
    }

    std::optional<Value> find(std::string_view text) const {
        const auto key = alias_key(text);
        for (const auto& [candidate, value] : keys_)
            if (candidate == key) return value;
        return std::nullopt;
    }

    // Each value once, in the order first given.
    std::vector<Value> values() const {
        std::vector<Value> distinct;
        for (const auto& [key, value] : keys_)
            if (std::find(distinct.begin(), distinct.end(), value) == distinct.end()) distinct.push_back(value);
        return distinct;
    }

private:
    std::vector<std::pair<std::string, Value>> keys_;
};

// A column a file may give in parts instead, joined with spaces: the name as
// surname, first name and patronymic. The first `needed` parts must be there.
struct JoinedColumn {
    std::string_view column;
    std::vector<std::string_view> parts;  // columns of the same table
    std::size_t needed = 0;
};

// The columns an importer reads: each column's name (as problems name it) with the
// header texts that mean it, and which of them a file must have.
struct ImportColumns {
    AliasTable<std::string_view> headers;
    std::vector<std::string_view> required;
    std::vector<JoinedColumn> joined = {};
};

// Where each known column is in one file, from its header row; extra columns are ignored.
// Keeps views of the column names of `columns`, which must outlive it (the importers'
// tables are static).
class ColumnMap {
public:
    ColumnMap(const CsvRecord& header, const ImportColumns& columns);

    // The column is in the header, or enough of its parts.
    bool has(std::string_view column) const;
    // The cell trimmed, with each run of whitespace inside (line ends of a quoted
    // cell too) as one space; a joined column's parts joined with spaces; empty when
    // the file has no such column or the row is short. Throws std::logic_error for
    // a column the importer never declared.
    std::string cell(const CsvRecord& record, std::string_view column) const;
    // Whether any cell under a column the importer knows holds something.
    bool any_known_cell(const CsvRecord& record) const;

private:
    std::optional<std::size_t> position(std::string_view column) const;

    std::map<std::string_view, std::optional<std::size_t>, std::less<>> positions_;
    std::vector<JoinedColumn> joined_;
};

// The cell trimmed, with each run of whitespace inside as one space.
std::string tidy_cell(std::string_view text);

// One row read through the column map. Each problem found is added to the
// file's problems on the row's line, so an office fixes the whole file in one go.
class RowReader {
public:
    RowReader(const CsvRecord& record, const ColumnMap& columns, std::vector<ImportProblem>& problems,
              std::string_view sheet = {});

    std::size_t line() const { return record_.line; }
    // "12" in a text file, "5Ә:12" in a workbook's sheet.
    std::string place() const;
    bool ok() const { return ok_; }  // no problem found on this row yet

    std::string text(std::string_view column) const { return columns_.cell(record_, column); }

    // nullopt for an empty cell; `problem_key` {value} for a word not in `words`.
    template <typename Value>
    std::optional<Value> word(std::string_view column, const AliasTable<Value>& words, std::string_view problem_key) {
        const auto value = text(column);
        if (value.empty()) return std::nullopt;
        auto found = words.find(value);
        if (!found) problem(problem_key, {{"value", value}});
        return found;
    }

    // nullopt for an empty cell; import.error.bad_number {column, value} for
    // anything but a whole number from `min` to `max`.
    std::optional<int> whole_number(std::string_view column, int min, int max);

    void problem(std::string_view key, std::map<std::string, std::string> args = {});

private:
    const CsvRecord& record_;
    const ColumnMap& columns_;
    std::vector<ImportProblem>& problems_;
    std::string_view sheet_;
    bool ok_ = true;
};

// The first place (line, or sheet:row) at which each of a file's values (cards,
// ISBNs, barcodes) was seen: a value seen again is reported as `problem_key`
// {`name`, first_line}.
class DuplicateFinder {
public:
    DuplicateFinder(std::string_view problem_key, std::string_view name) : problem_key_(problem_key), name_(name) {}

    // False (and the problem recorded) when `value` was seen before.
    bool first_time(const std::string& value, RowReader& row);

private:
    std::string_view problem_key_;
    std::string_view name_;
    std::unordered_map<std::string, std::string> first_places_;  // hashed: an import stays O(rows)
};

// The language codes the importers read ("kk", "ru", "en") from the words for them.
const AliasTable<std::string_view>& language_words();

// "rows 1400, added 1398, updated 2, unchanged 0" for the import's summary event.
std::string counts_detail(const ImportResult& result);

// The names of the fields an update changed ("class,status"), for the event log.
class ChangedFields {
public:
    template <typename T>
    void compare(std::string_view field, const T& before, const T& after) {
        if (before == after) return;
        if (!names_.empty()) names_ += ',';
        names_ += field;
    }

    const std::string& names() const { return names_; }

private:
    std::string names_;
};

// The same row (a namesake without a card, a title without ISBN) may rightly occur
// more than once: the n-th occurrence in the file is the n-th one stored.
class OccurrenceCounter {
public:
    // 0 the first time `key` is seen, then 1, 2, ...
    std::size_t next(const std::string& key) { return seen_[key]++; }

private:
    std::unordered_map<std::string, std::size_t> seen_;
};

}  // namespace kitap::core
