#include "tests/support/ztest_server.hpp"

#include "tests/support/free_port.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <thread>

namespace kitap::testing {
namespace {

bool accepts_connections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

}  // namespace

ZtestServer::ZtestServer(const std::filesystem::path& log)
    : port_(free_port()),
      process_({KITAP_YAZ_ZTEST, "-l", log.string(), "tcp:127.0.0.1:" + std::to_string(port_)}, {}, log) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts_connections(port_) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

ZtestServer::~ZtestServer() {
    process_.signal(SIGTERM);
    process_.wait_for_exit(std::chrono::seconds(5));
}

std::string ZtestServer::address() const { return "127.0.0.1:" + std::to_string(port_) + "/Default"; }

}  // namespace kitap::testing
