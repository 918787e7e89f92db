#include "kiosk/sip2/transport/sip2_server.hpp"

#include "kiosk/sip2/transport/connection.hpp"
#include "kiosk/sip2/transport/message_framer.hpp"

#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <list>
#include <system_error>
#include <thread>

namespace kitap::sip2 {
namespace {

std::string address_text(const std::string& host, const std::string& port) {
    return (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" + port;
}

// "127.0.0.1:54321" or "[::1]:54321".
std::string peer_text(const sockaddr* address, socklen_t length) {
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> port{};
    if (::getnameinfo(address, length, host.data(), host.size(), port.data(), port.size(),
                      NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return "unknown";
    return address_text(host.data(), port.data());
}

// A socket bound to one of the host's addresses and listening, or why none could be.
tl::expected<int, std::string> listening_socket(const addrinfo& candidate) {
    const int fd =
        ::socket(candidate.ai_family, candidate.ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, candidate.ai_protocol);
    if (fd < 0) return tl::unexpected(std::string(std::strerror(errno)));
    const int yes = 1;
    // A restarted server binds again at once, while the last one's connections sit in TIME_WAIT.
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, candidate.ai_addr, candidate.ai_addrlen) != 0 || ::listen(fd, SOMAXCONN) != 0) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        return tl::unexpected(reason);
    }
    return fd;
}

tl::expected<int, std::string> listen_on(const app::ListenAddress& address) {
    const std::string port = std::to_string(address.port);
    const std::string where = "cannot listen on " + address_text(address.host, port) + ": ";
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const int error =
        ::getaddrinfo(address.host.empty() ? nullptr : address.host.c_str(), port.c_str(), &hints, &found);
    if (error != 0) return tl::unexpected(where + ::gai_strerror(error));
    const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> candidates(found, ::freeaddrinfo);
    std::string reason = "no address";
    for (const addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
        auto fd = listening_socket(*candidate);
        if (fd) return fd;
        reason = fd.error();
    }
    return tl::unexpected(where + reason);
}

int bound_port(int fd) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
}

// TLS writes go through OpenSSL's socket BIO, which has no MSG_NOSIGNAL: a terminal gone away would raise
// SIGPIPE and end the whole process. Blocked on the connection threads only, it stays pending there and the
// write fails with EPIPE; the rest of the program's signal handling is left as it is.
void block_sigpipe_on_this_thread() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

// Resources a failed accept() lacks (descriptors, memory) come back as connections end; the listening socket
// stays readable meanwhile, so accepting again at once would spin.
bool accept_may_succeed_later(int error) {
    return error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM;
}

// A connection's thread, and whether it has ended (then run() joins it).
struct Worker {
    std::thread thread;
    std::atomic<bool> ended{false};
};

void join_ended(std::list<Worker>& workers) {
    workers.remove_if([](Worker& worker) {
        if (!worker.ended) return false;
        worker.thread.join();
        return true;
    });
}

}  // namespace

tl::expected<std::unique_ptr<Sip2Server>, std::string> Sip2Server::listen(const app::ListenAddress& address,
                                                                          std::optional<TlsFiles> tls,
                                                                          ConversationFactory factory,
                                                                          TransportLimits limits) {
    std::shared_ptr<SSL_CTX> context;
    if (tls) {
        auto loaded = server_tls_context(tls->certificate, tls->key);
        if (!loaded) return tl::unexpected(loaded.error());
        context = std::move(*loaded);
    }
    const auto listen_fd = listen_on(address);
    if (!listen_fd) return tl::unexpected(listen_fd.error());
    const int stop_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stop_fd < 0) {
        ::close(*listen_fd);
        return tl::unexpected(std::string("cannot make the SIP2 server's stop signal: ") + std::strerror(errno));
    }
    return std::unique_ptr<Sip2Server>(
        new Sip2Server(*listen_fd, stop_fd, bound_port(*listen_fd), std::move(context), std::move(factory), limits));
}

Sip2Server::Sip2Server(int listen_fd, int stop_fd, int port, std::shared_ptr<ssl_ctx_st> tls,
                       ConversationFactory factory, TransportLimits limits)
    : listen_fd_(listen_fd),
      stop_fd_(stop_fd),
      port_(port),
      tls_(std::move(tls)),
      factory_(std::move(factory)),
      limits_(limits) {}

Sip2Server::~Sip2Server() {
    stop();
    std::unique_lock lock(running_mutex_);
    running_changed_.wait(lock, [this] { return !running_; });
    ::close(listen_fd_);
    ::close(stop_fd_);
}

void Sip2Server::stop() {
    const std::uint64_t one = 1;
    // Fails only when the counter is full, which leaves it readable all the same.
    [[maybe_unused]] const auto written = ::write(stop_fd_, &one, sizeof one);
}

void Sip2Server::run() {
    {
        const std::lock_guard lock(running_mutex_);
        running_ = true;
    }
    accept_loop();
    const std::lock_guard lock(running_mutex_);
    running_ = false;
    running_changed_.notify_all();
}

void Sip2Server::accept_loop() {
    std::list<Worker> workers;  // a list: each thread holds its own Worker's address
    while (wait_for(listen_fd_, POLLIN, stop_fd_, no_deadline) == Wait::ready) {
        join_ended(workers);
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        const int fd =
            ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            // Else the client went away before its turn (EAGAIN, ECONNABORTED): nothing to do.
            if (accept_may_succeed_later(errno)) pause_unless_stopped(std::chrono::milliseconds(100));
            continue;
        }
        if (workers.size() >= static_cast<std::size_t>(limits_.max_connections)) {
            ::close(fd);  // SIP2 has no "busy" answer: the terminal retries
            continue;
        }
        Worker& worker = workers.emplace_back();
        const Peer peer{peer_text(reinterpret_cast<const sockaddr*>(&address), length)};
        try {
            worker.thread = std::thread([this, fd, peer, &worker] {
                serve(fd, peer);
                worker.ended = true;
            });
        } catch (const std::system_error&) {  // no thread to be had now: as over the limit
            workers.pop_back();
            ::close(fd);
        }
    }
    // stop() closes every connection: each thread sees the same eventfd in its waits.
    for (auto& worker : workers) worker.thread.join();
}

void Sip2Server::pause_unless_stopped(std::chrono::milliseconds pause) {
    pollfd stop{.fd = stop_fd_, .events = POLLIN, .revents = 0};
    ::poll(&stop, 1, static_cast<int>(pause.count()));
}

void Sip2Server::serve(int fd, const Peer& peer) {
    block_sigpipe_on_this_thread();
    const auto handshake_deadline = std::chrono::steady_clock::now() + limits_.handshake_timeout;
    const auto connection = Connection::open(fd, tls_.get(), stop_fd_, handshake_deadline);
    if (!connection) return;
    try {
        converse(*connection, peer);
    } catch (const std::exception& error) {
        // The session's failure (its database gone, say) ends this terminal's connection, not the server.
        std::cerr << "kitap sip2: " << peer.address << ": " << error.what() << '\n';
    }
}

void Sip2Server::converse(Connection& connection, const Peer& peer) {
    const auto conversation = factory_(peer);
    if (!conversation) return;  // the session refuses this peer (too many failed logins from it, say)
    const auto from_now = [this] { return std::chrono::steady_clock::now() + limits_.idle_timeout; };
    MessageFramer framer(limits_.max_message_bytes);
    // Only whole messages count as activity: a terminal trickling bytes of one message is still idle.
    auto idle_deadline = from_now();
    while (auto bytes = connection.read_some(idle_deadline)) {
        framer.feed(*bytes);
        while (auto message = framer.next()) {
            const std::string answer = conversation->answer(*message);
            if (!answer.empty() && !connection.write_all(answer, from_now())) return;
            if (conversation->finished()) return;
            idle_deadline = from_now();
        }
        if (framer.overflowed()) return;
    }
}

}  // namespace kitap::sip2
