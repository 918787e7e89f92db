#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kitap::core {

// One thing wrong with an imported file: where, and a message key with its
// arguments ("import.error.pupil_without_class") for the caller to translate.
struct ImportProblem {
    std::size_t line = 0;
    std::string key;
    std::map<std::string, std::string> args;
};

// Imports are all or nothing: with any problem nothing is written.
struct ImportResult {
    std::size_t rows = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<ImportProblem> problems;

    bool ok() const { return problems.empty(); }
};

}  // namespace kitap::core
