#include "kiosk/workbook/xlsx_reader.hpp"

#include "kiosk/workbook/cell_text.hpp"
#include "kiosk/workbook/workbook_failure.hpp"
#include "kiosk/workbook/xml_stream.hpp"

#include <charconv>
#include <map>
#include <vector>

namespace kitap::workbook {
namespace {

std::size_t whole(const char* text) {
    std::size_t value = 0;
    if (!text) return 0;
    const std::string_view view(text);
    std::from_chars(view.data(), view.data() + view.size(), value);
    return value;
}

bool truthy(const char* text) { return text && (std::string_view(text) == "1" || std::string_view(text) == "true"); }

// xl/workbook.xml: the sheets in order, with their relationship ids, and the epoch.
struct WorkbookPart : XmlHandler {
    struct Sheet {
        std::string name;
        std::string relationship;
    };
    std::vector<Sheet> sheets;
    bool epoch_1904 = false;

    void start(std::string_view name, const char** attributes) override {
        if (name == "workbookPr") epoch_1904 = truthy(attribute(attributes, "date1904"));
        if (name != "sheet") return;
        const char* sheet_name = attribute(attributes, "name");
        const char* id = attribute(attributes, "id");
        if (!sheet_name || !id) refuse_broken("a sheet without a name or relationship");
        sheets.push_back({sheet_name, id});
    }
    void end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: relationship id -> part name.
struct Relationships : XmlHandler {
    std::map<std::string, std::string> targets;

    void start(std::string_view name, const char** attributes) override {
        if (name != "Relationship") return;
        const char* id = attribute(attributes, "Id");
        const char* target = attribute(attributes, "Target");
        if (!id || !target) return;
        const std::string_view path(target);
        targets[id] = path.starts_with('/') ? std::string(path.substr(1)) : "xl/" + std::string(path);
    }
    void end(std::string_view) override {}
};

// Collects the text of <t> elements, leaving out phonetic runs (<rPh>).
class TextCollector {
public:
    void start(std::string_view name) {
        if (name == "rPh") ++phonetic_;
        if (name == "t" && phonetic_ == 0) in_text_ = true;
    }
    void end(std::string_view name) {
        if (name == "rPh") --phonetic_;
        if (name == "t") in_text_ = false;
    }
    void text(std::string_view text, std::size_t limit) {
        if (!in_text_) return;
        if (text_.size() + text.size() > limit)
            refuse("import.error.workbook_limit", {{"what", "cell bytes"}, {"limit", std::to_string(limit)}});
        text_.append(text);
    }
    std::string take() { return std::exchange(text_, {}); }

private:
    int phonetic_ = 0;
    bool in_text_ = false;
    std::string text_;
};

// xl/sharedStrings.xml.
struct SharedStrings : XmlHandler {
    explicit SharedStrings(const WorkbookLimits& limits) : limits(limits) {}
    const WorkbookLimits& limits;
    std::vector<std::string> strings;
    TextCollector collector;

    void start(std::string_view name, const char**) override { collector.start(name); }
    void end(std::string_view name) override {
        collector.end(name);
        if (name == "si") strings.push_back(collector.take());
    }
    void text(std::string_view text) override { collector.text(text, limits.cell_bytes); }
};

// xl/styles.xml: for each cell format (the cells' s="n"), whether it shows a date.
struct Styles : XmlHandler {
    std::map<int, std::string> codes;
    std::vector<bool> date_styles;
    bool in_cell_formats = false;

    void start(std::string_view name, const char** attributes) override {
        if (name == "numFmt") {
            const char* code = attribute(attributes, "formatCode");
            codes[static_cast<int>(whole(attribute(attributes, "numFmtId")))] = code ? code : "";
        } else if (name == "cellXfs") {
            in_cell_formats = true;
        } else if (name == "xf" && in_cell_formats) {
            const auto id = static_cast<int>(whole(attribute(attributes, "numFmtId")));
            const auto code = codes.find(id);
            date_styles.push_back(is_date_format(id, code == codes.end() ? "" : code->second));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_formats = false;
    }
};

// "BC12" -> column 55 (1-based); 0 when there is no letter.
std::size_t column_of(std::string_view reference) {
    std::size_t column = 0;
    for (const char c : reference) {
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        if (column > 1'000'000) return column;
    }
    return column;
}

// One worksheet's <sheetData>.
class Worksheet : public XmlHandler {
public:
    Worksheet(SheetBuilder& sheets, const SharedStrings& strings, const Styles& styles, bool epoch_1904,
              const WorkbookLimits& limits)
        : sheets_(sheets), strings_(strings), styles_(styles), epoch_1904_(epoch_1904), limits_(limits) {}

    void start(std::string_view name, const char** attributes) override {
        if (name == "row") {
            const auto number = whole(attribute(attributes, "r"));
            row_ = number ? number : row_ + 1;
            column_ = 0;
        } else if (name == "c") {
            const char* reference = attribute(attributes, "r");
            const auto column = reference ? column_of(reference) : 0;
            column_ = column ? column : column_ + 1;
            const char* type = attribute(attributes, "t");
            type_ = type ? type : "n";
            style_ = whole(attribute(attributes, "s"));
            value_.clear();
        } else if (name == "v") {
            in_value_ = true;
        } else if (name == "is") {
            in_inline_ = true;
        }
        if (in_inline_) inline_.start(name);
    }

    void end(std::string_view name) override {
        if (in_inline_) inline_.end(name);
        if (name == "v") in_value_ = false;
        if (name == "is") {
            in_inline_ = false;
            value_ = inline_.take();
        }
        if (name == "c") sheets_.set_cell(row_, column_, cell_text());
    }

    void text(std::string_view text) override {
        if (in_inline_) {
            inline_.text(text, limits_.cell_bytes);
        } else if (in_value_) {
            if (value_.size() + text.size() > limits_.cell_bytes)
                refuse("import.error.workbook_limit",
                       {{"what", "cell bytes"}, {"limit", std::to_string(limits_.cell_bytes)}});
            value_.append(text);
        }
    }

private:
    std::string cell_text() {
        if (type_ == "s") {
            const auto index = whole(value_.c_str());
            if (value_.empty() || index >= strings_.strings.size()) refuse_broken("a shared string that is not there");
            return strings_.strings[index];
        }
        if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
        if (type_ == "d") return iso_date_text(value_);
        if (type_ != "n") return std::move(value_);  // inlineStr, str (a formula's text), e (#N/A)
        if (value_.empty()) return {};
        if (style_ < styles_.date_styles.size() && styles_.date_styles[style_]) {
            double serial = 0;
            std::from_chars(value_.data(), value_.data() + value_.size(), serial);
            if (auto date = serial_date_text(serial, epoch_1904_)) return *date;
        }
        return number_text(value_).value_or(value_);
    }

    SheetBuilder& sheets_;
    const SharedStrings& strings_;
    const Styles& styles_;
    bool epoch_1904_;
    const WorkbookLimits& limits_;
    std::size_t row_ = 0;
    std::size_t column_ = 0;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    bool in_value_ = false;
    bool in_inline_ = false;
    TextCollector inline_;
};

}  // namespace

void read_xlsx(ZipArchive& archive, SheetBuilder& sheets, const WorkbookLimits& limits) {
    WorkbookPart workbook;
    parse_xml(archive, "xl/workbook.xml", workbook);
    Relationships relationships;
    parse_xml(archive, "xl/_rels/workbook.xml.rels", relationships);
    SharedStrings strings(limits);
    if (archive.has("xl/sharedStrings.xml")) parse_xml(archive, "xl/sharedStrings.xml", strings);
    Styles styles;
    if (archive.has("xl/styles.xml")) parse_xml(archive, "xl/styles.xml", styles);
    for (const auto& sheet : workbook.sheets) {
        const auto part = relationships.targets.find(sheet.relationship);
        if (part == relationships.targets.end()) refuse_broken("sheet " + sheet.name + " has no part");
        sheets.start_sheet(sheet.name);
        Worksheet worksheet(sheets, strings, styles, workbook.epoch_1904, limits);
        parse_xml(archive, part->second, worksheet);
    }
}

}  // namespace kitap::workbook
