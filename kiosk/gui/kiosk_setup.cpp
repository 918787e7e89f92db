#include "kiosk/gui/kiosk_setup.hpp"

#include "core/security/secret_hash.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>

namespace kitap::kiosk {
namespace {

constexpr std::string_view demo_pin = "123456";

tl::unexpected<std::string> refused(std::string why) { return tl::unexpected(std::move(why)); }

std::string trimmed(std::string text) {
    const auto end = text.find_last_not_of(" \t\r\n");
    text.erase(end == std::string::npos ? 0 : end + 1);
    return text.substr(std::min(text.find_first_not_of(" \t\r\n"), text.size()));
}

std::optional<std::string> read_first_line(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) return std::nullopt;
    return trimmed(line);
}

// The fingerprint to trust: --trust, else [server] trust, else what a first run saved.
tl::expected<std::optional<std::string>, std::string> trusted_fingerprint(const KioskOptions& options,
                                                                          const app::Config& config,
                                                                          const std::filesystem::path& saved) {
    const auto given = options.trust ? options.trust : config.server.trust;
    if (!given) {
        const auto line = read_first_line(saved);
        return line ? remote::canonical_fingerprint(*line) : std::nullopt;
    }
    if (auto fingerprint = remote::canonical_fingerprint(*given)) return fingerprint;
    return refused("--trust must be the 32-byte SHA-256 fingerprint `kitap serve` prints (3A:F0:...)");
}

}  // namespace

std::string station_name(const KioskOptions& options, const app::Config& config) {
    return options.station.value_or(config.server.station.value_or("kiosk"));
}

std::filesystem::path data_dir(const KioskOptions& options) {
    return std::filesystem::absolute(database_path(options.db)).parent_path();
}

tl::expected<std::string, std::string> read_token_file(const std::filesystem::path& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return refused("the token file " + path.string() + " does not exist");
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return refused("the token file " + path.string() +
                       " can be read by others: it is the station's password (chmod 600 it)");
    const auto token = read_first_line(path);
    if (!token || token->empty()) return refused("the token file " + path.string() + " is empty");
    return *token;
}

std::filesystem::path trust_file(const std::filesystem::path& data_dir, const std::string& host) {
    std::string name = host;
    std::replace(name.begin(), name.end(), ':', '_');  // an IPv6 address
    return data_dir / ("server-" + name + ".trust");
}

std::optional<std::string> save_trust(const std::filesystem::path& file, const std::string& fingerprint) {
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    const auto temporary = file.string() + ".new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        if (!out) return "cannot write " + temporary;
        std::filesystem::permissions(temporary,
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, error);
        out << fingerprint << '\n';
        if (!out.flush()) return "cannot write " + temporary;
    }
    std::filesystem::rename(temporary, file, error);
    if (error) return "cannot write " + file.string() + ": " + error.message();
    return std::nullopt;
}

tl::expected<std::optional<RemoteStart>, std::string> remote_start(const KioskOptions& options,
                                                                   const app::Config& config) {
    const auto url = options.server ? options.server : config.server.url;
    if (!url) return std::nullopt;
    auto address = remote::parse_server_url(*url);
    if (!address) return refused(address.error());
    const auto token_file = options.token_file ? options.token_file : config.server.token_file;
    if (!token_file) return refused("--server needs --token-file FILE (or [server] token_file)");
    auto token = read_token_file(*token_file);
    if (!token) return refused(token.error());
    const std::string station = station_name(options, config);
    const auto folder = data_dir(options);
    RemoteStart start{.settings = {.address = *address,
                                   .token = std::move(*token),
                                   .station = station,
                                   .journal = options.journal.value_or(folder / ("journal-" + station + ".db")),
                                   .rules = config.rules},
                      .trust_file = trust_file(folder, address->host)};
    if (address->tls) {
        auto fingerprint = trusted_fingerprint(options, config, start.trust_file);
        if (!fingerprint) return refused(fingerprint.error());
        start.settings.trusted_fingerprint = std::move(*fingerprint);
    }
    return start;
}

std::unique_ptr<LocalKioskLibrary> local_library(const KioskOptions& options, const app::Config& config) {
    return std::make_unique<LocalKioskLibrary>(
        database_path(options.db), config.rules, station_name(options, config),
        options.demo ? std::optional(core::hash_secret(demo_pin)) : std::nullopt);
}

}  // namespace kitap::kiosk
