#pragma once

#include "core/calendar.hpp"
#include "core/import/import_result.hpp"
#include "core/library.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/workbook/workbook.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace kitap::answers {

// `kitap import readers|catalog|curriculum FILE`, `POST /api/import/{kind}`.
enum class ImportKind { readers, catalog, curriculum };
std::string_view to_string(ImportKind kind);
std::optional<ImportKind> import_kind_from(std::string_view name);

// A file that arrived over the network: its bytes (the caller's, up to 20 MB: not copied) and
// the name it had on the sender's computer.
struct UploadedFile {
    std::string_view bytes;
    std::string name;
};

struct ImportRequest {
    ImportKind kind = ImportKind::readers;
    std::variant<std::filesystem::path, UploadedFile> file;  // a CSV/TSV file or a workbook
    bool dry_run = false;
    std::string sheet;        // by name or number; empty: the first with a header
    bool all_sheets = false;  // every sheet with a header, in one transaction
    std::string class_name;   // readers: the class of a list without a class column
    core::Timestamp now;
    workbook::XlsChild xls_child{};  // how a .xls is read apart (the server spawns)
};

// What an import read, whether or not it was written: with any problem nothing was.
struct ImportChecked {
    ImportKind kind = ImportKind::readers;
    std::string file;  // as the request named it: the path, or the uploaded file's name
    bool dry_run = false;
    core::ImportResult result;
};

// The file read (within core::import_limits) and imported, or checked in a dry run.
// A file that cannot be read is a bad request; bad rows are in `result.problems`.
ProblemOr<ImportChecked> check_and_import(core::Library& library, const ImportRequest& request);

// An import problem or note as it reads to a person: its line (0: the whole file),
// its sheet in a workbook, the message.
nlohmann::json import_rows_json(const app::Translator& tr, const std::vector<core::ImportProblem>& problems);

// {"file", "kind", "dry_run", "rows", "added", "updated", "unchanged", "notes": [...]}: what was
// (or in a dry run would be) written.
nlohmann::json import_json(const app::Translator& tr, const ImportChecked& checked);
// Why nothing was written: bad_rows, details {"rows": [{"line", "sheet"?, "message"}...], "notes": [...]}.
Problem bad_rows_problem(const app::Translator& tr, const ImportChecked& checked);

// import_json, or bad_rows_problem when the file had problems.
AnswerOr import_answer(core::Library& library, const app::Translator& tr, const ImportRequest& request);

}  // namespace kitap::answers
