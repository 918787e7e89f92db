#pragma once

#include "kiosk/app/listen_address.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

struct ssl_ctx_st;  // OpenSSL's SSL_CTX, kept out of the users of this header

namespace kitap::sip2 {

class Connection;

// One connection's conversation: the session behind it. Created, used and destroyed on the connection's thread.
class Conversation {
public:
    virtual ~Conversation() = default;
    // The answer's bytes to one message (ending in "\r"), or "" to send nothing.
    virtual std::string answer(std::string_view message) = 0;
    // The session ended (the terminal logged out, or was refused too often): close after the answer.
    virtual bool finished() const { return false; }
};

struct Peer {
    std::string address;  // "127.0.0.1:54321", "[::1]:54321": for the audit log and throttling
};
// Called on the connection's thread; nullptr refuses the peer (the connection is closed at once).
using ConversationFactory = std::function<std::unique_ptr<Conversation>(const Peer&)>;

struct TransportLimits {
    std::size_t max_message_bytes = 8192;
    int max_connections = 16;  // more are accepted and closed at once
    // No whole message for this long: closed. Also how long one answer may take to be written to a terminal
    // that does not read.
    std::chrono::seconds idle_timeout{std::chrono::minutes(10)};
    std::chrono::seconds handshake_timeout{std::chrono::seconds(10)};
};

struct TlsFiles {
    std::filesystem::path certificate;  // PEM, the chain from the server's own certificate up
    std::filesystem::path key;          // PEM
};

// `kitap sip2`'s listener: SIP2 terminals' connections, plain TCP or TLS, one thread each, every message
// framed and handed to the connection's Conversation, every answer written back whole.
class Sip2Server {
public:
    // Binds and listens (SO_REUSEADDR; IPv4 and IPv6 host literals and names through getaddrinfo); port 0 picks
    // a free one. With `tls`, the certificate and key are loaded here, so a bad file is this error, naming it.
    static tl::expected<std::unique_ptr<Sip2Server>, std::string> listen(const app::ListenAddress& address,
                                                                         std::optional<TlsFiles> tls,
                                                                         ConversationFactory factory,
                                                                         TransportLimits limits = {});
    ~Sip2Server();  // stops, and waits for a run() on another thread to return
    Sip2Server(const Sip2Server&) = delete;
    Sip2Server& operator=(const Sip2Server&) = delete;

    int port() const { return port_; }  // the bound port
    // Accepts until stop(); one thread per connection. Returns after every connection's thread has ended.
    void run();
    // Ends run() soon, closing live connections; also before run() is called (it then returns at once). Only
    // writes to an eventfd, so a signal handler may call it too.
    void stop();

private:
    Sip2Server(int listen_fd, int stop_fd, int port, std::shared_ptr<ssl_ctx_st> tls, ConversationFactory factory,
               TransportLimits limits);
    void accept_loop();
    // One connection, on its own thread: the TLS handshake, then messages and answers until either side ends it.
    void serve(int fd, const Peer& peer);
    void converse(Connection& connection, const Peer& peer);
    void pause_unless_stopped(std::chrono::milliseconds pause);

    int listen_fd_;
    int stop_fd_;  // an eventfd, readable for good once stop() writes to it
    int port_;
    std::shared_ptr<ssl_ctx_st> tls_;  // nullptr for plain TCP
    ConversationFactory factory_;
    TransportLimits limits_;
    // Whether run() is under way, so the destructor can wait for it.
    std::mutex running_mutex_;
    std::condition_variable running_changed_;
    bool running_ = false;
};

}  // namespace kitap::sip2
