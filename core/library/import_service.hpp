#pragma once

#include "core/import/catalog_import.hpp"
#include "core/import/catalog_records.hpp"
#include "core/import/reader_import.hpp"
#include "core/import/source_table.hpp"
#include "core/library/fault.hpp"
#include "core/textbooks/curriculum.hpp"

namespace kitap::core {

struct LibraryCore;

// The school office's lists read into the library, each in one transaction.
class ImportService {
public:
    explicit ImportService(LibraryCore& core) : core_(core) {}

    OrFault<ImportResult> readers(SourceTable source, const ReaderImportOptions& options);
    OrFault<ImportResult> catalog(SourceTable source, const CatalogImportOptions& options);
    OrFault<ImportResult> curriculum(SourceTable source, const CurriculumImportOptions& options);
    // Bibliographic records (a MARC file, a Z39.50 server's answer): see core::import_catalog_records.
    OrFault<CatalogRecordsResult> catalog_records(const std::vector<CatalogRecord>& records,
                                                  const CatalogRecordsOptions& options);
    // The catalogue with its copies as records, for an export to MARC (core::catalog_records).
    OrFault<std::vector<CatalogRecord>> catalog_export();

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
