#include "core/library/import_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<ImportResult> ImportService::readers(SourceTable source, const ReaderImportOptions& options) {
    return guarded([&] { return import_readers(core_.db, std::move(source), options); });
}

OrFault<ImportResult> ImportService::catalog(SourceTable source, const CatalogImportOptions& options) {
    return guarded([&] { return import_catalog(core_.db, std::move(source), options); });
}

OrFault<ImportResult> ImportService::curriculum(SourceTable source, const CurriculumImportOptions& options) {
    return guarded([&] { return import_curriculum(core_.db, std::move(source), options); });
}

OrFault<CatalogRecordsResult> ImportService::catalog_records(const std::vector<CatalogRecord>& records,
                                                             const CatalogRecordsOptions& options) {
    return guarded([&] { return import_catalog_records(core_.db, records, options); });
}

OrFault<std::vector<CatalogRecord>> ImportService::catalog_export() {
    return guarded([&] { return core::catalog_records(core_.db); });
}

}  // namespace kitap::core
