#pragma once

// Runs the built `kitap` binary as a librarian or a script would, in a
// temporary folder with its own database and no user configuration.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace kitap::testing {

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

inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class KitapProcessTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("kitap-cli-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path write(const std::string& name, const std::string& contents) {
        std::ofstream(dir_ / name, std::ios::binary) << contents;
        return dir_ / name;
    }

    CliRun kitap(const std::vector<std::string>& args, const std::string& input = "", const std::string& env = "LANG=C") {
        std::string command = "cd " + quoted(dir_.string()) + " && env " + env + " KITAP_DB=" + quoted(db().string()) +
                              " XDG_CONFIG_HOME=" + quoted(dir_.string()) + " " + quoted(KITAP_BINARY);
        for (const auto& arg : args) command += " " + quoted(arg);
        write("stdin", input);
        command += " < stdin > stdout 2> stderr";
        const int status = std::system(command.c_str());
        return CliRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "stdout"), slurp(dir_ / "stderr")};
    }

    std::filesystem::path db() const { return dir_ / "data" / "kitap.db"; }

    std::filesystem::path dir_;
};

}  // namespace kitap::testing
