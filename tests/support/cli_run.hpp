#pragma once

#include "tests/support/shell.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace kitap::testing {

// What a run of the built `kitap` gave back.
struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;

    nlohmann::json parsed() const { return nlohmann::json::parse(out); }
    std::vector<nlohmann::json> json_lines() const {
        std::vector<nlohmann::json> lines;
        std::istringstream in(out);
        for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
        return lines;
    }
};

// `cd folder && env ENV KITAP_DB=db XDG_CONFIG_HOME=config_home kitap ARGS < stdin_file > folder/stdout_name 2>
// folder/stderr`: `kitap` as a librarian or a script runs it, with no configuration but what the test gives.
struct KitapCommand {
    std::filesystem::path binary;
    std::filesystem::path folder;
    std::filesystem::path db;
    std::filesystem::path config_home;
    std::vector<std::string> args;
    std::string env = "LANG=C";
    std::filesystem::path stdin_file = "/dev/null";
    std::filesystem::path stdout_file;  // default: folder/stdout
};

inline CliRun run_kitap(const KitapCommand& command) {
    const auto out = command.stdout_file.empty() ? command.folder / "stdout" : command.stdout_file;
    const auto err = command.folder / "stderr";
    std::string line = "cd " + quoted(command.folder.string()) + " && env " + command.env +
                       " KITAP_DB=" + quoted(command.db.string()) +
                       " XDG_CONFIG_HOME=" + quoted(command.config_home.string()) + " " +
                       quoted(command.binary.string());
    for (const auto& arg : command.args) line += " " + quoted(arg);
    line += " < " + quoted(command.stdin_file.string()) + " > " + quoted(out.string()) + " 2> " + quoted(err.string());
    const int code = run(line);
    return CliRun{code, slurp(out), slurp(err)};
}

}  // namespace kitap::testing
