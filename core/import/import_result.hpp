#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kitap::core {

// One thing wrong with (or noticed in) an imported file: where, and a message key
// with its arguments ("import.error.pupil_without_class") for the caller to translate.
struct ImportProblem {
    std::size_t line = 0;  // the line of a text file, the row of a sheet
    std::string key;
    std::map<std::string, std::string> args;
    std::string sheet;  // the sheet's name in a workbook; empty for a text file
};

// Imports are all or nothing: with any problem nothing is written.
struct ImportResult {
    std::size_t rows = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<ImportProblem> problems;
    // What the import read around the data, for the dry run: rows it ignored
    // ("import.note.ignored" {text}) and where a class came from ("import.note.class").
    std::vector<ImportProblem> notes;

    bool ok() const { return problems.empty(); }
};

}  // namespace kitap::core
