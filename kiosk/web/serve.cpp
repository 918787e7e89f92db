#include "kiosk/web/serve.hpp"

#include "kiosk/app/listen_address.hpp"
#include "kiosk/app/stop_on_signal.hpp"
#include "kiosk/web/web_server.hpp"

#include <ostream>

namespace kitap::web {
namespace {

constexpr int exit_bad_input = 2;
constexpr int exit_fault = 3;

// The certificate to serve with: the one named, else kitap serve's own beside the
// database, made on the first start. Its fingerprint is printed every start so the
// librarian can compare it with what her browser shows before she trusts it.
TlsFiles certificate_to_use(const ServeArguments& arguments, const std::filesystem::path& database, std::ostream& out) {
    if (arguments.tls_certificate && arguments.tls_key)
        return {.certificate = *arguments.tls_certificate, .key = *arguments.tls_key};
    auto files = default_tls_files(database);
    if (!std::filesystem::exists(files.certificate) && !std::filesystem::exists(files.key)) {
        make_self_signed_certificate(files, local_host_name());
        out << "kitap serve: made a self-signed certificate " << files.certificate.string() << " (key "
            << files.key.string() << ", readable by this user only)\n";
    }
    return files;
}

}  // namespace

int serve(const ServeArguments& arguments, const std::filesystem::path& database, const app::Config& config,
          std::ostream& out, std::ostream& err) {
    const auto address = app::parse_listen_address(arguments.listen);
    if (!address) {
        err << "--listen: \"" << arguments.listen << "\" is not HOST:PORT (such as 0.0.0.0:8443)\n";
        return exit_bad_input;
    }
    std::optional<TlsFiles> tls;
    try {
        if (!arguments.no_tls) {
            tls = certificate_to_use(arguments, database, out);
            out << "kitap serve: certificate SHA-256 fingerprint " << sha256_fingerprint(tls->certificate) << '\n';
        }
        ServerSettings settings;
        settings.database = database;
        settings.config = config;
        auto server = WebServer::open(std::move(settings), tls);
        if (!server) {
            err << "kitap serve: " << core::to_string(server.error().kind) << ": " << server.error().detail << '\n';
            return exit_fault;
        }
        if (!(*server)->bind(address->host, address->port)) {
            err << "kitap serve: cannot listen on " << arguments.listen << " (in use, or not this machine's address)\n";
            return exit_fault;
        }
        if (arguments.no_tls)
            err << "kitap serve: WARNING: --no-tls: passwords and pupils' data cross the network IN CLEAR.\n"
                   "             Use it only behind a reverse proxy that adds TLS, or for tests on 127.0.0.1.\n";
        out << "kitap serve: listening on " << (tls ? "https://" : "http://") << arguments.listen << "/" << std::endl;
        const app::StopOnSignal stop_on_signal([&server] { (*server)->stop(); });
        (*server)->run();
        return 0;
    } catch (const TlsError& error) {
        err << "kitap serve: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::filesystem::filesystem_error& error) {
        err << "kitap serve: " << error.what() << '\n';
        return exit_bad_input;
    }
}

}  // namespace kitap::web
