#include "core/import/csv.hpp"

#include "core/import/import_limits.hpp"
#include "core/text/utf8.hpp"

namespace kitap::core {
namespace {

constexpr char quote = '"';

struct SeparatorCounts {
    std::size_t tabs = 0, semicolons = 0, commas = 0;

    void count(char c) {
        if (c == '\t') ++tabs;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
    }

    bool any() const { return tabs + semicolons + commas > 0; }

    char most_frequent() const {
        if (tabs == 0 && semicolons == 0 && commas == 0) return ',';
        if (tabs >= semicolons && tabs >= commas) return '\t';
        if (semicolons >= commas) return ';';
        return ',';
    }
};

// Counts candidates in the first line that has any (a title above the header may
// have none), stepping over quoted text (where a doubled quote toggles twice and so
// changes nothing).
char detect_separator(std::string_view text) {
    SeparatorCounts counts;
    bool quoted = false;
    for (const char c : text) {
        if (c == quote) quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' && counts.any()) break;
        counts.count(c);
    }
    return counts.most_frequent();
}

class CsvReader {
public:
    CsvReader(std::string_view text, char separator) : text_(text), separator_(separator) {}

    tl::expected<std::vector<CsvRecord>, CsvError> read_records() {
        std::vector<CsvRecord> records;
        for (skip_empty_lines(); !at_end(); skip_empty_lines()) {
            if (records.size() > import_limits::max_rows)
                return limit_error(line_, CsvLimit::rows, import_limits::max_rows, "rows");
            auto record = read_record();
            if (!record) return tl::unexpected(std::move(record.error()));
            records.push_back(std::move(*record));
        }
        return records;
    }

private:
    static tl::unexpected<CsvError> limit_error(std::size_t line, CsvLimit limit, std::size_t max,
                                                std::string_view what) {
        return tl::unexpected(CsvError{line, "more than " + std::to_string(max) + " " + std::string(what), limit});
    }

    bool at_end() const { return pos_ >= text_.size(); }
    bool at(char c) const { return !at_end() && text_[pos_] == c; }
    bool at_line_end() const { return at('\n') || (at('\r') && text_.substr(pos_, 2) == "\r\n"); }
    bool at_field_end() const { return at_end() || at(separator_) || at_line_end(); }

    void skip_line_end() {
        pos_ += at('\r') ? 2 : 1;
        ++line_;
    }

    void skip_empty_lines() {
        while (at_line_end()) skip_line_end();
    }

    void skip_spaces() {
        while (at(' ')) ++pos_;
    }

    // Leaves the position after the record's line end (or at the end of the text).
    tl::expected<CsvRecord, CsvError> read_record() {
        CsvRecord record{line_, {}};
        for (;;) {
            auto field = read_field();
            if (!field) return tl::unexpected(std::move(field.error()));
            record.fields.push_back(std::move(*field));
            if (++cells_ > import_limits::max_cells)
                return limit_error(record.line, CsvLimit::cells, import_limits::max_cells, "cells in all");
            if (!at(separator_)) break;
            if (record.fields.size() == import_limits::max_columns)
                return limit_error(record.line, CsvLimit::columns, import_limits::max_columns, "columns");
            ++pos_;
        }
        if (at_line_end()) skip_line_end();
        return record;
    }

    // Leaves the position at the field's end: a separator, a line end or the end of the text.
    tl::expected<std::string, CsvError> read_field() {
        const std::size_t start = pos_;
        skip_spaces();
        if (at(quote)) return read_quoted_field();
        pos_ = start;
        return read_unquoted_field();
    }

    std::string read_unquoted_field() {
        const std::size_t start = pos_;
        while (!at_field_end()) ++pos_;
        return trim(text_.substr(start, pos_ - start));
    }

    tl::expected<std::string, CsvError> read_quoted_field() {
        const std::size_t opened_on = line_;
        ++pos_;
        std::string value;
        if (!read_until_closing_quote(value))
            return tl::unexpected(CsvError{opened_on, "unterminated quote: the quoted field that starts on line " +
                                                          std::to_string(opened_on) + " never closes"});
        skip_spaces();
        if (!at_field_end()) return tl::unexpected(CsvError{line_, "unexpected text after a closing quote"});
        return value;
    }

    // Appends the quoted content to `value` and steps past the closing quote;
    // false when the text ends first.
    bool read_until_closing_quote(std::string& value) {
        while (!at_end()) {
            const char c = text_[pos_++];
            if (c == '\n') ++line_;
            if (c != quote) {
                value += c;
            } else if (at(quote)) {
                value += quote;
                ++pos_;
            } else {
                return true;
            }
        }
        return false;
    }

    std::string_view text_;
    char separator_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t cells_ = 0;
};

}  // namespace

tl::expected<CsvTable, CsvError> parse_csv(std::string_view utf8) {
    const char separator = detect_separator(utf8);
    auto records = CsvReader(utf8, separator).read_records();
    if (!records) return tl::unexpected(std::move(records.error()));
    return CsvTable{separator, std::move(*records)};
}

}  // namespace kitap::core
