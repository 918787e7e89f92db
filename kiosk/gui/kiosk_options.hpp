#pragma once

#include "kiosk/app/config.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kitap::kiosk {

struct WindowSize {
    int width = 1280;
    int height = 800;
};

// What `kitap-kiosk` was started with.
struct KioskOptions {
    std::optional<std::string> db;       // else $KITAP_DB, else $XDG_DATA_HOME/kitap/kitap.db
    std::optional<std::string> config;   // else $KITAP_CONFIG, else $XDG_CONFIG_HOME/kitap/kitap.toml
    std::vector<std::string> scanners;   // source specs; `wedge` when none is given
    std::optional<std::string> camera;   // camera:N, camera:/dev/videoN, video:FILE|FOLDER
    std::optional<WindowSize> windowed;  // full screen unless set
    std::optional<std::string> lang;     // kk, ru, en; else the library's setting, else the locale
    std::optional<std::filesystem::path> screenshot_dir;
    bool demo = false;            // the side strip of sample cards and books
    bool mute = false;            // no success and error sounds
    bool print_outcomes = false;  // each scan's outcome as a JSON line on stdout once it is on screen
    bool print_frames = false;    // each frame drawn as a JSON line on stdout: for kitap-bench
    // The station name recorded with every change; with --server, the station account's.
    // Else [server] station, else "kiosk".
    std::optional<std::string> station;
    // A kiosk whose station is the school's `kitap serve` (else [server] in the config).
    std::optional<std::string> server;                // https://HOST[:PORT]
    std::optional<std::filesystem::path> token_file;  // the station account's token, 0600
    std::optional<std::string> trust;                 // the server certificate's fingerprint
    std::optional<std::filesystem::path> journal;     // else <data dir>/journal-<station>.db
};

// The options, or the exit code when the program should stop here (--help: 0,
// a bad option: 2), after printing help or the problem to `out`/`err`.
std::variant<KioskOptions, int> parse_kiosk_options(int argc, const char* const* argv, std::ostream& out,
                                                    std::ostream& err);

// "1280x800" -> {1280, 800}; nullopt for anything else or smaller than 640x480.
std::optional<WindowSize> parse_window_size(std::string_view text);

// Where the library is: the same rule as the `kitap` CLI's (kiosk/app/config.hpp).
using app::database_path;

}  // namespace kitap::kiosk
