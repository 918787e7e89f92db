#pragma once

#include "core/rules.hpp"
#include "devices/device_options.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::app {

struct SchoolInfo {
    std::string name = "Kitap demo school";
    std::string opening_hours;  // shown on the kiosk's welcome screen ("Mon–Fri 8:30–17:00"); empty: not shown
    // The school among the city's ("pavlodar-12"): lower-case Latin letters, digits and
    // hyphens. The district's server knows the school by it; `kitap sync` needs one.
    std::optional<std::string> id;
};

// [district]: the city's server the school syncs with (`kitap sync`).
struct DistrictSettings {
    std::optional<std::string> url;  // a libpq connection string: "host=district.example dbname=kitap user=pavlodar-12"
};

// [labels]: the label stock the library buys and how its printer places it.
struct LabelSettings {
    std::string layout = "a4-3x8";        // a4-3x8, a4-4x10, a4-2x7, roll-58 (kitap labels --layout)
    std::optional<double> margin_top_mm;  // the stock's margins, when they differ from the layout's
    std::optional<double> margin_left_mm;
    std::string library_name;  // printed on copy labels; empty: the school's name
};

// [server]: a kiosk whose station is the school's `kitap serve` (kitap-kiosk --server,
// --station, --token-file, --trust win over these).
struct KioskServer {
    std::optional<std::string> url;  // https://kitap-pc:8443
    std::optional<std::string> station;
    std::optional<std::filesystem::path> token_file;  // the station account's token, in a 0600 file
    std::optional<std::string> trust;                 // the server certificate's SHA-256 fingerprint
};

struct Config {
    SchoolInfo school;
    // [catalogue] servers: Z39.50 servers `kitap catalog fetch` asks in turn, each
    // HOST:PORT/DATABASE (as `--server` takes one).
    std::vector<std::string> catalogue_servers;
    LabelSettings labels;
    KioskServer server;
    DistrictSettings district;
    core::Rules rules;
    devices::DeviceOptions devices;
    std::optional<std::filesystem::path> source;  // the file it came from, if any
};

// A configuration file that cannot be used; what() names the file, line and key.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whether `id` can name a school: 1-40 of a-z, 0-9 and '-', not starting with '-'.
bool valid_school_id(std::string_view id);

// Reads a TOML configuration; every key is optional and unknown keys are errors,
// so that a typo never silently leaves a default in force.
Config load_config(const std::filesystem::path& path);
Config parse_config(std::string_view toml_text, const std::string& source_name);

// --db, else $KITAP_DB, else $XDG_DATA_HOME/kitap/kitap.db (~/.local/share when unset):
// the same library for the kiosk and the command line.
std::filesystem::path database_path(const std::optional<std::string>& explicit_path);

// --config, else $KITAP_CONFIG, else $XDG_CONFIG_HOME/kitap/kitap.toml when it
// exists, else the built-in defaults.
Config find_config(const std::optional<std::filesystem::path>& explicit_path);

}  // namespace kitap::app
