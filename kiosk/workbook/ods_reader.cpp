#include "kiosk/workbook/ods_reader.hpp"

#include "kiosk/workbook/cell_text.hpp"
#include "kiosk/workbook/workbook_failure.hpp"
#include "kiosk/workbook/xml_stream.hpp"

#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

namespace kitap::workbook {
namespace {

// number-rows-repeated and number-columns-repeated: 1 when absent or broken,
// at most 2^20 (a sheet has no more rows than that).
std::size_t repeat_count(const char* text) {
    if (!text) return 1;
    std::size_t count = 0;
    const std::string_view view(text);
    const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), count);
    if (error != std::errc{} || count == 0) return 1;
    return std::min<std::size_t>(count, 1u << 20);
}

class Content : public XmlHandler {
public:
    Content(SheetBuilder& sheets, const WorkbookLimits& limits) : sheets_(sheets), limits_(limits) {}

    void start(std::string_view name, const char** attributes) override {
        if (name == "annotation") ++annotation_;
        if (annotation_ > 0) return;
        if (name == "table") {
            const char* table_name = attribute(attributes, "name");
            sheets_.start_sheet(table_name ? table_name : "");
            row_ = 0;
        } else if (name == "table-row") {
            row_repeat_ = repeat_count(attribute(attributes, "number-rows-repeated"));
            column_ = 0;
            cells_.clear();
        } else if (name == "table-cell" || name == "covered-table-cell") {
            start_cell(attributes);
        } else if (name == "p" && in_cell_) {
            if (paragraphs_++ > 0) append("\n");
            in_paragraph_ = true;
        } else if (name == "s" && in_paragraph_) {
            append(std::string(std::min<std::size_t>(repeat_count(attribute(attributes, "c")), 64), ' '));
        } else if (name == "tab" && in_paragraph_) {
            append("\t");
        } else if (name == "line-break" && in_paragraph_) {
            append("\n");
        }
    }

    void end(std::string_view name) override {
        if (name == "annotation") {
            --annotation_;
            return;
        }
        if (annotation_ > 0) return;
        if (name == "p") in_paragraph_ = false;
        if (name == "table-cell" || name == "covered-table-cell") end_cell();
        if (name == "table-row") end_row();
    }

    void text(std::string_view text) override {
        if (annotation_ == 0 && in_paragraph_) append(text);
    }

private:
    void start_cell(const char** attributes) {
        in_cell_ = true;
        paragraphs_ = 0;
        text_.clear();
        column_repeat_ = repeat_count(attribute(attributes, "number-columns-repeated"));
        const char* type = attribute(attributes, "value-type");
        const std::string_view value_type = type ? type : "";
        const char* value = nullptr;
        if (value_type == "float" || value_type == "percentage" || value_type == "currency") {
            value = attribute(attributes, "value");
            typed_ = value ? number_text(value) : std::nullopt;
        } else if (value_type == "date" && (value = attribute(attributes, "date-value"))) {
            typed_ = iso_date_text(value);
        } else if (value_type == "boolean" && (value = attribute(attributes, "boolean-value"))) {
            typed_ = std::string_view(value) == "true" ? "TRUE" : "FALSE";
        } else {
            typed_.reset();
        }
    }

    void end_cell() {
        in_cell_ = false;
        auto text = typed_ ? std::move(*typed_) : std::move(text_);
        if (!text.empty())
            for (std::size_t i = 0; i < column_repeat_ && column_ + i < limits_.columns + 1; ++i)
                cells_.emplace_back(column_ + i + 1, text);
        if (!text.empty() && column_ + column_repeat_ > limits_.columns)
            refuse("import.error.workbook_limit", {{"what", "columns"}, {"limit", std::to_string(limits_.columns)}});
        column_ += column_repeat_;
    }

    void end_row() {
        if (!cells_.empty())
            for (std::size_t r = 0; r < row_repeat_; ++r)
                for (const auto& [column, text] : cells_) sheets_.set_cell(row_ + r + 1, column, text);
        row_ += row_repeat_;
    }

    void append(std::string_view text) {
        if (text_.size() + text.size() > limits_.cell_bytes)
            refuse("import.error.workbook_limit",
                   {{"what", "cell bytes"}, {"limit", std::to_string(limits_.cell_bytes)}});
        text_.append(text);
    }

    SheetBuilder& sheets_;
    const WorkbookLimits& limits_;
    int annotation_ = 0;
    std::size_t row_ = 0;
    std::size_t row_repeat_ = 1;
    std::size_t column_ = 0;
    std::size_t column_repeat_ = 1;
    std::vector<std::pair<std::size_t, std::string>> cells_;  // the current row's filled cells
    bool in_cell_ = false;
    bool in_paragraph_ = false;
    int paragraphs_ = 0;
    std::string text_;
    std::optional<std::string> typed_;
};

}  // namespace

void read_ods(ZipArchive& archive, SheetBuilder& sheets, const WorkbookLimits& limits) {
    Content content(sheets, limits);
    parse_xml(archive, "content.xml", content);
}

}  // namespace kitap::workbook
