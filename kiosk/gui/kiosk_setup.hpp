#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/gui/kiosk_options.hpp"
#include "kiosk/gui/model/local_kiosk_library.hpp"
#include "kiosk/gui/model/remote_kiosk_library.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kitap::kiosk {

// What kitap-kiosk was started on, from its options and configuration: a database
// of its own, or the school's server (--server, else [server] url). The options win
// over the configuration.

// The station name: --station, else [server] station, else "kiosk".
std::string station_name(const KioskOptions& options, const app::Config& config);

// The folder of the kiosk's own files (the database, a remote kiosk's journal and
// trusted fingerprints): where app::database_path puts the database.
std::filesystem::path data_dir(const KioskOptions& options);

// The station account's token from its file: refused when the file is missing, empty
// or readable by anyone but its owner (the token is the station's password).
tl::expected<std::string, std::string> read_token_file(const std::filesystem::path& path);

// Where a fingerprint the librarian trusted on the first-run screen is kept for `host`.
std::filesystem::path trust_file(const std::filesystem::path& data_dir, const std::string& host);
// Writes it (0600); what went wrong otherwise.
std::optional<std::string> save_trust(const std::filesystem::path& file, const std::string& fingerprint);

struct RemoteStart {
    RemoteKioskLibrary::Settings settings;  // trusted_fingerprint empty: ask the librarian first
    std::filesystem::path trust_file;       // where the librarian's answer goes
};

// With a server named: its settings (--trust, else [server] trust, else the trust file
// a first run saved), or why the kiosk cannot start (a bad URL or fingerprint, the
// token file). nullopt without a server: a kiosk with its own database.
tl::expected<std::optional<RemoteStart>, std::string> remote_start(const KioskOptions& options,
                                                                   const app::Config& config);

// A kiosk on its own database; with --demo, the demo's PIN (123456) opens the
// librarian's screen while no PIN is set.
std::unique_ptr<LocalKioskLibrary> local_library(const KioskOptions& options, const app::Config& config);

}  // namespace kitap::kiosk
