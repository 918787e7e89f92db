#pragma once

#include "kiosk/app/config.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace kitap::web {

// `kitap serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE | --no-tls]`
struct ServeArguments {
    std::string listen = "0.0.0.0:8443";
    std::optional<std::string> tls_certificate;
    std::optional<std::string> tls_key;
    bool no_tls = false;
};

// Serves until SIGINT or SIGTERM; the exit code (0, 2 for bad arguments or
// certificate files, 3 when the database or the address cannot be used).
int serve(const ServeArguments& arguments, const std::filesystem::path& database, const app::Config& config,
          std::ostream& out, std::ostream& err);

}  // namespace kitap::web
