#pragma once

#include "kiosk/app/config.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace kitap::sip2 {

// `kitap sip2 [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]`
struct Sip2Arguments {
    std::string listen = "127.0.0.1:6001";
    std::optional<std::string> tls_certificate;
    std::optional<std::string> tls_key;
};

// Serves SIP2 terminals until SIGINT or SIGTERM; each connection holds its own core
// Library on `database` (SQLite in WAL: beside the kiosk and `kitap serve`). The exit
// code: 0, 2 for bad arguments or certificate files, 3 when the database or the
// address cannot be used.
int serve_sip2(const Sip2Arguments& arguments, const std::filesystem::path& database, const app::Config& config,
               std::ostream& out, std::ostream& err);

}  // namespace kitap::sip2
