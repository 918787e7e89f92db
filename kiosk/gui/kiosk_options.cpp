#include "kiosk/gui/kiosk_options.hpp"

#include "devices/source_spec.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdlib>
#include <ostream>

namespace kitap::kiosk {
namespace {

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Sources are checked at the command line so that a typo stops the kiosk before it
// takes the screen.
std::string check_source(const std::string& spec) {
    auto parsed = devices::parse_source_spec(spec);
    return parsed ? std::string() : parsed.error().message();
}

}  // namespace

std::optional<WindowSize> parse_window_size(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    const auto width = parse_int(text.substr(0, x));
    const auto height = parse_int(text.substr(x + 1));
    if (!width || !height || *width < 640 || *height < 480 || *width > 16384 || *height > 16384) return std::nullopt;
    return WindowSize{*width, *height};
}

std::variant<KioskOptions, int> parse_kiosk_options(int argc, const char* const* argv, std::ostream& out,
                                                    std::ostream& err) {
    CLI::App app{"Kitap kiosk: the library's self-service touchscreen", "kitap-kiosk"};
    KioskOptions options;
    std::string windowed;
    std::string screenshot_dir;
    app.add_option("--db", options.db, "Database file (else $KITAP_DB, else $XDG_DATA_HOME/kitap/kitap.db)");
    app.add_option("--config", options.config, "Configuration file (TOML)");
    app.add_option("--scanner", options.scanners,
                   "A scan source, repeatable: wedge | pipe:PATH | evdev:auto | evdev:PATH | events:FILE | "
                   "serial:PATH[@BAUD] (default: wedge)")
        ->check(check_source);
    app.add_option("--camera", options.camera, "A camera source: camera:N | camera:/dev/videoN | video:FILE|FOLDER")
        ->check(check_source);
    bool fullscreen_flag = false;
    auto* fullscreen = app.add_flag("--fullscreen", fullscreen_flag, "Take the whole screen (the default)");
    app.add_option("--windowed", windowed, "Run in a window of this size, such as 1280x800")
        ->check([](const std::string& text) {
            return parse_window_size(text) ? std::string() : "must be WIDTHxHEIGHT, at least 640x480";
        })
        ->excludes(fullscreen);
    app.add_option("--lang", options.lang, "Language to start in: kk, ru or en")
        ->check(CLI::IsMember({"kk", "ru", "en"}));
    app.add_option("--screenshot-dir", screenshot_dir,
                   "Write NNNN-<screen>.png here after every scan outcome and screen change");
    app.add_flag("--demo", options.demo, "Show sample cards and books that scan when touched");
    app.add_flag("--mute", options.mute, "No success and error sounds");
    app.add_flag("--print-outcomes", options.print_outcomes,
                 "Print each scan's outcome on stdout as a JSON line (as `kitap scan` does) once the frame "
                 "showing it is drawn, with scan_to_frame_ms and frame_ms");
    app.add_flag("--print-frames", options.print_frames,
                 "Print every frame drawn on stdout as a JSON line with frame_ms and working (the library "
                 "still busy), for measuring");
    app.add_option("--station", options.station,
                   "Station name recorded with every change; with --server, the station account's name "
                   "(else [server] station, else kiosk)");
    app.add_option("--server", options.server,
                   "The school's `kitap serve` (https://HOST[:PORT]) as this kiosk's station, instead of a "
                   "database here (else [server] url)");
    app.add_option("--token-file", options.token_file,
                   "With --server: the file (mode 0600) holding the station account's token");
    app.add_option("--trust", options.trust,
                   "With --server over https: the SHA-256 fingerprint of the server's certificate, as "
                   "`kitap serve` prints it");
    app.add_option("--journal", options.journal,
                   "With --server: the file for scans made while the server cannot be reached (else "
                   "journal-<station>.db in the data folder)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help is done (0); anything wrong with the command line is bad input (2), as for `kitap`.
        return app.exit(e, out, err) == 0 ? 0 : 2;
    }
    if (!windowed.empty()) options.windowed = parse_window_size(windowed);
    if (!screenshot_dir.empty()) options.screenshot_dir = screenshot_dir;
    if (options.scanners.empty()) options.scanners.push_back("wedge");
    return options;
}

}  // namespace kitap::kiosk
