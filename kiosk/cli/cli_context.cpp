#include "kiosk/cli/cli_context.hpp"

#include <cstdlib>

namespace kitap::cli {

CliContext::CliContext(const GlobalOptions& options)
    : db_path_(database_path(options.db)),
      tr_(app::choose_language(options.lang)),
      config_(app::find_config(options.config ? std::optional<std::filesystem::path>(*options.config) : std::nullopt)) {
}

core::Library& CliContext::library() {
    if (!library_) library_.emplace(or_fault(core::Library::open(db_path_, {.rules = config_.rules})));
    return *library_;
}

core::Timestamp CliContext::now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace kitap::cli
