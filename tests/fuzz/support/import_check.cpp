#include "tests/fuzz/support/import_check.hpp"

#include "kiosk/app/translator.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"
#include "tests/fuzz/support/sample_library.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>

namespace kitap::fuzz {
namespace {

std::size_t line_count(std::string_view bytes) {
    // UTF-16 line feeds hold a 0x0A byte too, so this is an upper bound in every encoding.
    return static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
}

// The {name} placeholders of a message template.
std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> names;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace(text.substr(open + 1, close - open - 1));
    }
    return names;
}

constexpr std::array languages{app::Language::kk, app::Language::ru, app::Language::en};

bool has_message(app::Language language, const std::string& key) {
    static const auto keys_by_language = [] {
        std::map<app::Language, std::set<std::string>> keys;
        for (const auto language : languages) {
            const auto list = app::Translator::keys(language);
            keys[language].insert(list.begin(), list.end());
        }
        return keys;
    }();
    return keys_by_language.at(language).contains(key);
}

void check_message(const core::ImportProblem& problem) {
    for (const auto language : languages) {
        require(has_message(language, problem.key), "every problem has a message",
                problem.key + " in " + std::string(app::to_string(language)));
        for (const auto& name : placeholders(app::Translator(language)(problem.key)))
            require(problem.args.contains(name), "a problem fills its message's placeholders",
                    problem.key + " {" + name + "}");
    }
}

void check_problems(const core::ImportResult& result, std::string_view file_bytes) {
    const auto lines = line_count(file_bytes);
    for (const auto& problem : result.problems) {
        require(problem.line >= 1 && problem.line <= lines, "a problem is on a line of the file",
                problem.key + " on line " + std::to_string(problem.line) + " of " + std::to_string(lines));
        check_message(problem);
    }
}

bool same_problems(const core::ImportResult& a, const core::ImportResult& b) {
    return std::equal(a.problems.begin(), a.problems.end(), b.problems.begin(), b.problems.end(),
                      [](const core::ImportProblem& x, const core::ImportProblem& y) {
                          return x.line == y.line && x.key == y.key && x.args == y.args;
                      });
}

bool same_outcome(const core::ImportResult& a, const core::ImportResult& b) {
    return a.rows == b.rows && a.added == b.added && a.updated == b.updated && a.unchanged == b.unchanged &&
           same_problems(a, b);
}

std::string counts(const core::ImportResult& result) {
    return "rows " + std::to_string(result.rows) + " added " + std::to_string(result.added) + " updated " +
           std::to_string(result.updated) + " unchanged " + std::to_string(result.unchanged) + " problems " +
           std::to_string(result.problems.size());
}

std::int64_t event_count(SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM event").getInt64(); }

}  // namespace

void check_import(std::string_view file_bytes, const Importer& import, bool reimport_changes_nothing) {
    // Dry runs go straight to the sample library: they must leave it as it was.
    auto& library = sample_library().db();
    const auto events_before = event_count(library);
    const auto dry_run = import(library, file_bytes, true);
    require(event_count(library) == events_before, "a dry run writes nothing");
    check_problems(dry_run, file_bytes);
    // With problems nothing is written, so only a file that imports is worth a fresh database.
    if (!dry_run.ok()) return;

    auto db = sample_library().copy();
    const auto result = import(db, file_bytes, false);
    require(same_outcome(dry_run, result), "a dry run reports what the import does",
            counts(dry_run) + " vs " + counts(result));
    require(result.rows == static_cast<std::size_t>(result.added + result.updated + result.unchanged),
            "every row is added, updated or unchanged", counts(result));
    if (!reimport_changes_nothing) return;
    const auto again = import(db, file_bytes, false);
    require(again.ok() && again.added == 0 && again.updated == 0 && again.unchanged == static_cast<int>(result.rows),
            "importing the same file again changes nothing", counts(again));
}

}  // namespace kitap::fuzz
