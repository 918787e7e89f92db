#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/app/translator.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>

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
    core::Library& library();  // opened and migrated on first use
    static core::Timestamp now();

private:
    std::filesystem::path db_path_;
    app::Translator tr_;
    app::Config config_;
    std::optional<core::Library> library_;
};

// Broken storage ends a command: main() says what broke and exits with exit_fault.
using StorageFault = answers::FaultMet;

// The value of a call into the library, or the end of the command when storage broke.
template <typename T>
T or_fault(core::OrFault<T> result) {
    return answers::stored(std::move(result));
}

}  // namespace kitap::cli
