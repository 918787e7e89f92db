#include "core/import/source_table.hpp"

#include "core/import/csv.hpp"
#include "core/import/text_decoding.hpp"

namespace kitap::core {

tl::expected<SourceTable, std::vector<ImportProblem>> read_text_table(std::string_view file_bytes) {
    const auto text = decode_to_utf8(file_bytes);
    if (!text) {
        std::vector<ImportProblem> problems;
        for (const auto& error : text.error())
            problems.push_back({error.line, "import.error.undecodable", {{"detail", error.reason}}});
        return tl::unexpected(std::move(problems));
    }
    auto csv = parse_csv(text->utf8);
    if (!csv)
        return tl::unexpected(
            std::vector<ImportProblem>{{csv.error().line, "import.error.csv", {{"detail", csv.error().reason}}}});
    SourceTable table;
    table.sheets.push_back({.name = {}, .rows = std::move(csv->records)});
    return table;
}

}  // namespace kitap::core
