#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kitap::app {

// Where a server of Kitap's listens: `kitap serve --listen`, `kitap sip2 --listen`.
struct ListenAddress {
    std::string host;  // "0.0.0.0", "127.0.0.1", "::" (from "[::]:8443")
    int port = 0;
};
// "HOST:PORT" or "[IPv6]:PORT", port 1-65535; nullopt when it is neither.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace kitap::app
