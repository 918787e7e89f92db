#include "kiosk/sip2/transport/connection.hpp"

#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace kitap::sip2 {
namespace {

// poll()'s timeout for a deadline: rounded up, so a wait never ends just before its deadline and spins.
int poll_timeout(Deadline deadline) {
    if (deadline == no_deadline) return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, 60'000));
}

bool would_block(int error) { return error == EAGAIN || error == EWOULDBLOCK; }

// OpenSSL's words for the last failure.
std::string openssl_reason() {
    std::array<char, 256> reason{};
    ERR_error_string_n(ERR_get_error(), reason.data(), reason.size());
    ERR_clear_error();
    return reason.data();
}

}  // namespace

Wait wait_for(int fd, short events, int stop_fd, Deadline deadline) {
    while (true) {
        std::array<pollfd, 2> fds{
            {{.fd = fd, .events = events, .revents = 0}, {.fd = stop_fd, .events = POLLIN, .revents = 0}}};
        const int ready = ::poll(fds.data(), fds.size(), poll_timeout(deadline));
        if (ready < 0 && errno != EINTR) return Wait::stopped;  // cannot wait: treat as the end
        if (fds[1].revents != 0) return Wait::stopped;
        if (ready > 0 && fds[0].revents != 0) return Wait::ready;
        if (deadline != no_deadline && std::chrono::steady_clock::now() >= deadline) return Wait::timed_out;
    }
}

tl::expected<std::shared_ptr<SSL_CTX>, std::string> server_tls_context(const std::filesystem::path& certificate,
                                                                       const std::filesystem::path& key) {
    ERR_clear_error();
    std::shared_ptr<SSL_CTX> context(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!context) return tl::unexpected("cannot set up TLS: " + openssl_reason());
    SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
    // A terminal reconnects rather than renegotiating; renegotiation only gives a peer more ways to cost CPU.
    SSL_CTX_set_options(context.get(), SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_use_certificate_chain_file(context.get(), certificate.c_str()) != 1)
        return tl::unexpected("cannot use the TLS certificate " + certificate.string() + ": " + openssl_reason());
    if (SSL_CTX_use_PrivateKey_file(context.get(), key.c_str(), SSL_FILETYPE_PEM) != 1)
        return tl::unexpected("cannot use the TLS key " + key.string() + ": " + openssl_reason());
    if (SSL_CTX_check_private_key(context.get()) != 1)
        return tl::unexpected("the TLS key " + key.string() + " is not the key of the certificate " +
                              certificate.string() + ": " + openssl_reason());
    return context;
}

Connection::Connection(int fd, SSL* ssl, int stop_fd) : fd_(fd), ssl_(ssl), stop_fd_(stop_fd) {}

std::unique_ptr<Connection> Connection::open(int fd, SSL_CTX* tls, int stop_fd, Deadline handshake_deadline) {
    if (tls == nullptr) return std::unique_ptr<Connection>(new Connection(fd, nullptr, stop_fd));
    SSL* ssl = SSL_new(tls);
    if (ssl == nullptr || SSL_set_fd(ssl, fd) != 1) {
        SSL_free(ssl);
        ::close(fd);
        return nullptr;
    }
    // An answer is written in as many pieces as the socket takes, as with plain TCP.
    SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE);
    std::unique_ptr<Connection> connection(new Connection(fd, ssl, stop_fd));
    if (!connection->handshake(handshake_deadline)) return nullptr;
    return connection;
}

Connection::~Connection() {
    if (ssl_ != nullptr) {
        // Goodbye without waiting for the peer's (a non-blocking socket: at most what the buffer takes).
        if (tls_healthy_ && SSL_is_init_finished(ssl_) == 1) SSL_shutdown(ssl_);
        SSL_free(ssl_);
        ERR_clear_error();
    }
    ::close(fd_);
}

bool Connection::handshake(Deadline deadline) {
    return tls_call([&] { return SSL_accept(ssl_); }, deadline) > 0;
}

template <typename Call>
int Connection::tls_call(Call call, Deadline deadline) {
    while (true) {
        ERR_clear_error();
        const int result = call();
        if (result > 0) return result;
        const int error = SSL_get_error(ssl_, result);
        const short events = error == SSL_ERROR_WANT_READ ? POLLIN : error == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
        if (events == 0) {
            // A closed session (SSL_ERROR_ZERO_RETURN) may still say goodbye; a broken one may not.
            tls_healthy_ = error == SSL_ERROR_ZERO_RETURN;
            ERR_clear_error();
            return 0;
        }
        if (wait_for(fd_, events, stop_fd_, deadline) != Wait::ready) return 0;
    }
}

std::size_t Connection::plain_read(char* buffer, std::size_t size, Deadline deadline) {
    while (true) {
        const auto received = ::recv(fd_, buffer, size, 0);
        if (received >= 0) return static_cast<std::size_t>(received);  // 0: the peer closed
        if (errno == EINTR) continue;
        if (!would_block(errno) || wait_for(fd_, POLLIN, stop_fd_, deadline) != Wait::ready) return 0;
    }
}

std::size_t Connection::plain_write(std::string_view bytes, Deadline deadline) {
    while (true) {
        // MSG_NOSIGNAL: a peer gone away is EPIPE here, never SIGPIPE for the whole process.
        const auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent > 0) return static_cast<std::size_t>(sent);
        if (sent < 0 && errno == EINTR) continue;
        if (sent == 0 || !would_block(errno) || wait_for(fd_, POLLOUT, stop_fd_, deadline) != Wait::ready) return 0;
    }
}

std::optional<std::string> Connection::read_some(Deadline deadline) {
    std::array<char, 4096> buffer{};
    const std::size_t received = ssl_ == nullptr
                                     ? plain_read(buffer.data(), buffer.size(), deadline)
                                     : static_cast<std::size_t>(tls_call(
                                           [&] { return SSL_read(ssl_, buffer.data(), buffer.size()); }, deadline));
    if (received == 0) return std::nullopt;
    return std::string(buffer.data(), received);
}

bool Connection::write_all(std::string_view bytes, Deadline deadline) {
    while (!bytes.empty()) {
        const std::size_t sent =
            ssl_ == nullptr
                ? plain_write(bytes, deadline)
                : static_cast<std::size_t>(tls_call(
                      [&] { return SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())); }, deadline));
        if (sent == 0) return false;
        bytes.remove_prefix(sent);
    }
    return true;
}

}  // namespace kitap::sip2
