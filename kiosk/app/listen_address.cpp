#include "kiosk/app/listen_address.hpp"

#include <charconv>

namespace kitap::app {

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    auto host = text.substr(0, colon);
    const bool bracketed = host.starts_with('[');
    if (bracketed) {
        if (!host.ends_with(']') || host.size() < 3) return std::nullopt;
        host = host.substr(1, host.size() - 2);
    }
    // A host name or an IPv4 address; with brackets, an IPv6 one (colons only there).
    const std::string_view allowed =
        bracketed ? "0123456789abcdefABCDEF:." : "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-";
    if (host.find_first_not_of(allowed) != std::string_view::npos) return std::nullopt;
    const auto port_text = text.substr(colon + 1);
    int port = 0;
    const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc{} || end != port_text.data() + port_text.size() || port < 1 || port > 65535)
        return std::nullopt;
    return ListenAddress{.host = std::string(host), .port = port};
}

}  // namespace kitap::app
