#pragma once

#include <filesystem>

namespace kitap::bench {

// The imports' figures: roster_import_20000_s, roster_import_40000_s and their
// ratio (linear imports stay near 2), catalog_import_scaling_ratio and
// curriculum_import_scaling_ratio likewise (each size the best of three runs), and
// roster_import_xlsx_1400_s (a workbook with one sheet per class, read and imported),
// marc_import_10000_s and marc_import_marcxml_10000_s (`kitap import marc` run whole).
// `quick` uses a tenth of the rows (the smoke test under the sanitizers).
void bench_imports(const std::filesystem::path& dir, bool quick);

}  // namespace kitap::bench
