#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace kitap::sip2 {

using Deadline = std::chrono::steady_clock::time_point;
constexpr Deadline no_deadline = Deadline::max();

// What a wait on a socket ended with.
enum class Wait { ready, timed_out, stopped };

// Waits until `fd` is ready for `events` (POLLIN, POLLOUT), the deadline passes or `stop_fd` (an eventfd that
// stays readable once written) says the server stops. An error or hang-up on `fd` counts as ready: the read or
// write that follows finds it.
Wait wait_for(int fd, short events, int stop_fd, Deadline deadline);

// The server's side of TLS: its certificate chain and key (PEM), TLS 1.2 at least. The error names the file
// that cannot be used and OpenSSL's reason.
tl::expected<std::shared_ptr<SSL_CTX>, std::string> server_tls_context(const std::filesystem::path& certificate,
                                                                       const std::filesystem::path& key);

// One accepted socket, plain or under TLS: reads what has arrived and writes whole answers. Every wait ends at
// its deadline or when the server stops, so no connection can hold its thread past either.
class Connection {
public:
    // Takes `fd` (non-blocking; closed with the Connection, or here when nullptr is returned). With `tls`, the
    // handshake must end by `handshake_deadline`; nullptr when it fails (a client that does not speak TLS) or
    // does not end in time.
    static std::unique_ptr<Connection> open(int fd, SSL_CTX* tls, int stop_fd, Deadline handshake_deadline);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Bytes that arrived by `deadline`; nullopt when the connection is over: the peer closed it, it failed, the
    // deadline passed or the server stops.
    std::optional<std::string> read_some(Deadline deadline);
    // All of `bytes` written by `deadline`; false as read_some's nullopt.
    bool write_all(std::string_view bytes, Deadline deadline);

private:
    Connection(int fd, SSL* ssl, int stop_fd);
    bool handshake(Deadline deadline);
    // One plain or TLS read or write, repeated while it only asks to wait: its byte count, or 0 when the
    // connection is over.
    std::size_t plain_read(char* buffer, std::size_t size, Deadline deadline);
    std::size_t plain_write(std::string_view bytes, Deadline deadline);
    template <typename Call>
    int tls_call(Call call, Deadline deadline);

    int fd_;
    SSL* ssl_;  // nullptr for plain TCP
    int stop_fd_;
    // The TLS session can still say goodbye (close_notify): false after a fatal TLS or socket error, when
    // OpenSSL forbids SSL_shutdown.
    bool tls_healthy_ = true;
};

}  // namespace kitap::sip2
