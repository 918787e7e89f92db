#include "tests/kiosk/sip2/transport/transport_test_support.hpp"

#include "tests/support/shell.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace kitap::sip2::testing {
namespace {

class EchoConversation : public Conversation {
public:
    std::string answer(std::string_view message) override {
        if (message == "SILENT") return "";
        if (message == "BIG") return std::string(big_answer_bytes - 1, 'x') + "\r";
        if (message == "THROW") throw std::runtime_error("the session's database is gone");
        finished_ = message == "BYE";
        return "ECHO:" + std::string(message) + "\r";
    }
    bool finished() const override { return finished_; }

private:
    bool finished_ = false;
};

int connected_socket(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{.tv_sec = TestTerminal::read_timeout.count(), .tv_usec = 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        throw std::system_error(error, std::generic_category(), "connect to 127.0.0.1:" + std::to_string(port));
    }
    return fd;
}

}  // namespace

ConversationFactory echo_conversations(const std::shared_ptr<EchoLog>& log) {
    return [log](const Peer& peer) {
        const std::lock_guard lock(log->mutex);
        log->peers.push_back(peer.address);
        return std::make_unique<EchoConversation>();
    };
}

RunningServer::RunningServer(TransportLimits limits, std::optional<TlsFiles> tls, std::shared_ptr<EchoLog> log) {
    auto server = Sip2Server::listen({.host = "127.0.0.1", .port = 0}, std::move(tls), echo_conversations(log), limits);
    if (!server) throw std::runtime_error(server.error());
    server_ = std::move(*server);
    thread_ = std::thread([this] { server_->run(); });
}

RunningServer::~RunningServer() { stop(); }

std::chrono::milliseconds RunningServer::stop() {
    const auto start = std::chrono::steady_clock::now();
    server_->stop();
    if (thread_.joinable()) thread_.join();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

TestTerminal TestTerminal::plain(int port) { return TestTerminal(connected_socket(port), nullptr, nullptr); }

TestTerminal TestTerminal::tls(int port, const std::filesystem::path& certificate) {
    SSL_CTX* context = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    if (SSL_CTX_load_verify_locations(context, certificate.c_str(), nullptr) != 1) {
        SSL_CTX_free(context);
        throw std::runtime_error("cannot trust " + certificate.string());
    }
    TestTerminal terminal(connected_socket(port), context, SSL_new(context));
    SSL_set_fd(terminal.ssl_, terminal.fd_);
    SSL_set1_host(terminal.ssl_, "localhost");
    if (SSL_connect(terminal.ssl_) != 1) {
        std::array<char, 256> reason{};
        ERR_error_string_n(ERR_get_error(), reason.data(), reason.size());
        throw std::runtime_error(std::string("TLS handshake: ") + reason.data());
    }
    return terminal;
}

TestTerminal::TestTerminal(TestTerminal&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      context_(std::exchange(other.context_, nullptr)),
      ssl_(std::exchange(other.ssl_, nullptr)),
      unread_(std::move(other.unread_)) {}

TestTerminal::~TestTerminal() { close(); }

void TestTerminal::close() {
    SSL_free(ssl_);
    SSL_CTX_free(context_);
    if (fd_ >= 0) ::close(fd_);
    ssl_ = nullptr;
    context_ = nullptr;
    fd_ = -1;
}

bool TestTerminal::send(std::string_view bytes) {
    while (!bytes.empty()) {
        // MSG_NOSIGNAL: a server that closed must fail the test's expectations, not kill it with SIGPIPE.
        const auto sent = ssl_ != nullptr ? SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size()))
                                          : ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

std::string TestTerminal::read_some(bool& closed) {
    std::array<char, 65536> buffer{};
    errno = 0;
    const auto received =
        ssl_ != nullptr ? SSL_read(ssl_, buffer.data(), buffer.size()) : ::recv(fd_, buffer.data(), buffer.size(), 0);
    if (received > 0) return std::string(buffer.data(), static_cast<std::size_t>(received));
    closed = !(errno == EAGAIN || errno == EWOULDBLOCK);  // else the wait ran out
    ERR_clear_error();
    return "";
}

std::string TestTerminal::read_answer() {
    bool closed = false;
    while (unread_.find('\r') == std::string::npos) {
        const auto bytes = read_some(closed);
        if (bytes.empty()) return "";
        unread_ += bytes;
    }
    const auto end = unread_.find('\r') + 1;
    std::string answer = unread_.substr(0, end);
    unread_.erase(0, end);
    return answer;
}

Received TestTerminal::read_until_closed() {
    Received received{.bytes = std::exchange(unread_, ""), .closed = false};
    while (true) {
        const auto bytes = read_some(received.closed);
        if (bytes.empty()) return received;
        received.bytes += bytes;
    }
}

TlsFiles make_test_certificate(const std::filesystem::path& folder) {
    TlsFiles files{.certificate = folder / "sip2.crt", .key = folder / "sip2.key"};
    const int exit_code = kitap::testing::run(
        std::string(KITAP_OPENSSL) +
        " req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost" +
        " -addext subjectAltName=DNS:localhost -days 1 -keyout " + kitap::testing::quoted(files.key.string()) +
        " -out " + kitap::testing::quoted(files.certificate.string()) + " 2>/dev/null");
    if (exit_code != 0) throw std::runtime_error("openssl req failed: " + std::to_string(exit_code));
    return files;
}

}  // namespace kitap::sip2::testing
