#include "kiosk/marc/catalog_mapping.hpp"

#include "core/codes/check_digits.hpp"
#include "core/fund/money.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

namespace kitap::marc {
namespace {

constexpr std::string_view author_separator = "; ";

// What one flavour calls each part of a title's description.
struct Tags {
    std::string_view title, subtitle, part_number, part_name;  // subfields of title_field
    std::string_view title_field, responsibility, responsibility_more;
    std::vector<std::string_view> author_fields;
    std::string_view isbn_field, price;
    std::string_view series, series_other, edition, pages, subject, subject_other, language;
    std::string_view holdings, barcode, barcode_other, shelf;
};

const Tags& marc21_tags() {
    static const Tags tags{.title = "a",
                           .subtitle = "b",
                           .part_number = "n",
                           .part_name = "p",
                           .title_field = "245",
                           .responsibility = "c",
                           .responsibility_more = "",
                           .author_fields = {"100", "700"},
                           .isbn_field = "020",
                           .price = "c",
                           .series = "490",
                           .series_other = "830",
                           .edition = "250",
                           .pages = "300",
                           .subject = "650",
                           .subject_other = "653",
                           .language = "041",
                           .holdings = "952",
                           .barcode = "p",
                           .barcode_other = "",
                           .shelf = "c"};
    return tags;
}

const Tags& unimarc_tags() {
    static const Tags tags{.title = "a",
                           .subtitle = "e",
                           .part_number = "h",
                           .part_name = "i",
                           .title_field = "200",
                           .responsibility = "f",
                           .responsibility_more = "g",
                           .author_fields = {"700", "701", "702"},
                           .isbn_field = "010",
                           .price = "d",
                           .series = "225",
                           .series_other = "",
                           .edition = "205",
                           .pages = "215",
                           .subject = "606",
                           .subject_other = "610",
                           .language = "101",
                           .holdings = "899",
                           .barcode = "p",
                           .barcode_other = "x",
                           .shelf = "j"};
    return tags;
}

const Tags& tags_of(MarcFlavour flavour) { return flavour == MarcFlavour::unimarc ? unimarc_tags() : marc21_tags(); }

char code(std::string_view subfield) { return subfield.empty() ? '\0' : subfield[0]; }

// "Абай жолы /" -> "Абай жолы": the ISBD punctuation that joins a value to the next.
std::string without_isbd_punctuation(std::string_view value) {
    auto text = core::trim(value);
    while (!text.empty()) {
        const char last = text.back();
        const bool joiner = last == '/' || last == ':' || last == ';' || last == ',' || last == '=';
        // A full stop ends abbreviations ("352 с.", "2-е изд.") too: only one after a space goes.
        const bool lone_stop = last == '.' && text.size() >= 2 && text[text.size() - 2] == ' ';
        if (!joiner && !lone_stop) break;
        text.pop_back();
        text = core::trim(text);
    }
    return text;
}

std::size_t letters_in(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// "Әуезов, Мұхтар." -> "Әуезов, Мұхтар": the full stop that ends a title or a name
// goes too, unless it ends an initial ("Rowling, J. K.").
std::string without_final_stop(std::string_view value) {
    auto text = without_isbd_punctuation(value);
    if (!text.ends_with('.')) return text;
    const auto word_start = text.find_last_of(" .", text.size() - 2);
    const auto word = text.substr(word_start == std::string::npos ? 0 : word_start + 1);
    if (letters_in(word) > 2) text.pop_back();  // two letters and the stop at least
    return text;
}

std::string subfield(const MarcRecord& marc, std::string_view tag, std::string_view subfield_code) {
    if (tag.empty()) return {};
    return without_isbd_punctuation(marc.first(tag, code(subfield_code)));
}

// A part of a title or a statement of responsibility.
std::string phrase(const MarcRecord& marc, std::string_view tag, std::string_view subfield_code) {
    if (tag.empty()) return {};
    return without_final_stop(marc.first(tag, code(subfield_code)));
}

std::string first_of(const MarcRecord& marc, std::string_view tag, std::string_view other, std::string_view code) {
    auto value = subfield(marc, tag, code);
    return value.empty() ? subfield(marc, other, code) : value;
}

// "Title : subtitle. Part 1. Name": the parts of the title joined as ISBD joins them.
std::string title_of(const MarcRecord& marc, const Tags& tags) {
    auto title = phrase(marc, tags.title_field, tags.title);
    if (auto more = phrase(marc, tags.title_field, tags.subtitle); !more.empty()) title += " : " + more;
    for (const auto part : {tags.part_number, tags.part_name})
        if (auto more = phrase(marc, tags.title_field, part); !more.empty()) title += ". " + more;
    return title;
}

std::string responsibility_of(const MarcRecord& marc, const Tags& tags) {
    auto text = phrase(marc, tags.title_field, tags.responsibility);
    if (auto more = phrase(marc, tags.title_field, tags.responsibility_more); !more.empty())
        text += (text.empty() ? "" : " ; ") + more;
    return text;
}

// UNIMARC keeps the entry element ($a "Әуезов") and the rest of the name ($b "М.") apart.
std::string authors_of(const MarcRecord& marc, const Tags& tags, MarcFlavour flavour) {
    std::string authors;
    for (const auto tag : tags.author_fields)
        for (const auto* field : marc.all(tag)) {
            auto name = without_final_stop(field->first('a'));
            if (flavour == MarcFlavour::unimarc)
                if (auto rest = without_final_stop(field->first('b')); !rest.empty()) name += ", " + rest;
            if (name.empty()) continue;
            if (!authors.empty()) authors += author_separator;
            authors += name;
        }
    return authors;
}

// The first run of four digits in "c2019.", "[2019]", "2019-2020".
std::optional<int> year_in(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        int year = 0;
        const auto [end, error] = std::from_chars(text.data() + i, text.data() + i + 4, year);
        const bool alone = i + 4 == text.size() || !(text[i + 4] >= '0' && text[i + 4] <= '9');
        if (error == std::errc() && end == text.data() + i + 4 && alone && year >= 1000) return year;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;  // past a longer number
    }
    return std::nullopt;
}

std::optional<int> year_of(const MarcRecord& marc, MarcFlavour flavour) {
    if (flavour == MarcFlavour::unimarc) {
        if (auto year = year_in(marc.first("210", 'd'))) return year;
        const auto coded = marc.first("100", 'a');  // positions 9-12: the date of publication
        return coded.size() >= 13 ? year_in(coded.substr(9, 4)) : std::nullopt;
    }
    for (const auto tag : {"264", "260"})
        if (auto year = year_in(marc.first(tag, 'c'))) return year;
    const auto fixed = marc.control("008");
    return fixed.size() >= 11 ? year_in(fixed.substr(7, 4)) : std::nullopt;
}

std::string publisher_of(const MarcRecord& marc, MarcFlavour flavour) {
    if (flavour == MarcFlavour::unimarc) return subfield(marc, "210", "c");
    return first_of(marc, "264", "260", "b");
}

std::string language_of(const MarcRecord& marc, const Tags& tags, MarcFlavour flavour) {
    auto code = marc.first(tags.language, 'a');
    if (code.empty() && flavour == MarcFlavour::marc21) {
        const auto fixed = marc.control("008");
        if (fixed.size() >= 38) code = core::trim(fixed.substr(35, 3));
    }
    static const std::array<std::pair<std::string_view, std::string_view>, 3> ours{
        {{"kaz", "kk"}, {"rus", "ru"}, {"eng", "en"}}};
    for (const auto& [marc_code, kitap_code] : ours)
        if (code == marc_code) return std::string(kitap_code);
    return code;
}

// "978-601-07-0001-7 (hbk.)": the ISBN is the first word.
std::string isbn_text(std::string_view value) {
    const auto text = core::trim(value);
    return text.substr(0, text.find_first_of(" (", 0));
}

// The first valid ISBN; a problem when the record gives ISBNs and none is valid.
std::optional<std::string> isbn_of(const MarcRecord& marc, const Tags& tags, MappedRecord& mapped) {
    std::string first_given;
    for (const auto* field : marc.all(tags.isbn_field))
        for (const auto& value : field->all('a')) {
            const auto text = isbn_text(value);
            if (auto isbn = core::normalize_isbn(text)) return isbn;
            if (first_given.empty()) first_given = text;
        }
    if (!first_given.empty())
        mapped.problems.push_back(
            {.line = mapped.record.number, .key = "import.error.bad_isbn", .args = {{"value", first_given}}});
    return std::nullopt;
}

// "45 р. 00 к.", "1436 р.", "$15.00": the first number, in the record's currency taken as tenge.
std::optional<std::int64_t> price_of(const MarcRecord& marc, const Tags& tags) {
    const auto text = marc.first(tags.isbn_field, code(tags.price));
    const auto start = text.find_first_of("0123456789");
    if (start == std::string::npos) return std::nullopt;
    const auto end = text.find_first_not_of("0123456789 ,.", start);
    return core::tiyn_from_tenge(without_isbd_punctuation(text.substr(start, end - start)));
}

std::vector<core::CatalogHolding> holdings_of(const MarcRecord& marc, const Tags& tags) {
    std::vector<core::CatalogHolding> holdings;
    for (const auto* field : marc.all(tags.holdings)) {
        auto barcode = core::trim(field->first(code(tags.barcode)));
        if (barcode.empty() && !tags.barcode_other.empty())
            barcode = core::trim(field->first(code(tags.barcode_other)));
        if (!barcode.empty()) holdings.push_back({barcode, core::trim(field->first(code(tags.shelf)))});
    }
    return holdings;
}

// Kitap's local field: $a the kind, $b a textbook's grade, $c the copies counted by
// title. MARC has no field for how a school holds a title; Kitap's exports write this
// one so that a round trip keeps a class set of textbooks what it was.
constexpr std::string_view kitap_field = "979";

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

void read_kitap_field(const MarcRecord& marc, MappedRecord& mapped) {
    auto& d = mapped.record.description;
    const auto problem = [&](std::string key, std::string column, std::string value) {
        mapped.problems.push_back(
            {.line = mapped.record.number, .key = std::move(key), .args = {{"column", column}, {"value", value}}});
    };
    if (const auto kind = core::trim(marc.first(kitap_field, 'a')); !kind.empty()) {
        d.kind = core::title_kind_from(kind);
        if (!d.kind) problem("import.error.bad_kind", "979$a", kind);
    }
    if (const auto grade = core::trim(marc.first(kitap_field, 'b')); !grade.empty()) {
        d.grade = whole_number(grade);
        if (!d.grade || *d.grade < 0 || *d.grade > 11) {
            d.grade.reset();
            problem("import.error.unknown_grade", "979$b", grade);
        }
    }
    if (const auto stock = core::trim(marc.first(kitap_field, 'c')); !stock.empty()) {
        d.stock = whole_number(stock);
        if (!d.stock || *d.stock < 0) {
            d.stock.reset();
            problem("import.error.bad_number", "979$c", stock);
        }
    }
}

// ---- Writing ---------------------------------------------------------------

class FieldWriter {
public:
    explicit FieldWriter(MarcRecord& record) : record_(record) {}

    // A field of the non-empty subfields given; none when all are empty.
    void add(std::string_view tag, std::string_view indicators,
             std::initializer_list<std::pair<std::string_view, std::string>> subfields) {
        MarcField field{.tag = std::string(tag), .indicators = std::string(indicators)};
        for (const auto& [subfield_code, value] : subfields)
            if (!subfield_code.empty() && !value.empty()) field.subfields.push_back({code(subfield_code), value});
        if (!field.subfields.empty()) record_.fields.push_back(std::move(field));
    }

private:
    MarcRecord& record_;
};

std::vector<std::string> split_authors(const std::string& authors) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start < authors.size()) {
        auto end = authors.find(author_separator, start);
        if (end == std::string::npos) end = authors.size();
        names.push_back(authors.substr(start, end - start));
        start = end + author_separator.size();
    }
    return names;
}

std::string marc_language(const std::string& language) {
    if (language == "kk") return "kaz";
    if (language == "ru") return "rus";
    if (language == "en") return "eng";
    return language;
}

std::string price_text(const std::optional<std::int64_t>& tiyn) { return tiyn ? core::tenge_text(*tiyn) : ""; }

std::string number_text(const std::optional<int>& number) { return number ? std::to_string(*number) : ""; }

void add_kitap_field(FieldWriter& out, const core::CatalogDescription& d) {
    out.add(kitap_field, "  ",
            {{"a", d.kind ? std::string(core::to_string(*d.kind)) : ""},
             {"b", number_text(d.grade)},
             {"c", number_text(d.stock)}});
}

// UNIMARC's general processing data (100 $a, 36 positions): 8 'd' and 9-12 the
// year of publication, 22-24 the language of cataloguing, 26-29 "50  ": the record
// is in Unicode, as yaz writes it.
std::string unimarc_coded_data(const std::optional<int>& year) {
    std::string coded(36, ' ');
    coded[8] = 'd';
    if (year) coded.replace(9, 4, std::to_string(*year).substr(0, 4));
    coded.replace(22, 3, "kaz");
    coded[25] = 'y';
    coded.replace(26, 4, "50  ");
    coded.replace(34, 2, "ca");
    return coded;
}

// Fields in the order of their tags, as ISO 2709 readers expect.
MarcRecord sorted(MarcRecord marc) {
    std::stable_sort(marc.fields.begin(), marc.fields.end(),
                     [](const MarcField& a, const MarcField& b) { return a.tag < b.tag; });
    return marc;
}

void add_authors(FieldWriter& out, const core::CatalogDescription& d, MarcFlavour flavour) {
    const auto names = split_authors(d.authors);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (flavour == MarcFlavour::unimarc) {
            const auto comma = names[i].find(", ");
            const auto entry = names[i].substr(0, comma);
            const auto rest = comma == std::string::npos ? "" : names[i].substr(comma + 2);
            out.add(i == 0 ? "700" : "701", " 1", {{"a", entry}, {"b", rest}});
        } else {
            out.add(i == 0 ? "100" : "700", "1 ", {{"a", names[i]}});
        }
    }
}

}  // namespace

std::optional<MarcFlavour> marc_flavour_from(std::string_view word) {
    if (word == "auto") return MarcFlavour::auto_detect;
    if (word == "marc21") return MarcFlavour::marc21;
    if (word == "unimarc") return MarcFlavour::unimarc;
    return std::nullopt;
}

MarcFlavour flavour_of(const MarcRecord& record, MarcFlavour chosen) {
    if (chosen != MarcFlavour::auto_detect) return chosen;
    return record.has("200") && !record.has("245") ? MarcFlavour::unimarc : MarcFlavour::marc21;
}

MappedRecord to_catalog_record(const MarcRecord& marc, std::size_t number, MarcFlavour chosen) {
    const auto flavour = flavour_of(marc, chosen);
    const auto& tags = tags_of(flavour);
    MappedRecord mapped{.record = {.number = number}};
    auto& d = mapped.record.description;
    d.title = title_of(marc, tags);
    d.responsibility = responsibility_of(marc, tags);
    d.authors = authors_of(marc, tags, flavour);
    d.isbn = isbn_of(marc, tags, mapped);
    d.publisher = publisher_of(marc, flavour);
    d.year = year_of(marc, flavour);
    d.language = language_of(marc, tags, flavour);
    d.subject = first_of(marc, tags.subject, tags.subject_other, "a");
    d.series = first_of(marc, tags.series, tags.series_other, "a");
    d.edition = subfield(marc, tags.edition, "a");
    d.pages = subfield(marc, tags.pages, "a");
    d.price_tiyn = price_of(marc, tags);
    mapped.record.holdings = holdings_of(marc, tags);
    read_kitap_field(marc, mapped);
    return mapped;
}

MappedRecords map_records(const MarcReadResult& read, MarcFlavour flavour) {
    MappedRecords mapped{.problems = read.problems};
    std::set<std::size_t> numbers;
    for (const auto& problem : read.problems)
        if (problem.line != 0) numbers.insert(problem.line);
    for (const auto& [number, record] : read.records) {
        numbers.insert(number);
        auto one = to_catalog_record(record, number, flavour);
        if (one.problems.empty())
            mapped.records.push_back(std::move(one.record));
        else
            mapped.problems.insert(mapped.problems.end(), one.problems.begin(), one.problems.end());
    }
    mapped.count = numbers.size();
    return mapped;
}

MarcRecord to_marc(const core::CatalogRecord& record, MarcFlavour flavour) {
    const auto& d = record.description;
    const bool unimarc = flavour == MarcFlavour::unimarc;
    // Leader position 9 'a' (MARC 21): the record is in UTF-8.
    MarcRecord marc{.leader = unimarc ? "00000nam  2200000   4500" : "00000nam a2200000 i 4500"};
    marc.fields.push_back({.tag = "001", .data = "kitap-" + std::to_string(record.number)});
    FieldWriter out(marc);
    if (unimarc) {
        out.add("010", "  ", {{"a", d.isbn.value_or("")}, {"d", price_text(d.price_tiyn)}});
        out.add("100", "  ", {{"a", unimarc_coded_data(d.year)}});
        out.add("101", "0 ", {{"a", marc_language(d.language)}});
        out.add("200", "1 ", {{"a", d.title}, {"f", d.responsibility}});
        out.add("205", "  ", {{"a", d.edition}});
        out.add("210", "  ", {{"c", d.publisher}, {"d", number_text(d.year)}});
        out.add("215", "  ", {{"a", d.pages}});
        out.add("225", "0 ", {{"a", d.series}});
        out.add("606", "0 ", {{"a", d.subject}});
        add_authors(out, d, flavour);
        for (const auto& holding : record.holdings)
            out.add("899", "  ", {{"p", holding.barcode}, {"j", holding.shelf}});
        add_kitap_field(out, d);
        return sorted(std::move(marc));
    }
    out.add("020", "  ", {{"a", d.isbn.value_or("")}, {"c", price_text(d.price_tiyn)}});
    out.add("041", "0 ", {{"a", marc_language(d.language)}});
    add_authors(out, d, flavour);
    out.add("245", "10", {{"a", d.title}, {"c", d.responsibility}});
    out.add("250", "  ", {{"a", d.edition}});
    out.add("264", " 1", {{"b", d.publisher}, {"c", number_text(d.year)}});
    out.add("300", "  ", {{"a", d.pages}});
    out.add("490", "0 ", {{"a", d.series}});
    out.add("650", " 4", {{"a", d.subject}});
    for (const auto& holding : record.holdings) out.add("952", "  ", {{"p", holding.barcode}, {"c", holding.shelf}});
    add_kitap_field(out, d);
    return sorted(std::move(marc));
}

}  // namespace kitap::marc
