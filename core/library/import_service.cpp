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

}  // namespace kitap::core
