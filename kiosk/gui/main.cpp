// kitap-kiosk: the touchscreen by the library door. This file only wires the
// command line to the app; see kiosk_app.hpp.
#include "core/db/backup.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/gui/kiosk_app.hpp"
#include "kiosk/gui/kiosk_options.hpp"
#include "kiosk/gui/kiosk_setup.hpp"
#include "kiosk/gui/model/scanner_hub.hpp"
#include "kiosk/gui/platform/signal_watcher.hpp"
#include "kiosk/gui/platform/window.hpp"
#include "kiosk/gui/trust_question.hpp"

#include <csignal>
#include <iostream>

namespace {

using namespace kitap;

// A kiosk whose station is the school's server: no database here, so no KioskLock (the
// journal's own lock keeps two kiosks off one journal).
int run_remote(const kiosk::KioskOptions& options, app::Config config, std::unique_ptr<kiosk::ScannerHub> hub,
               kiosk::RemoteStart start) {
    const auto& address = start.settings.address;
    if (!address.tls)
        std::cerr << "kitap-kiosk: warning: " << address.url()
                  << " is plain http: the station's token and every scan cross the network in clear\n";
    if (address.tls && !start.settings.trusted_fingerprint) {
        // The first start: the librarian compares the fingerprint with the one `kitap serve` printed.
        const auto seen = remote::peek_fingerprint(address);
        if (!seen) {
            std::cerr << "kitap-kiosk: cannot see the certificate of " << address.url()
                      << " to ask whether to trust it: " << seen.error().detail << '\n';
            return 3;
        }
        if (!kiosk::ask_trust(options, address.url(), *seen)) {
            std::cerr << "kitap-kiosk: " << address.url() << " was not trusted\n";
            return 2;
        }
        if (const auto problem = kiosk::save_trust(start.trust_file, *seen)) {
            std::cerr << "kitap-kiosk: " << *problem << '\n';
            return 3;
        }
        start.settings.trusted_fingerprint = *seen;
    }
    const std::string place = address.url() + " (" + start.settings.station + ")";
    kiosk::KioskApp app(options, std::move(config), std::move(hub),
                        std::make_unique<kiosk::RemoteKioskLibrary>(std::move(start.settings)), place);
    return app.run();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kitap;
    // Before any thread exists (GLFW's, the GL driver's, the scanners'): SIGTERM and
    // SIGINT are then taken only by the kiosk's watcher thread.
    kiosk::SignalWatcher::block_signals();
    // A write past the file size limit (RLIMIT_FSIZE) must fail with EFBIG, which the
    // kiosk shows as a full disk and recovers from, instead of killing it.
    std::signal(SIGXFSZ, SIG_IGN);
    const auto parsed = kiosk::parse_kiosk_options(argc, argv, std::cout, std::cerr);
    if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
    const auto& options = std::get<kiosk::KioskOptions>(parsed);
    try {
        app::Config config =
            app::find_config(options.config ? std::optional<std::filesystem::path>(*options.config) : std::nullopt);
        auto hub = kiosk::ScannerHub::make(options.scanners, options.camera, config.devices);
        if (!hub) {
            std::cerr << "kitap-kiosk: " << hub.error().message() << '\n';
            return 2;
        }
        auto remote = kiosk::remote_start(options, config);
        if (!remote) {
            std::cerr << "kitap-kiosk: " << remote.error() << '\n';
            return 2;
        }
        if (*remote) return run_remote(options, std::move(config), std::move(*hub), std::move(**remote));
        // One kiosk per database, and no restore from under a running kiosk (`kitap restore`).
        const auto db_path = kiosk::database_path(options.db);
        if (db_path.has_parent_path()) std::filesystem::create_directories(db_path.parent_path());
        const core::KioskLock lock(db_path);
        auto library = kiosk::local_library(options, config);
        kiosk::KioskApp app(options, std::move(config), std::move(*hub), std::move(library),
                            std::filesystem::absolute(db_path).string());
        return app.run();
    } catch (const app::ConfigError& e) {
        std::cerr << "kitap-kiosk: " << e.what() << '\n';
        return 2;
    } catch (const kiosk::WindowError& e) {
        std::cerr << "kitap-kiosk: " << e.what() << "\n"
                  << "With no display, run it under Xvfb: xvfb-run -s '-screen 0 1280x800x24' kitap-kiosk ...\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "kitap-kiosk: " << e.what() << '\n';
        return 3;
    }
}
