#pragma once

#include "support/rendered_pdf.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kitap::testing {

// The built `kitap` run on a copy of a demo school (made once per test binary),
// in a folder of the test's own, with no configuration file unless given one.
class DemoLibrary : public ::testing::Test {
protected:
    void SetUp() override;

    // `kitap --lang LANG ARGS...`, its standard output captured (or sent to `stdout_file`).
    CliRun kitap(const std::vector<std::string>& args, const std::string& lang = "kk");
    CliRun kitap_to_file(const std::vector<std::string>& args, const std::filesystem::path& stdout_file);

    // The first column of every row of a query on the test's database.
    std::vector<std::string> column(const std::string& sql);
    std::string value(const std::string& sql);

    std::filesystem::path file(const std::string& name) const { return folder_ / name; }
    std::filesystem::path db_path() const { return folder_ / "kitap.db"; }

private:
    TempDir folder_;
};

}  // namespace kitap::testing
