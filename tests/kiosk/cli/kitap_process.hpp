#pragma once

// Runs the built `kitap` binary as a librarian or a script would, in a
// temporary folder with its own database and no user configuration.
#include "tests/support/cli_run.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace kitap::testing {

class KitapProcessTest : public ::testing::Test {
protected:
    void SetUp() override {
        temp_.emplace();
        dir_ = temp_->path();
    }

    std::filesystem::path write(const std::string& name, const std::string& contents) {
        std::ofstream(dir_ / name, std::ios::binary) << contents;
        return dir_ / name;
    }

    CliRun kitap(const std::vector<std::string>& args, const std::string& input = "",
                 const std::string& env = "LANG=C") {
        return run_kitap({.binary = KITAP_BINARY,
                          .folder = dir_,
                          .db = db(),
                          .config_home = dir_,
                          .args = args,
                          .env = env,
                          .stdin_file = write("stdin", input)});
    }

    std::filesystem::path db() const { return dir_ / "data" / "kitap.db"; }

    std::optional<TempDir> temp_;
    std::filesystem::path dir_;
};

}  // namespace kitap::testing
