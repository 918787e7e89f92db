#include "core/import/source_table.hpp"

#include "core/import/cell_checks.hpp"
#include "core/import/csv.hpp"
#include "core/import/text_decoding.hpp"

namespace kitap::core {

tl::expected<SourceTable, std::vector<ImportProblem>> read_text_table(std::string_view file_bytes) {
    if (auto too_large = file_size_problem(file_bytes.size())) return tl::unexpected(std::vector{*too_large});
    const auto text = decode_to_utf8(file_bytes);
    if (!text) {
        std::vector<ImportProblem> problems;
        for (const auto& error : text.error())
            problems.push_back({error.line, "import.error.undecodable", {{"detail", error.reason}}});
        return tl::unexpected(std::move(problems));
    }
    auto csv = parse_csv(text->utf8);
    if (!csv) return tl::unexpected(std::vector{csv_problem(csv.error())});
    SourceTable table;
    table.sheets.push_back({.name = {}, .rows = std::move(csv->records)});
    return table;
}

}  // namespace kitap::core
