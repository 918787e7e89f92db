#include "kiosk/print/xlsx_report.hpp"

#include "core/text/utf8.hpp"
#include "kiosk/print/pending_file.hpp"

#include <xlsxwriter.h>

#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace kitap::printing {
namespace {

constexpr std::size_t sheet_name_limit = 31;  // characters, as Excel counts them
constexpr double sheet_width_chars = 110;     // the columns' widths add up to this
constexpr std::uint8_t a4_paper = 9;

// Excel forbids []:*?/\\ in sheet names and more than 31 characters.
bool allowed_in_sheet_name(char32_t c) {
    return c >= 0x80 || std::string_view("[]:*?/\\").find(static_cast<char>(c)) == std::string_view::npos;
}

std::string cleaned_sheet_name(std::string_view wanted, std::size_t limit) {
    std::string name;
    for (std::size_t characters = 0; !wanted.empty() && characters < limit;) {
        const auto point = core::decode_code_point(wanted);
        const std::size_t length = point ? point->length : 1;
        if (point && allowed_in_sheet_name(point->value)) {
            name += wanted.substr(0, length);
            ++characters;
        }
        wanted.remove_prefix(length);
    }
    return name;
}

std::string header_text(std::string_view text) {
    std::string escaped;
    for (char c : text) escaped += c == '&' ? std::string("&&") : std::string(1, c);
    return escaped;
}

class XlsxWriter {
public:
    XlsxWriter(const std::filesystem::path& partial, const ReportDocument& document)
        : workbook_(workbook_new(partial.c_str())), document_(document) {}

    ~XlsxWriter() {
        if (workbook_) workbook_close(workbook_);
    }

    bool write() {
        if (!workbook_) return false;
        for (const auto& section : document_.sections) {
            if (!sheet_ || section.new_page) start_sheet(section.sheet.empty() ? document_.title : section.sheet);
            write_section(section);
        }
        if (!sheet_) start_sheet(document_.title);
        const bool closed = workbook_close(workbook_) == LXW_NO_ERROR;
        workbook_ = nullptr;
        return closed;
    }

private:
    // Table cells: bordered, numbers with their number format, totals bold, "of them" lines indented.
    lxw_format* cell_format(const Cell& cell) {
        auto& format = cell_formats_[{cell.kind, cell.strong, cell.indent}];
        if (format) return format;
        format = workbook_add_format(workbook_);
        format_set_border(format, LXW_BORDER_THIN);
        if (cell.strong) format_set_bold(format);
        if (cell.indent > 0) format_set_indent(format, static_cast<std::uint8_t>(cell.indent));
        if (cell.kind == CellKind::count) format_set_num_format(format, "#,##0");
        if (cell.kind == CellKind::tenge) format_set_num_format(format, "#,##0.00");
        if (cell.kind == CellKind::percent) format_set_num_format(format, "0.0");
        return format;
    }

    lxw_format* header_format() {
        if (header_) return header_;
        header_ = workbook_add_format(workbook_);
        format_set_bold(header_);
        format_set_border(header_, LXW_BORDER_THIN);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_CENTER);
        format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
        format_set_bg_color(header_, 0xE0E0E0);
        return header_;
    }

    lxw_format* bold_format(double size) {
        auto& format = bold_formats_[size];
        if (format) return format;
        format = workbook_add_format(workbook_);
        format_set_bold(format);
        format_set_font_size(format, size);
        return format;
    }

    std::string unique_sheet_name(const std::string& wanted) {
        std::string name = cleaned_sheet_name(wanted, sheet_name_limit);
        if (name.empty()) name = "Sheet";
        for (int n = 2; used_names_.contains(core::fold_case(name)); ++n)
            name = cleaned_sheet_name(wanted, sheet_name_limit - 5) + " (" + std::to_string(n) + ")";
        used_names_.insert(core::fold_case(name));
        return name;
    }

    void start_sheet(const std::string& name) {
        sheet_ = workbook_add_worksheet(workbook_, unique_sheet_name(name).c_str());
        row_ = 0;
        repeated_header_ = false;
        worksheet_set_paper(sheet_, a4_paper);
        worksheet_set_portrait(sheet_);
        worksheet_fit_to_pages(sheet_, 1, 0);
        worksheet_set_header(sheet_,
                             ("&L" + header_text(document_.school) + "&R" + header_text(document_.date)).c_str());
        worksheet_set_footer(sheet_, "&C&P / &N");
        worksheet_write_string(sheet_, row_++, 0, document_.title.c_str(), bold_format(14));
        worksheet_write_string(sheet_, row_++, 0, document_.school.c_str(), nullptr);
        worksheet_write_string(sheet_, row_++, 0, document_.date.c_str(), nullptr);
        ++row_;
    }

    void text_row(const std::string& text, lxw_format* format = nullptr) {
        worksheet_write_string(sheet_, row_++, 0, text.c_str(), format);
    }

    void write_cell(lxw_col_t column, const Cell& cell) {
        lxw_format* style = cell_format(cell);
        if (cell.kind == CellKind::tenge)
            worksheet_write_number(sheet_, row_, column, static_cast<double>(cell.tiyn) / 100.0, style);
        else if (is_numeric(cell))
            worksheet_write_number(sheet_, row_, column, cell.number, style);
        else
            worksheet_write_string(sheet_, row_, column, cell.text.c_str(), style);
    }

    void set_widths(const std::vector<Column>& columns) {
        const double total = std::accumulate(columns.begin(), columns.end(), 0.0,
                                             [](double sum, const Column& column) { return sum + column.width; });
        for (std::size_t i = 0; i < columns.size(); ++i)
            worksheet_set_column(sheet_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i),
                                 sheet_width_chars * columns[i].width / total, nullptr);
    }

    void write_table(const ReportSection& section) {
        set_widths(section.columns);
        if (!repeated_header_) worksheet_repeat_rows(sheet_, row_, row_);
        repeated_header_ = true;
        for (std::size_t i = 0; i < section.columns.size(); ++i)
            worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(i), section.columns[i].header.c_str(),
                                   header_format());
        ++row_;
        for (const auto& row : section.rows) {
            for (std::size_t i = 0; i < row.size(); ++i) write_cell(static_cast<lxw_col_t>(i), row[i]);
            ++row_;
        }
    }

    void write_section(const ReportSection& section) {
        if (!section.heading.empty()) text_row(section.heading, bold_format(11));
        for (const auto& line : section.lines) text_row(line);
        if (!section.columns.empty()) write_table(section);
        if (!section.signatures.empty()) ++row_;
        for (const auto& line : section.signatures) text_row(line + "  ______________________");
        ++row_;
    }

    lxw_workbook* workbook_;
    const ReportDocument& document_;
    lxw_format* header_ = nullptr;
    std::map<double, lxw_format*> bold_formats_;
    std::map<std::tuple<CellKind, bool, int>, lxw_format*> cell_formats_;
    lxw_worksheet* sheet_ = nullptr;
    lxw_row_t row_ = 0;
    bool repeated_header_ = false;
    std::set<std::string> used_names_;
};

}  // namespace

tl::expected<void, PrintError> write_xlsx_report(const std::filesystem::path& path, const ReportDocument& document) {
    // libxlsxwriter writes its file by name (and its parts in unnamed temporary files): the name is a pending file's.
    auto file = PendingFile::stage(path);
    if (!file) return tl::unexpected(file.error());
    if (!XlsxWriter(file->partial(), document).write()) return tl::unexpected(file->cannot_write());
    return file->commit();
}

}  // namespace kitap::printing
