// MARC files as `kitap import marc FILE` reads them (ISO 2709 in UTF-8, CP1251 or
// MARC-8, and MARCXML, through yaz), and the mapping of each record to a title. The
// first byte picks the format and the encoding, as the command line's options would.
#include "core/codes/check_digits.hpp"
#include "core/text/utf8.hpp"
#include "kiosk/marc/catalog_mapping.hpp"
#include "kiosk/marc/marc_reader.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace kitap;

bool is_utf8(const marc::MarcRecord& record) {
    for (const auto& field : record.fields) {
        if (!core::is_valid_utf8(field.data)) return false;
        for (const auto& subfield : field.subfields)
            if (!core::is_valid_utf8(subfield.value)) return false;
    }
    return true;
}

void check_mapping(const marc::NumberedRecord& numbered) {
    const auto mapped = marc::to_catalog_record(numbered.record, numbered.number, marc::MarcFlavour::auto_detect);
    const auto& d = mapped.record.description;
    fuzz::require(!d.isbn || core::is_isbn13(*d.isbn), "a mapped ISBN is a valid ISBN-13", d.isbn.value_or(""));
    fuzz::require(!d.price_tiyn || *d.price_tiyn >= 0, "a price is never negative");
    for (const auto* text : {&d.title, &d.authors, &d.responsibility, &d.publisher, &d.series, &d.pages})
        fuzz::require(core::is_valid_utf8(*text), "mapped text is UTF-8");
    for (const auto& problem : mapped.problems)
        fuzz::require(problem.line == numbered.number, "a mapping problem names its record");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    constexpr marc::MarcFormat formats[] = {marc::MarcFormat::auto_detect, marc::MarcFormat::iso2709,
                                            marc::MarcFormat::marcxml};
    constexpr marc::MarcEncoding encodings[] = {marc::MarcEncoding::auto_detect, marc::MarcEncoding::utf8,
                                                marc::MarcEncoding::cp1251, marc::MarcEncoding::marc8};
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto read =
        marc::read_marc(bytes, {.format = formats[data[0] % 3], .encoding = encodings[(data[0] / 3) % 4]});

    fuzz::require(!read.records.empty() || !read.problems.empty(), "a file gives records or says why not");
    std::size_t last = 0;
    for (const auto& numbered : read.records) {
        fuzz::require(numbered.number > last, "records keep the file's order, numbered from 1");
        last = numbered.number;
        fuzz::require(is_utf8(numbered.record), "every field read is UTF-8");
        check_mapping(numbered);
    }
    for (const auto& problem : read.problems)
        fuzz::require(problem.key.starts_with("marc.error."), "a reading problem has a marc.error key", problem.key);
    return 0;
}
