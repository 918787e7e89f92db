#include "support/demo_library.hpp"

#include <mutex>
#include <stdexcept>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;

// `kitap ARGS` on `db`, in `folder`, with no configuration file.
CliRun kitap_on(const fs::path& db, const fs::path& folder, std::vector<std::string> args,
                const fs::path& stdout_file = {}) {
    return run_kitap({.binary = KITAP_BINARY,
                      .folder = folder,
                      .db = db,
                      .config_home = "/nonexistent",
                      .args = std::move(args),
                      .stdout_file = stdout_file});
}

// One demo school for the whole binary; each test works on its own copy.
const fs::path& demo_database() {
    static TempDir folder;
    static std::once_flag made;
    std::call_once(made, [] {
        if (kitap_on(folder / "kitap.db", folder.path(), {"demo", "--seed", "7"}).exit_code != 0)
            throw std::runtime_error("kitap demo failed");
    });
    static const fs::path path = folder / "kitap.db";
    return path;
}

}  // namespace

void DemoLibrary::SetUp() { fs::copy_file(demo_database(), db_path()); }

CliRun DemoLibrary::kitap(const std::vector<std::string>& args, const std::string& lang) {
    std::vector<std::string> all{"--lang", lang};
    all.insert(all.end(), args.begin(), args.end());
    return kitap_on(db_path(), folder_.path(), std::move(all));
}

CliRun DemoLibrary::kitap_to_file(const std::vector<std::string>& args, const fs::path& stdout_file) {
    std::vector<std::string> all{"--lang", "kk"};
    all.insert(all.end(), args.begin(), args.end());
    return kitap_on(db_path(), folder_.path(), std::move(all), stdout_file);
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
