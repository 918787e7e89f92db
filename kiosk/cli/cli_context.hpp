#pragma once

#include "core/calendar.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/app/translator.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace kitap::cli {

// The exit codes scripts rely on.
enum ExitCode : int { exit_done = 0, exit_refused = 1, exit_bad_input = 2, exit_fault = 3 };

struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> lang;
    std::optional<std::string> config;
};

using app::database_path;

// What every command needs: where the database is, the rules, the language.
class CliContext {
public:
    explicit CliContext(const GlobalOptions& options);

    const std::filesystem::path& db_path() const { return db_path_; }
    const app::Translator& tr() const { return tr_; }
    const app::Config& config() const { return config_; }
    SQLite::Database& db();  // opened and migrated on first use
    static core::Timestamp now();

private:
    std::filesystem::path db_path_;
    app::Translator tr_;
    app::Config config_;
    std::optional<SQLite::Database> db_;
};

}  // namespace kitap::cli
