#include "kiosk/web/serve.hpp"

#include "kiosk/web/web_server.hpp"

#include <pthread.h>

#include <charconv>
#include <csignal>
#include <ostream>
#include <thread>

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

// SIGINT and SIGTERM stop the server: blocked in every thread, awaited by one.
class StopOnSignal {
public:
    explicit StopOnSignal(WebServer& server) {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        waiter_ = std::thread([this, &server] {
            int signal = 0;
            sigwait(&signals_, &signal);
            server.stop();
        });
    }
    ~StopOnSignal() {
        pthread_kill(waiter_.native_handle(), SIGTERM);  // when the server stopped on its own
        waiter_.join();
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_{};
    std::thread waiter_;
};

}  // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    auto host = text.substr(0, colon);
    if (host.starts_with('[')) {
        if (!host.ends_with(']') || host.size() < 3) return std::nullopt;
        host = host.substr(1, host.size() - 2);
        if (host.find_first_of("[]") != std::string_view::npos) return std::nullopt;  // "[a]]:80"
    } else if (host.find(':') != std::string_view::npos) {
        return std::nullopt;  // an IPv6 address needs its brackets
    }
    const auto port_text = text.substr(colon + 1);
    int port = 0;
    const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc{} || end != port_text.data() + port_text.size() || port < 1 || port > 65535)
        return std::nullopt;
    return ListenAddress{.host = std::string(host), .port = port};
}

int serve(const ServeArguments& arguments, const std::filesystem::path& database, const app::Config& config,
          std::ostream& out, std::ostream& err) {
    const auto address = parse_listen_address(arguments.listen);
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
        const StopOnSignal stop_on_signal(**server);
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
