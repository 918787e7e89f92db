#include "kiosk/app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace kitap::app {
namespace {

std::string where(const std::string& source, const toml::node& node, std::string_view key) {
    return source + ":" + std::to_string(node.source().begin.line) + ": " + std::string(key) + ": ";
}

// Reads typed values from one table, naming the file, line and key of anything wrong.
class TableReader {
public:
    TableReader(const toml::table& table, std::string source, std::string path)
        : table_(table), source_(std::move(source)), path_(std::move(path)) {}

    template <typename T>
    std::optional<T> get(std::string_view key) {
        seen_.insert(std::string(key));
        const toml::node* node = table_.get(key);
        if (!node) return std::nullopt;
        if (auto value = node->value<T>()) return value;
        throw ConfigError(where(source_, *node, qualified(key)) + "has the wrong type");
    }

    // A whole number from 0 (seconds, milliseconds, lengths, counts): a negative or
    // huge one would silently break the station's or a device's timing.
    std::optional<int> whole_number(std::string_view key);

    std::vector<std::string> strings(std::string_view key) {
        seen_.insert(std::string(key));
        std::vector<std::string> values;
        const toml::node* node = table_.get(key);
        if (!node) return values;
        const toml::array* array = node->as_array();
        if (!array) throw ConfigError(where(source_, *node, qualified(key)) + "must be a list of strings");
        for (const auto& item : *array) {
            auto text = item.value<std::string>();
            if (!text) throw ConfigError(where(source_, item, qualified(key)) + "must be a list of strings");
            values.push_back(*text);
        }
        return values;
    }

    std::optional<TableReader> table(std::string_view key) {
        seen_.insert(std::string(key));
        const toml::node* node = table_.get(key);
        if (!node) return std::nullopt;
        if (!node->is_table()) throw ConfigError(where(source_, *node, qualified(key)) + "must be a table");
        return TableReader(*node->as_table(), source_, qualified(key));
    }

    // Every key of this table the code did not ask for is an error.
    void reject_unknown_keys() const {
        for (const auto& [key, node] : table_)
            if (!seen_.contains(std::string(key.str())))
                throw ConfigError(where(source_, node, qualified(key.str())) + "unknown key");
    }

    // For tables keyed by name (categories, kinds): each entry's key and node.
    const toml::table& raw() const { return table_; }
    const std::string& source() const { return source_; }
    std::string qualified(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }

private:
    const toml::table& table_;
    std::string source_;
    std::string path_;
    std::set<std::string> seen_;
};

int positive_int(TableReader& reader, const toml::node& node, std::string_view key) {
    auto value = node.value<int64_t>();
    if (!value || *value < 0 || *value > 100000)
        throw ConfigError(where(reader.source(), node, reader.qualified(key)) + "must be a whole number from 0");
    return static_cast<int>(*value);
}

std::optional<int> TableReader::whole_number(std::string_view key) {
    if (!get<int64_t>(key)) return std::nullopt;  // absent; any other type is refused there
    return positive_int(*this, *table_.get(key), key);
}

template <typename Enum, typename Parse>
Enum enum_key(TableReader& reader, const toml::node& node, std::string_view key, Parse parse, const char* expected) {
    auto value = parse(key);
    if (!value) throw ConfigError(where(reader.source(), node, reader.qualified(key)) + "is not one of " + expected);
    return *value;
}

constexpr const char* kinds = "textbook, fiction, reference, methodical, periodical, electronic";
constexpr const char* categories = "pupil, teacher, staff, other";

// [loans.days] and [loans.days.<category>]: kind = days; nested tables are read by the caller.
std::map<core::TitleKind, int> loan_days_table(TableReader& reader) {
    std::map<core::TitleKind, int> days;
    for (const auto& [key, node] : reader.raw()) {
        if (node.is_table()) continue;  // [loans.days.teacher] and the like
        days[enum_key<core::TitleKind>(reader, node, key.str(), core::title_kind_from, kinds)] =
            positive_int(reader, node, key.str());
    }
    return days;
}

void read_loans(TableReader loans, core::LoanRules& rules) {
    if (auto due = loans.get<std::string>("textbook_due")) {
        unsigned month = 0, day = 0;
        if (std::sscanf(due->c_str(), "%2u-%2u", &month, &day) != 2 ||
            !std::chrono::month_day{std::chrono::month{month}, std::chrono::day{day}}.ok())
            throw ConfigError(where(loans.source(), *loans.raw().get("textbook_due"), "loans.textbook_due") +
                              "must be a month and day such as \"05-31\"");
        rules.textbook_due = std::chrono::month{month} / std::chrono::day{day};
    }
    if (auto renewals = loans.whole_number("max_renewals")) rules.max_renewals = *renewals;
    if (auto days = loans.whole_number("hold_days")) rules.hold_days = *days;
    if (auto days = loans.table("days")) {
        for (const auto& [kind, value] : loan_days_table(*days)) rules.loan_days[kind] = value;
        for (const auto& [key, node] : days->raw()) {
            if (!node.is_table()) continue;
            const auto category =
                enum_key<core::ReaderCategory>(*days, node, key.str(), core::reader_category_from, categories);
            TableReader per_category(*node.as_table(), days->source(), days->qualified(key.str()));
            for (const auto& [kind, value] : loan_days_table(per_category))
                rules.loan_days_by_category[category][kind] = value;
        }
    }
    if (auto limits = loans.table("limits")) {
        for (const auto& [key, node] : limits->raw())
            rules.loan_limits[enum_key<core::ReaderCategory>(*limits, node, key.str(), core::reader_category_from,
                                                             categories)] = positive_int(*limits, node, key.str());
    }
    loans.reject_unknown_keys();
}

void read_codes(TableReader codes, core::CodeRules& rules) {
    if (auto prefix = codes.get<std::string>("command_prefix")) rules.command_prefix = *prefix;
    rules.strip_prefixes = codes.strings("strip_prefixes");
    rules.strip_suffixes = codes.strings("strip_suffixes");
    if (auto zeros = codes.get<bool>("strip_leading_zeros")) rules.strip_leading_zeros = *zeros;
    codes.reject_unknown_keys();
}

void read_station(TableReader station, core::StationRules& rules) {
    if (auto seconds = station.whole_number("double_scan_seconds"))
        rules.double_scan_window = std::chrono::seconds(*seconds);
    if (auto seconds = station.whole_number("idle_timeout_seconds"))
        rules.idle_timeout = std::chrono::seconds(*seconds);
    if (auto policy = station.get<std::string>("reader_pin")) {
        const auto parsed = core::reader_pin_policy_from(*policy);
        if (!parsed)
            throw ConfigError(where(station.source(), *station.raw().get("reader_pin"), "station.reader_pin") +
                              "is not one of \"off\", \"when_set\", \"required\"");
        rules.reader_pin = *parsed;
    }
    station.reject_unknown_keys();
}

devices::Symbology symbology(TableReader& reader, const toml::node& node, std::string_view key, std::string_view name) {
    auto value = devices::symbology_from(name);
    if (!value || *value == devices::Symbology::unknown)
        throw ConfigError(where(reader.source(), node, reader.qualified(key)) + "\"" + std::string(name) +
                          "\" is not a barcode format (code128, codabar, ean13, qr, code39, itf, datamatrix...)");
    return *value;
}

// libstdc++ compiles a regular expression recursively, so a few thousand nested
// groups overflow the stack; no label format needs more than a line.
constexpr std::size_t longest_pattern = 256;
constexpr std::size_t longest_count = 4;  // digits of a count: larger ones exceed libstdc++'s state limit anyway

// libstdc++ reads the counts of "{n,m}" and back-references ("\12") into a long
// without checking for overflow (undefined behaviour), so they are checked first.
bool has_oversized_count(std::string_view pattern) {
    bool in_count = false;  // inside "{...}", or right after a backslash
    std::size_t digits = 0;
    for (const char c : pattern) {
        if (c >= '0' && c <= '9') {
            if (in_count && ++digits > longest_count) return true;
            continue;
        }
        digits = 0;
        in_count = c == '{' || c == '\\' || (in_count && c == ',');
    }
    return false;
}

void read_patterns(TableReader patterns, devices::ValidationRules& rules) {
    for (const auto& [key, node] : patterns.raw()) {
        const auto format = symbology(patterns, node, key.str(), key.str());
        auto pattern = node.value<std::string>();
        if (pattern && pattern->size() > longest_pattern)
            throw ConfigError(where(patterns.source(), node, patterns.qualified(key.str())) +
                              "must be a regular expression of at most " + std::to_string(longest_pattern) +
                              " characters");
        if (pattern && has_oversized_count(*pattern))
            throw ConfigError(where(patterns.source(), node, patterns.qualified(key.str())) +
                              "must be a regular expression whose counts ({n,m}, \\n) have at most " +
                              std::to_string(longest_count) + " digits");
        try {
            if (!pattern) throw std::regex_error(std::regex_constants::error_type{});
            std::regex compiled(*pattern);
        } catch (const std::regex_error&) {
            throw ConfigError(where(patterns.source(), node, patterns.qualified(key.str())) +
                              "must be a regular expression in quotes");
        }
        rules.patterns[format] = *pattern;
    }
}

// [devices]: what the camera accepts and how a scanner's keystrokes are told from a person's.
void read_devices(TableReader devices, devices::DeviceOptions& options) {
    auto& decoder = options.camera.decoder;
    auto& validation = decoder.validation;
    if (auto* formats = devices.raw().get("formats")) {
        decoder.formats.clear();
        for (const auto& name : devices.strings("formats"))
            decoder.formats.push_back(symbology(devices, *formats, "formats", name));
    }
    if (auto value = devices.get<bool>("ean13_isbn_only")) validation.ean13_isbn_only = *value;
    if (auto value = devices.whole_number("codabar_min_length"))
        validation.codabar_min_length = static_cast<std::size_t>(*value);
    if (auto value = devices.whole_number("codabar_max_length"))
        validation.codabar_max_length = static_cast<std::size_t>(*value);
    if (auto value = devices.whole_number("reads_without_check"))
        options.camera.confirmation.reads_without_check = *value;
    if (auto value = devices.whole_number("out_of_view_ms"))
        options.camera.confirmation.out_of_view = std::chrono::milliseconds(*value);
    if (auto value = devices.whole_number("scanner_key_gap_ms"))
        options.wedge.max_key_gap = std::chrono::milliseconds(*value);
    if (auto patterns = devices.table("patterns")) read_patterns(std::move(*patterns), validation);
    devices.reject_unknown_keys();
}

void read_school(TableReader school, Config& config) {
    if (auto name = school.get<std::string>("name")) config.school.name = *name;
    if (auto hours = school.get<std::string>("opening_hours")) config.school.opening_hours = *hours;
    if (auto id = school.get<std::string>("id")) {
        if (!valid_school_id(*id))
            throw ConfigError(where(school.source(), *school.raw().get("id"), "school.id") + "\"" + *id +
                              "\" is not a school id: 1-40 of a-z, 0-9 and '-', as pavlodar-12");
        config.school.id = *id;
    }
    if (auto language = school.get<std::string>("default_class_language")) {
        auto parsed = core::class_language_from(*language);
        if (!parsed)
            throw ConfigError(
                where(school.source(), *school.raw().get("default_class_language"), "school.default_class_language") +
                "must be \"kk\" or \"ru\"");
        config.rules.default_class_language = *parsed;
    }
    school.reject_unknown_keys();
}

void read_district(TableReader district, DistrictSettings& settings) {
    settings.url = district.get<std::string>("url");
    district.reject_unknown_keys();
}

void read_server(TableReader server, KioskServer& settings) {
    settings.url = server.get<std::string>("url");
    settings.station = server.get<std::string>("station");
    if (auto token_file = server.get<std::string>("token_file")) settings.token_file = *token_file;
    settings.trust = server.get<std::string>("trust");
    server.reject_unknown_keys();
}

// HOST:PORT/DATABASE, the port a number: what yaz's ZOOM takes, said before a search fails on it.
void read_catalogue(TableReader catalogue, std::vector<std::string>& servers) {
    servers = catalogue.strings("servers");
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const auto& server = servers[i];
        const auto colon = server.find(':');
        const auto slash = server.find('/', colon == std::string::npos ? 0 : colon);
        const bool port_ok = colon != std::string::npos && slash != std::string::npos && slash > colon + 1 &&
                             server.find_first_not_of("0123456789", colon + 1) == slash;
        if (colon == 0 || !port_ok || slash + 1 == server.size())
            throw ConfigError(
                where(catalogue.source(), *catalogue.raw().get("servers")->as_array()->get(i), "catalogue.servers") +
                "\"" + server + "\" is not HOST:PORT/DATABASE");
    }
    catalogue.reject_unknown_keys();
}

std::optional<double> millimetres(TableReader& labels, std::string_view key) {
    auto value = labels.get<double>(key);
    if (value && (*value < 0 || *value > 100))
        throw ConfigError(where(labels.source(), *labels.raw().get(key), labels.qualified(key)) +
                          "must be millimetres from 0 to 100");
    return value;
}

void read_labels(TableReader labels, LabelSettings& settings) {
    if (auto layout = labels.get<std::string>("layout")) settings.layout = *layout;
    settings.margin_top_mm = millimetres(labels, "margin_top_mm");
    settings.margin_left_mm = millimetres(labels, "margin_left_mm");
    if (auto name = labels.get<std::string>("library_name")) settings.library_name = *name;
    labels.reject_unknown_keys();
}

}  // namespace

bool valid_school_id(std::string_view id) {
    const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    return !id.empty() && id.size() <= 40 && id.front() != '-' && std::all_of(id.begin(), id.end(), allowed);
}

Config parse_config(std::string_view toml_text, const std::string& source_name) {
    toml::table root;
    try {
        root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
        throw ConfigError(source_name + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
    Config config;
    TableReader reader(root, source_name, "");
    if (auto school = reader.table("school")) read_school(std::move(*school), config);
    if (auto codes = reader.table("codes")) read_codes(std::move(*codes), config.rules.codes);
    if (auto station = reader.table("station")) read_station(std::move(*station), config.rules.station);
    if (auto loans = reader.table("loans")) read_loans(std::move(*loans), config.rules.loans);
    if (auto devices = reader.table("devices")) read_devices(std::move(*devices), config.devices);
    if (auto labels = reader.table("labels")) read_labels(std::move(*labels), config.labels);
    if (auto server = reader.table("server")) read_server(std::move(*server), config.server);
    if (auto district = reader.table("district")) read_district(std::move(*district), config.district);
    if (auto catalogue = reader.table("catalogue")) read_catalogue(std::move(*catalogue), config.catalogue_servers);
    reader.reject_unknown_keys();
    return config;
}

Config load_config(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw ConfigError(path.string() + ": cannot read the configuration file");
    std::ostringstream text;
    text << file.rdbuf();
    Config config = parse_config(text.str(), path.string());
    config.source = path;
    return config;
}

std::filesystem::path database_path(const std::optional<std::string>& explicit_path) {
    if (explicit_path) return *explicit_path;
    if (const char* env = std::getenv("KITAP_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "kitap" / "kitap.db";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "kitap" / "kitap.db";
}

Config find_config(const std::optional<std::filesystem::path>& explicit_path) {
    if (explicit_path) return load_config(*explicit_path);
    if (const char* env = std::getenv("KITAP_CONFIG"); env && *env) return load_config(env);
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".config";
    if (!base.empty() && std::filesystem::exists(base / "kitap" / "kitap.toml"))
        return load_config(base / "kitap" / "kitap.toml");
    return Config{};
}

}  // namespace kitap::app
