#pragma once

#include "core/import/catalog_records.hpp"
#include "core/import/import_result.hpp"
#include "kiosk/marc/marc_reader.hpp"
#include "kiosk/marc/marc_record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::marc {

// MARC 21 (WorldCat, Koha) or UNIMARC and its Russian profile RUSMARC.
enum class MarcFlavour { auto_detect, marc21, unimarc };
std::optional<MarcFlavour> marc_flavour_from(std::string_view word);  // "auto", "marc21", "unimarc"

// auto: UNIMARC when the record has a title field 200 and no 245.
MarcFlavour flavour_of(const MarcRecord& record, MarcFlavour chosen);

struct MappedRecord {
    core::CatalogRecord record;
    std::vector<core::ImportProblem> problems;  // "import.error.bad_isbn" when no ISBN of the record is valid
};

// What the record says in the title table's terms:
//   field          MARC 21                    UNIMARC / RUSMARC
//   title          245 $a : $b. $n. $p         200 $a : $e. $h. $i
//   responsibility 245 $c                     200 $f ; $g
//   authors        100, 700 $a                700, 701, 702 $a $b
//   publisher      264/260 $b                 210 $c
//   year           264/260 $c, else 008/07-10 210 $d, else 100 $a/9-12
//   isbn           020 $a                     010 $a
//   price          020 $c                     010 $d
//   language       041 $a, else 008/35-37     101 $a
//   subject        650 $a, else 653 $a        606 $a, else 610 $a
//   series         490 $a, else 830 $a        225 $a
//   edition        250 $a                     205 $a
//   pages          300 $a                     215 $a
//   copies         952 $p (Koha) $c shelf     899 $p, else $x; $j shelf
//   kind, grade    979 $a, $b (Kitap's own)   979 $a, $b
//   counted copies 979 $c (Kitap's own)       979 $c
// ISBD punctuation at the ends of values (" /", " :", ".") is dropped; the first valid
// ISBN is kept as 13 digits; "kaz"/"rus"/"eng" become kk/ru/en.
MappedRecord to_catalog_record(const MarcRecord& marc, std::size_t number, MarcFlavour flavour);

// The record an export writes for a title; to_catalog_record gives the title back.
MarcRecord to_marc(const core::CatalogRecord& record, MarcFlavour flavour);

// What a file or a server gave: the records that map to titles, and the problems of the others.
struct MappedRecords {
    std::vector<core::CatalogRecord> records;
    std::vector<core::ImportProblem> problems;
    std::size_t count = 0;  // records seen, the bad ones too
};
MappedRecords map_records(const MarcReadResult& read, MarcFlavour flavour);

}  // namespace kitap::marc
