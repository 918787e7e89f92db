#include "kiosk/remote/server_link.hpp"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <array>
#include <cctype>
#include <charconv>

namespace kitap::remote {

struct ServerLink::Pin {
    std::optional<std::string> trusted;  // nullopt: any certificate (peek_fingerprint)
    std::optional<std::string> seen;
};

namespace {

constexpr std::size_t sha256_bytes = 32;

std::string colon_hex(const unsigned char* bytes, std::size_t size) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string text;
    for (std::size_t i = 0; i < size; ++i) {
        if (i > 0) text += ':';
        text += hex[bytes[i] >> 4];
        text += hex[bytes[i] & 0x0f];
    }
    return text;
}

// OpenSSL's check of the server's certificate. Only the certificate the server itself
// presents (depth 0) decides: a school's server signs its own, so there is no chain to
// a CA, and its SHA-256 must be the one trusted.
int check_pinned_certificate(int, X509_STORE_CTX* store) {
    if (X509_STORE_CTX_get_error_depth(store) != 0) return 1;
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* pin = static_cast<ServerLink::Pin*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (!X509_digest(X509_STORE_CTX_get_current_cert(store), EVP_sha256(), digest.data(), &size)) return 0;
    pin->seen = colon_hex(digest.data(), size);
    return !pin->trusted || pin->seen == pin->trusted ? 1 : 0;
}

std::unique_ptr<httplib::Client> make_client(const ServerAddress& address, ServerLink::Pin& pin,
                                             const LinkTimeouts& timeouts) {
    auto client = std::make_unique<httplib::Client>(address.url());
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    client->set_connection_timeout(timeouts.connect);
    client->set_read_timeout(timeouts.read);
    client->set_write_timeout(timeouts.read);
    if (address.tls) {
        // httplib's own check wants a CA and the host's name; the pin replaces both.
        client->enable_server_certificate_verification(false);
        SSL_CTX_set_app_data(client->ssl_context(), &pin);
        SSL_CTX_set_verify(client->ssl_context(), SSL_VERIFY_PEER, check_pinned_certificate);
    }
    return client;
}

// What a failed request's error says, and whether the pin refused the certificate.
LinkProblem problem_of(const httplib::Error error, const ServerLink::Pin& pin, const std::string& what) {
    if (pin.seen && pin.trusted && pin.seen != pin.trusted)
        return {.kind = LinkProblemKind::certificate_refused,
                .detail = what + ": the server's certificate has fingerprint " + *pin.seen + ", not the trusted " +
                          *pin.trusted,
                .fingerprint_seen = pin.seen};
    return {.kind = LinkProblemKind::unreachable, .detail = what + ": " + httplib::to_string(error)};
}

tl::expected<LinkReply, LinkProblem> reply_of(const httplib::Response& response, const std::string& what) {
    LinkReply reply{.status = response.status};
    if (response.body.empty()) return reply;
    reply.body = nlohmann::json::parse(response.body, nullptr, false);
    if (reply.body.is_discarded())
        return tl::unexpected(LinkProblem{
            .kind = LinkProblemKind::bad_answer,
            .detail = what + ": HTTP " + std::to_string(response.status) + " with a body that is not JSON"});
    return reply;
}

tl::unexpected<std::string> wrong_url(const char* what) { return tl::unexpected(std::string(what)); }

}  // namespace

std::string ServerAddress::url() const {
    const bool brackets = host.find(':') != std::string::npos;  // an IPv6 address
    return std::string(tls ? "https://" : "http://") + (brackets ? "[" + host + "]" : host) + ":" +
           std::to_string(port);
}

tl::expected<ServerAddress, std::string> parse_server_url(std::string_view url) {
    ServerAddress address;
    if (url.starts_with("https://")) {
        url.remove_prefix(8);
    } else if (url.starts_with("http://")) {
        url.remove_prefix(7);
        address.tls = false;
        address.port = 80;
    } else {
        return wrong_url("the server's URL must start with https:// (or http:// for tests)");
    }
    if (url.ends_with('/')) url.remove_suffix(1);
    if (url.find_first_of("/?#@") != std::string_view::npos)
        return wrong_url("the server's URL is only https://HOST[:PORT], without a path or a user name");
    std::string_view port;
    if (url.starts_with('[')) {
        const auto end = url.find(']');
        if (end == std::string_view::npos) return wrong_url("the server's URL has a '[' without its ']'");
        address.host = url.substr(1, end - 1);
        const auto rest = url.substr(end + 1);
        if (!rest.empty() && !rest.starts_with(':')) return wrong_url("the server's URL has text after ']'");
        if (!rest.empty()) port = rest.substr(1);
    } else {
        const auto colon = url.rfind(':');
        address.host = url.substr(0, colon);
        if (colon != std::string_view::npos) port = url.substr(colon + 1);
    }
    for (const unsigned char c : address.host)
        if (!(std::isalnum(c) || c == '.' || c == '-' || c == ':'))
            return wrong_url("the server's host name has a character no host name has");
    if (address.host.empty()) return wrong_url("the server's URL names no host");
    if (!port.empty()) {
        int number = 0;
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
        if (error != std::errc{} || end != port.data() + port.size() || number < 1 || number > 65535)
            return wrong_url("the server's port must be a number from 1 to 65535");
        address.port = number;
    }
    return address;
}

std::optional<std::string> canonical_fingerprint(std::string_view text) {
    std::array<unsigned char, sha256_bytes> bytes{};
    std::size_t digits = 0;
    for (const unsigned char c : text) {
        if (c == ':' || c == ' ') continue;
        if (!std::isxdigit(c) || digits == 2 * sha256_bytes) return std::nullopt;
        const int value = std::isdigit(c) ? c - '0' : std::toupper(c) - 'A' + 10;
        bytes[digits / 2] = static_cast<unsigned char>(bytes[digits / 2] << 4 | value);
        ++digits;
    }
    if (digits != 2 * sha256_bytes) return std::nullopt;
    return colon_hex(bytes.data(), bytes.size());
}

std::string query_value(std::string_view text) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string encoded;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 0x0f];
        }
    }
    return encoded;
}

std::string_view to_string(LinkProblemKind kind) {
    switch (kind) {
        case LinkProblemKind::unreachable:
            return "unreachable";
        case LinkProblemKind::certificate_refused:
            return "certificate_refused";
        case LinkProblemKind::bad_answer:
            return "bad_answer";
    }
    return "unreachable";
}

ServerLink::ServerLink(ServerAddress address, std::string token, std::optional<std::string> trusted_fingerprint,
                       LinkTimeouts timeouts)
    : address_(std::move(address)),
      token_(std::move(token)),
      pin_(std::make_unique<Pin>(Pin{.trusted = std::move(trusted_fingerprint)})) {
    if (address_.tls && !pin_->trusted)
        throw std::invalid_argument("a kiosk trusts an https server only by its certificate's fingerprint");
    client_ = make_client(address_, *pin_, timeouts);
    client_->set_bearer_token_auth(token_);
}

ServerLink::~ServerLink() = default;

void ServerLink::set_header(const std::string& name, const std::string& value) {
    headers_[name] = value;
    client_->set_default_headers(httplib::Headers(headers_.begin(), headers_.end()));
}

template <typename Send>
tl::expected<LinkReply, LinkProblem> ServerLink::exchange(const std::string& what, Send&& send) {
    pin_->seen.reset();
    const auto result = send();
    if (!result) return tl::unexpected(problem_of(result.error(), *pin_, what));
    return reply_of(*result, what);
}

tl::expected<LinkReply, LinkProblem> ServerLink::get(const std::string& path) {
    return exchange("GET " + path, [&] { return client_->Get(path); });
}

tl::expected<LinkReply, LinkProblem> ServerLink::post(const std::string& path, const nlohmann::json& body) {
    return exchange("POST " + path, [&] { return client_->Post(path, body.dump(), "application/json"); });
}

tl::expected<std::string, LinkProblem> peek_fingerprint(const ServerAddress& address, LinkTimeouts timeouts) {
    if (!address.tls)
        return tl::unexpected(LinkProblem{.kind = LinkProblemKind::bad_answer,
                                          .detail = address.url() + " has no certificate: it is not https"});
    ServerLink::Pin pin;
    auto client = make_client(address, pin, timeouts);
    const auto result = client->Get("/healthz");
    if (pin.seen) return *pin.seen;
    return tl::unexpected(problem_of(result ? httplib::Error::Success : result.error(), pin, "GET /healthz"));
}

}  // namespace kitap::remote
