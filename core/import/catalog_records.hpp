#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/import/import_result.hpp"
#include "core/rules.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// What a bibliographic record (MARC, kiosk/marc) says about a title, in the
// title table's terms. An empty text or an empty optional says nothing.
struct CatalogDescription {
    std::string title;
    std::string responsibility;       // "М. Әуезов ; құраст. А. Қасымов", as printed
    std::string authors;              // "Әуезов, Мұхтар; Қасымов, А.": names joined by "; "
    std::optional<std::string> isbn;  // 13 digits
    std::string publisher;
    std::optional<int> year;
    std::string language;  // kk, ru, en, or the record's own code ("deu")
    std::string subject;
    std::string series;
    std::string edition;
    std::string pages;  // the extent as the record gives it: "352 с."
    std::optional<std::int64_t> price_tiyn;
    // How Kitap holds the title, which MARC has no field for: Kitap's exports carry it in
    // the local field 979, so a round trip keeps a textbook a textbook.
    std::optional<TitleKind> kind;  // a new title without one is fiction
    std::optional<int> grade;       // a textbook's grade, 0-11
    std::optional<int> stock;       // copies counted by title, not labelled: taken for a new title only

    bool operator==(const CatalogDescription&) const = default;
};

// A labelled copy the record lists (MARC 21/Koha 952, RUSMARC 899).
struct CatalogHolding {
    std::string barcode;  // the inventory number
    std::string shelf;

    bool operator==(const CatalogHolding&) const = default;
};

struct CatalogRecord {
    std::size_t number = 0;  // 1-based place in its source, for problems ("record 3")
    CatalogDescription description;
    std::vector<CatalogHolding> holdings;
};

struct CatalogRecordsOptions {
    bool dry_run = false;   // do all the work, report the counts, write nothing
    bool skip_bad = false;  // import the good records; otherwise any problem writes nothing
    Timestamp now;
};

struct CatalogRecordsResult {
    std::size_t records = 0;
    int titles_added = 0;
    int titles_updated = 0;  // matched titles the record changed
    int copies_added = 0;
    // Each problem's `line` is the record's number; with skip_bad these records were skipped.
    std::vector<ImportProblem> problems;
    std::size_t skipped = 0;  // records left out (skip_bad)
    bool written = false;     // whether anything was committed

    bool ok() const { return problems.empty(); }
};

// Adds or updates the titles the records describe, with their labelled copies, in
// one transaction (events 'title_added', 'title_updated', 'copy_added' and one
// 'import_marc'). A record is matched by its ISBN, else by title, authors and year;
// a matched title takes the record's non-empty values, so importing a file twice
// changes nothing. A record is refused ("import.error.*") when its title is empty,
// its ISBN is already another record's of the same import, or a copy's inventory
// number is another record's or belongs to another title. Any refused record
// writes nothing unless `skip_bad`.
CatalogRecordsResult import_catalog_records(SQLite::Database& db, const std::vector<CatalogRecord>& records,
                                            const CatalogRecordsOptions& options);

// The whole catalogue as records for an export, by title id, each with its copies
// in the fund (not lost or written off) by inventory number; numbered from 1.
std::vector<CatalogRecord> catalog_records(SQLite::Database& db);

}  // namespace kitap::core
