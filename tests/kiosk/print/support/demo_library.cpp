#include "support/demo_library.hpp"

#include <mutex>
#include <stdexcept>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;

std::string command_line(const fs::path& db, const std::vector<std::string>& args) {
    std::string command =
        "env LANG=C KITAP_DB=" + quoted(db.string()) + " XDG_CONFIG_HOME=/nonexistent " + quoted(KITAP_BINARY);
    for (const auto& arg : args) command += " " + quoted(arg);
    return command;
}

// One demo school for the whole binary; each test works on its own copy.
const fs::path& demo_database() {
    static TempFolder folder;
    static std::once_flag made;
    std::call_once(made, [] {
        if (run(command_line(folder / "kitap.db", {"demo", "--seed", "7"}) + " > /dev/null") != 0)
            throw std::runtime_error("kitap demo failed");
    });
    static const fs::path path = folder / "kitap.db";
    return path;
}

}  // namespace

void DemoLibrary::SetUp() { fs::copy_file(demo_database(), db_path()); }

CliRun DemoLibrary::run_in_folder(const std::string& command, const fs::path& stdout_file) {
    const auto err = folder_ / "stderr";
    const int code = run("cd " + quoted(folder_.path().string()) + " && " + command + " < /dev/null > " +
                         quoted(stdout_file.string()) + " 2> " + quoted(err.string()));
    return {code, slurp(stdout_file), slurp(err)};
}

CliRun DemoLibrary::kitap(const std::vector<std::string>& args, const std::string& lang) {
    std::vector<std::string> all{"--lang", lang};
    all.insert(all.end(), args.begin(), args.end());
    return run_in_folder(command_line(db_path(), all), folder_ / "stdout");
}

CliRun DemoLibrary::kitap_to_file(const std::vector<std::string>& args, const fs::path& stdout_file) {
    std::vector<std::string> all{"--lang", "kk"};
    all.insert(all.end(), args.begin(), args.end());
    return run_in_folder(command_line(db_path(), all), stdout_file);
}

std::vector<std::string> DemoLibrary::column(const std::string& sql) {
    SQLite::Database db(db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    std::vector<std::string> values;
    while (query.executeStep()) values.push_back(query.getColumn(0).getString());
    return values;
}

std::string DemoLibrary::value(const std::string& sql) {
    const auto values = column(sql);
    return values.empty() ? "" : values.front();
}

}  // namespace kitap::testing
