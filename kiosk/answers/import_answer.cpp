#include "kiosk/answers/import_answer.hpp"

#include "core/import/cell_checks.hpp"
#include "core/import/import_limits.hpp"

#include <array>
#include <fstream>

namespace kitap::answers {
namespace {

using nlohmann::json;

struct FileBytes {
    std::string bytes;  // the whole file when it is within the import limit, else a part
    std::size_t size = 0;
};

// A file over the import limit is never held whole: a regular file's size is
// known before reading, a pipe's (or /dev/stdin's) is counted as it streams past.
std::optional<FileBytes> read_import_file(const std::filesystem::path& file) {
    constexpr std::size_t limit = core::import_limits::max_file_bytes;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    FileBytes read;
    std::error_code error;
    if (std::filesystem::is_regular_file(file, error)) {
        read.size = std::filesystem::file_size(file, error);
        if (!error && read.size > limit) return read;
    }
    read.size = 0;
    std::array<char, 1 << 16> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        const auto count = static_cast<std::size_t>(in.gcount());
        if (read.size + count <= limit) read.bytes.append(chunk.data(), count);
        read.size += count;
    }
    if (in.bad()) return std::nullopt;
    return read;
}

// A text file goes to core's CSV reader, a workbook (told by its bytes) to kitap_workbook.
tl::expected<core::SourceTable, std::vector<core::ImportProblem>> read_source(std::string_view bytes,
                                                                              const workbook::XlsChild& xls_child) {
    if (workbook::detect_format(bytes) == workbook::FileFormat::text) return core::read_text_table(bytes);
    auto table = workbook::read_workbook(bytes, {}, xls_child);
    if (!table) return tl::unexpected(std::vector<core::ImportProblem>{{0, table.error().key, table.error().args}});
    return std::move(*table);
}

core::SheetChoice sheet_choice(const ImportRequest& request) {
    return {.sheet = request.sheet, .all_sheets = request.all_sheets};
}

core::OrFault<core::ImportResult> import_table(core::Library& library, const ImportRequest& request,
                                               core::SourceTable source) {
    switch (request.kind) {
        case ImportKind::readers: {
            const auto year = library.year().current(core::local_date(request.now));
            if (!year) return tl::unexpected(year.error());
            return library.imports().readers(std::move(source),
                                             {.default_language = library.rules().default_class_language,
                                              .school_year = *year,
                                              .dry_run = request.dry_run,
                                              .now = request.now,
                                              .sheets = sheet_choice(request),
                                              .class_name = request.class_name});
        }
        case ImportKind::catalog:
            return library.imports().catalog(
                std::move(source), {.dry_run = request.dry_run, .now = request.now, .sheets = sheet_choice(request)});
        case ImportKind::curriculum:
            return library.imports().curriculum(
                std::move(source), {.dry_run = request.dry_run, .now = request.now, .sheets = sheet_choice(request)});
    }
    return core::ImportResult{};
}

}  // namespace

std::string_view to_string(ImportKind kind) {
    switch (kind) {
        case ImportKind::readers:
            return "readers";
        case ImportKind::catalog:
            return "catalog";
        case ImportKind::curriculum:
            return "curriculum";
    }
    return "readers";
}

std::optional<ImportKind> import_kind_from(std::string_view name) {
    for (const auto kind : {ImportKind::readers, ImportKind::catalog, ImportKind::curriculum})
        if (to_string(kind) == name) return kind;
    return std::nullopt;
}

ProblemOr<ImportChecked> check_and_import(core::Library& library, const ImportRequest& request) {
    ImportChecked checked{.kind = request.kind, .dry_run = request.dry_run};
    FileBytes read;  // a path's bytes; an upload's are used where they are
    std::string_view bytes;
    if (const auto* uploaded = std::get_if<UploadedFile>(&request.file)) {
        checked.file = uploaded->name;
        bytes = uploaded->bytes;
        read.size = bytes.size();
    } else {
        checked.file = std::get<std::filesystem::path>(request.file).string();
        auto from_path = read_import_file(checked.file);
        if (!from_path)
            return tl::unexpected(
                Problem{ProblemKind::bad_request, "unreadable_file", checked.file + ": cannot read the file"});
        read = std::move(*from_path);
        bytes = read.bytes;
    }
    if (auto too_large = core::file_size_problem(read.size)) {
        checked.result.problems = {*too_large};
        return checked;
    }
    auto source = read_source(bytes, request.xls_child);
    if (!source) {
        checked.result.problems = std::move(source.error());
        return checked;
    }
    auto imported = import_table(library, request, std::move(*source));
    if (!imported) return tl::unexpected(fault_problem(imported.error()));
    checked.result = std::move(*imported);
    return checked;
}

json import_rows_json(const app::Translator& tr, const std::vector<core::ImportProblem>& problems) {
    json rows = json::array();
    for (const auto& problem : problems) {
        json row{{"line", problem.line},
                 {"message", tr(problem.key, app::MessageArgs(problem.args.begin(), problem.args.end()))}};
        if (!problem.sheet.empty()) row["sheet"] = problem.sheet;
        rows.push_back(std::move(row));
    }
    return rows;
}

json import_json(const app::Translator& tr, const ImportChecked& checked) {
    const auto& result = checked.result;
    return {{"file", checked.file},          {"kind", to_string(checked.kind)},
            {"dry_run", checked.dry_run},    {"rows", result.rows},
            {"added", result.added},         {"updated", result.updated},
            {"unchanged", result.unchanged}, {"notes", import_rows_json(tr, result.notes)}};
}

Problem bad_rows_problem(const app::Translator& tr, const ImportChecked& checked) {
    const auto& result = checked.result;
    return {ProblemKind::bad_rows,
            "bad_rows",
            tr("import.failed", {{"count", std::to_string(result.problems.size())}}),
            {{"rows", import_rows_json(tr, result.problems)}, {"notes", import_rows_json(tr, result.notes)}}};
}

AnswerOr import_answer(core::Library& library, const app::Translator& tr, const ImportRequest& request) {
    const auto checked = check_and_import(library, request);
    if (!checked) return tl::unexpected(checked.error());
    if (!checked->result.ok()) return tl::unexpected(bad_rows_problem(tr, *checked));
    return Answer(import_json(tr, *checked));
}

}  // namespace kitap::answers
