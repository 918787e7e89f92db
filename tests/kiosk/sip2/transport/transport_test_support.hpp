#pragma once

#include "kiosk/sip2/transport/sip2_server.hpp"

#include <openssl/ssl.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kitap::sip2::testing {

// The tests' session: "ECHO:<message>\r" to every message; "BYE" is answered and ends the session, "SILENT"
// gets no answer, "BIG" a megabyte, "THROW" throws. Every peer it was made for is noted.
struct EchoLog {
    std::mutex mutex;
    std::vector<std::string> peers;
};
ConversationFactory echo_conversations(const std::shared_ptr<EchoLog>& log = std::make_shared<EchoLog>());
constexpr std::size_t big_answer_bytes = std::size_t{1024} * 1024;

// A Sip2Server on 127.0.0.1 (a free port) running on a thread of its own until destroyed.
class RunningServer {
public:
    explicit RunningServer(TransportLimits limits = {}, std::optional<TlsFiles> tls = std::nullopt,
                           std::shared_ptr<EchoLog> log = std::make_shared<EchoLog>());
    ~RunningServer();
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return server_->port(); }
    // Stops the server: how long run() took to return.
    std::chrono::milliseconds stop();

private:
    std::unique_ptr<Sip2Server> server_;
    std::thread thread_;
};

// What a terminal read until the server closed the connection, or until it waited too long.
struct Received {
    std::string bytes;
    bool closed = false;  // false: still open when the wait ended
};

// A SIP2 terminal of the tests: a blocking TCP client (TLS with OpenSSL's client) whose every read waits at most
// `read_timeout`.
class TestTerminal {
public:
    static constexpr auto read_timeout = std::chrono::seconds(3);
    static TestTerminal plain(int port);
    // Trusts only `certificate` (self-signed, for localhost).
    static TestTerminal tls(int port, const std::filesystem::path& certificate);
    TestTerminal(TestTerminal&& other) noexcept;
    TestTerminal(const TestTerminal&) = delete;
    TestTerminal& operator=(const TestTerminal&) = delete;
    TestTerminal& operator=(TestTerminal&&) = delete;
    ~TestTerminal();

    // False when the server has closed the connection.
    bool send(std::string_view bytes);
    // One answer, through its "\r"; "" when the connection closed first.
    std::string read_answer();
    Received read_until_closed();
    void close();

private:
    TestTerminal(int fd, SSL_CTX* context, SSL* ssl) : fd_(fd), context_(context), ssl_(ssl) {}
    // Some bytes; "" with `closed` set at the connection's end, "" alone when the wait ran out.
    std::string read_some(bool& closed);

    int fd_;
    SSL_CTX* context_;
    SSL* ssl_;
    std::string unread_;  // read past the last answer
};

// A self-signed certificate for localhost and its key, made with the openssl command in `folder`.
TlsFiles make_test_certificate(const std::filesystem::path& folder);

}  // namespace kitap::sip2::testing
