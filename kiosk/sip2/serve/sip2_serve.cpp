#include "kiosk/sip2/serve/sip2_serve.hpp"

#include "kiosk/app/listen_address.hpp"
#include "kiosk/app/stop_on_signal.hpp"
#include "kiosk/sip2/session/sip2_session.hpp"
#include "kiosk/sip2/transport/sip2_server.hpp"

#include <chrono>
#include <ostream>

namespace kitap::sip2 {
namespace {

constexpr int exit_bad_input = 2;
constexpr int exit_fault = 3;

// A connection's session with the Library it alone uses (a Library is one thread's).
class LibraryConversation : public Conversation {
public:
    LibraryConversation(core::Library library, const SessionSettings& settings, const Peer& peer)
        : library_(std::move(library)), session_(library_, settings, peer, [] {
              return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
          }) {}

    std::string answer(std::string_view message) override { return session_.answer(message); }
    bool finished() const override { return session_.finished(); }

private:
    core::Library library_;
    Sip2Session session_;
};

}  // namespace

int serve_sip2(const Sip2Arguments& arguments, const std::filesystem::path& database, const app::Config& config,
               std::ostream& out, std::ostream& err) {
    const auto address = app::parse_listen_address(arguments.listen);
    if (!address) {
        err << "--listen: \"" << arguments.listen << "\" is not HOST:PORT (such as 127.0.0.1:6001)\n";
        return exit_bad_input;
    }
    // Opened once here so that a database that cannot be used stops the start, not a terminal's first message.
    if (auto opened = core::Library::open(database, {.rules = config.rules}); !opened) {
        err << "kitap sip2: " << core::to_string(opened.error().kind) << ": " << opened.error().detail << '\n';
        return exit_fault;
    }
    const SessionSettings settings{.institution = institution_id(config.school.id), .library_name = config.school.name};
    auto factory = [&](const Peer& peer) -> std::unique_ptr<Conversation> {
        auto library = core::Library::open(database, {.rules = config.rules});
        if (!library) {
            err << "kitap sip2: " << peer.address << ": " << core::to_string(library.error().kind) << ": "
                << library.error().detail << '\n';
            return nullptr;
        }
        return std::make_unique<LibraryConversation>(std::move(*library), settings, peer);
    };
    std::optional<TlsFiles> tls;
    if (arguments.tls_certificate && arguments.tls_key)
        tls = TlsFiles{.certificate = *arguments.tls_certificate, .key = *arguments.tls_key};
    auto server = Sip2Server::listen(*address, tls, factory);
    if (!server) {
        err << "kitap sip2: " << server.error() << '\n';
        return tls ? exit_bad_input : exit_fault;
    }
    if (!tls && address->host != "127.0.0.1" && address->host != "::1" && address->host != "localhost")
        err << "kitap sip2: WARNING: without --tls-cert, terminals' logins and pupils' cards cross the network IN "
               "CLEAR.\n";
    out << "kitap sip2: listening on " << arguments.listen << (tls ? " (TLS)" : "") << " as institution "
        << settings.institution << std::endl;
    const app::StopOnSignal stop_on_signal([&server] { (*server)->stop(); });
    (*server)->run();
    return 0;
}

}  // namespace kitap::sip2
