#include "kiosk/marc/marc_reader.hpp"

#include "core/import/import_limits.hpp"
#include "core/text/utf8.hpp"
#include "kiosk/marc/yaz_handles.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <array>
#include <charconv>
#include <map>
#include <string>

namespace kitap::marc {
namespace {

constexpr char record_terminator = '\x1D';
constexpr std::size_t leader_size = 24;
constexpr std::string_view marcxml_namespace = "http://www.loc.gov/MARC21/slim";

core::ImportProblem problem(std::size_t number, std::string key, std::map<std::string, std::string> args = {}) {
    return {.line = number, .key = std::move(key), .args = std::move(args)};
}

// ---- From yaz's record to ours ---------------------------------------------

bool named(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(node->name);
}

std::string content_of(const xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
}

std::string attribute_of(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string text = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
}

MarcField data_field_of(const xmlNode* node) {
    MarcField field{.tag = attribute_of(node, "tag"),
                    .indicators = attribute_of(node, "ind1") + attribute_of(node, "ind2")};
    for (const auto* child = node->children; child; child = child->next) {
        if (!named(child, "subfield")) continue;
        const auto code = attribute_of(child, "code");
        field.subfields.push_back({code.empty() ? ' ' : code[0], content_of(child)});
    }
    return field;
}

// yaz writes the record it holds (converted by its iconv handle) as a MARCXML tree,
// which is the one public way to walk its fields.
std::optional<MarcRecord> record_from(yaz_marc_t yaz) {
    xmlNode* root = nullptr;
    if (yaz_marc_write_xml(yaz, &root, marcxml_namespace.data(), nullptr, nullptr) != 0 || !root) return std::nullopt;
    const XmlNode owned(root);
    MarcRecord record;
    for (const auto* node = root->children; node; node = node->next) {
        if (named(node, "leader"))
            record.leader = content_of(node);
        else if (named(node, "controlfield"))
            record.fields.push_back({.tag = attribute_of(node, "tag"), .data = content_of(node)});
        else if (named(node, "datafield"))
            record.fields.push_back(data_field_of(node));
    }
    return record;
}

bool is_utf8(const MarcRecord& record) {
    for (const auto& field : record.fields) {
        if (!core::is_valid_utf8(field.data)) return false;
        for (const auto& subfield : field.subfields)
            if (!core::is_valid_utf8(subfield.value)) return false;
    }
    return true;
}

// ---- ISO 2709 --------------------------------------------------------------

std::string_view encoding_name(MarcEncoding encoding) {
    switch (encoding) {
        case MarcEncoding::cp1251:
            return "cp1251";
        case MarcEncoding::marc8:
            return "marc-8";
        default:
            return "utf-8";
    }
}

// Cyrillic in CP1251 is runs of bytes over 0x7F; MARC-8 puts one diacritic byte
// before an ASCII letter and reaches other scripts through escape sequences.
bool has_high_byte_pair(std::string_view raw) {
    for (std::size_t i = 1; i < raw.size(); ++i)
        if (static_cast<unsigned char>(raw[i - 1]) > 0x7F && static_cast<unsigned char>(raw[i]) > 0x7F) return true;
    return false;
}

MarcEncoding encoding_of(std::string_view raw, MarcEncoding chosen) {
    if (chosen != MarcEncoding::auto_detect) return chosen;
    if (raw[9] == 'a' || core::is_valid_utf8(raw)) return MarcEncoding::utf8;
    if (raw.find('\x1B') == std::string_view::npos && has_high_byte_pair(raw)) return MarcEncoding::cp1251;
    return MarcEncoding::marc8;
}

// yaz_iconv handles to UTF-8, opened on first use; none for UTF-8 itself.
class Converters {
public:
    yaz_iconv_t to_utf8(MarcEncoding encoding) {
        if (encoding == MarcEncoding::utf8) return nullptr;
        auto& converter = encoding == MarcEncoding::marc8 ? marc8_ : cp1251_;
        if (!converter) converter.reset(yaz_iconv_open("UTF-8", encoding == MarcEncoding::marc8 ? "MARC8" : "CP1251"));
        return converter.get();
    }

private:
    YazIconv marc8_;
    YazIconv cp1251_;
};

std::optional<std::size_t> digits_at(std::string_view text, std::size_t position, std::size_t count) {
    if (text.size() < position + count) return std::nullopt;
    std::size_t value = 0;
    const auto* first = text.data() + position;
    const auto [end, error] = std::from_chars(first, first + count, value);
    if (error != std::errc() || end != first + count) return std::nullopt;
    return value;
}

// The record length in the leader's first five characters, when they are digits.
std::optional<std::size_t> record_length(std::string_view rest) { return digits_at(rest, 0, 5); }

// How many fields the directory lists: its entries (12 characters, has_marc_layout)
// fill the space between the leader and the base address of the data.
std::optional<std::size_t> directory_entries(std::string_view raw) {
    constexpr std::size_t entry_size = 12;
    const auto base_address = digits_at(raw, 12, 5);
    if (!base_address || *base_address <= leader_size) return std::nullopt;
    return (*base_address - leader_size - 1) / entry_size;
}

// Two indicators, one-character subfield codes, directory entries of 3+4+5+0
// characters: what MARC 21 and UNIMARC both use. yaz takes other values from the
// leader at their word and reads past the field (a subfield code of 8 characters).
bool has_marc_layout(std::string_view raw) { return raw.substr(10, 2) == "22" && raw.substr(20, 3) == "450"; }

class Iso2709Reader {
public:
    Iso2709Reader(std::string_view bytes, MarcEncoding encoding, MarcReadResult& result)
        : bytes_(bytes), encoding_(encoding), result_(result) {}

    void read_all() {
        while (next_record_start()) {
            if (++number_ > core::import_limits::max_rows) {
                result_.problems.push_back(problem(number_, "marc.error.too_many_records",
                                                   {{"max", std::to_string(core::import_limits::max_rows)}}));
                return;
            }
            if (!read_one()) return;
        }
    }

private:
    // Past the line ends some tools put between records; false at the end.
    bool next_record_start() {
        while (position_ < bytes_.size() && (bytes_[position_] == '\n' || bytes_[position_] == '\r')) ++position_;
        return position_ < bytes_.size();
    }

    // False when nothing after this record can be found.
    bool read_one() {
        const auto rest = bytes_.substr(position_);
        const auto length = record_length(rest);
        if (!length || *length <= leader_size) return refuse_and_resync("marc.error.bad_leader", {});
        if (*length > rest.size()) {
            result_.problems.push_back(
                problem(number_, "marc.error.truncated",
                        {{"length", std::to_string(*length)}, {"left", std::to_string(rest.size())}}));
            return false;
        }
        const auto raw = rest.substr(0, *length);
        if (raw.back() != record_terminator)
            return refuse_and_resync("marc.error.bad_length", {{"length", std::to_string(*length)}});
        position_ += *length;
        decode(raw);
        return true;
    }

    void decode(std::string_view raw) {
        if (!has_marc_layout(raw)) return result_.problems.push_back(problem(number_, "marc.error.bad_leader"));
        const auto encoding = encoding_of(raw, encoding_);
        yaz_marc_reset(yaz_.get());
        yaz_marc_iconv(yaz_.get(), converters_.to_utf8(encoding));
        if (yaz_marc_read_iso2709(yaz_.get(), raw.data(), static_cast<int>(raw.size())) <= 0)
            return result_.problems.push_back(problem(number_, "marc.error.bad_directory"));
        // yaz stops at a directory entry it cannot read and keeps the fields before it.
        auto record = record_from(yaz_.get());
        if (!record || record->fields.size() != directory_entries(raw))
            return result_.problems.push_back(problem(number_, "marc.error.bad_directory"));
        if (!is_utf8(*record))
            return result_.problems.push_back(
                problem(number_, "marc.error.bad_encoding", {{"encoding", std::string(encoding_name(encoding))}}));
        result_.records.push_back({number_, std::move(*record)});
    }

    // A record whose length is not to be trusted: the next one starts after its terminator.
    bool refuse_and_resync(std::string key, std::map<std::string, std::string> args) {
        result_.problems.push_back(problem(number_, std::move(key), std::move(args)));
        const auto terminator = bytes_.find(record_terminator, position_);
        if (terminator == std::string_view::npos) return false;
        position_ = terminator + 1;
        return true;
    }

    std::string_view bytes_;
    MarcEncoding encoding_;
    MarcReadResult& result_;
    YazMarc yaz_{yaz_marc_create()};
    Converters converters_;
    std::size_t position_ = 0;
    std::size_t number_ = 0;
};

// ---- MARCXML ---------------------------------------------------------------

std::vector<const xmlNode*> record_elements(const xmlNode* root) {
    if (named(root, "record")) return {root};
    std::vector<const xmlNode*> records;
    if (!named(root, "collection")) return records;
    for (const auto* node = root->children; node; node = node->next)
        if (named(node, "record")) records.push_back(node);
    return records;
}

std::string last_xml_error() {
    const auto* error = xmlGetLastError();
    if (!error || !error->message) return "?";
    std::string message = error->message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message + " (line " + std::to_string(error->line) + ")";
}

void read_marcxml(std::string_view bytes, MarcReadResult& result) {
    // No network, no entities from outside; libxml2 bounds entity expansion itself.
    const XmlDoc doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc) return result.problems.push_back(problem(0, "marc.error.bad_xml", {{"reason", last_xml_error()}}));
    const auto* root = xmlDocGetRootElement(doc.get());
    const auto elements = root ? record_elements(root) : std::vector<const xmlNode*>{};
    const YazMarc yaz(yaz_marc_create());
    std::size_t number = 0;
    for (const auto* element : elements) {
        if (++number > core::import_limits::max_rows)
            return result.problems.push_back(problem(number, "marc.error.too_many_records",
                                                     {{"max", std::to_string(core::import_limits::max_rows)}}));
        yaz_marc_reset(yaz.get());
        auto record = yaz_marc_read_xml(yaz.get(), element) == 0 ? record_from(yaz.get()) : std::nullopt;
        // A leader of other sizes than MARC's makes yaz cut subfield codes out of the
        // values, through a UTF-8 letter as readily as between two.
        if (record && (record->leader.size() < leader_size || !has_marc_layout(record->leader)))
            result.problems.push_back(problem(number, "marc.error.bad_leader"));
        else if (!record || !is_utf8(*record))
            result.problems.push_back(problem(number, "marc.error.bad_record"));
        else
            result.records.push_back({number, std::move(*record)});
    }
}

bool looks_like_xml(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto first = bytes.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && bytes[first] == '<';
}

}  // namespace

std::optional<MarcFormat> marc_format_from(std::string_view word) {
    if (word == "auto") return MarcFormat::auto_detect;
    if (word == "iso2709") return MarcFormat::iso2709;
    if (word == "marcxml") return MarcFormat::marcxml;
    return std::nullopt;
}

std::optional<MarcEncoding> marc_encoding_from(std::string_view word) {
    if (word == "auto") return MarcEncoding::auto_detect;
    if (word == "utf-8") return MarcEncoding::utf8;
    if (word == "cp1251") return MarcEncoding::cp1251;
    if (word == "marc-8") return MarcEncoding::marc8;
    return std::nullopt;
}

MarcReadResult read_marc(std::string_view bytes, const MarcReadOptions& options) {
    MarcReadResult result;
    const bool xml =
        options.format == MarcFormat::marcxml || (options.format == MarcFormat::auto_detect && looks_like_xml(bytes));
    if (xml)
        read_marcxml(bytes, result);
    else
        Iso2709Reader(bytes, options.encoding, result).read_all();
    if (result.records.empty() && result.problems.empty())
        result.problems.push_back(problem(0, "marc.error.no_records"));
    return result;
}

}  // namespace kitap::marc
