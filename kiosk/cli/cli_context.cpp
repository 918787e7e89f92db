#include "kiosk/cli/cli_context.hpp"

#include "core/db/database.hpp"

#include <cstdlib>

namespace kitap::cli {

std::filesystem::path database_path(const std::optional<std::string>& explicit_path) {
    if (explicit_path) return *explicit_path;
    if (const char* env = std::getenv("KITAP_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "kitap" / "kitap.db";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "kitap" / "kitap.db";
}

CliContext::CliContext(const GlobalOptions& options)
    : db_path_(database_path(options.db)),
      tr_(app::choose_language(options.lang)),
      config_(app::find_config(options.config ? std::optional<std::filesystem::path>(*options.config) : std::nullopt)) {}

SQLite::Database& CliContext::db() {
    if (!db_) db_.emplace(core::open_database(db_path_));
    return *db_;
}

core::Timestamp CliContext::now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace kitap::cli
