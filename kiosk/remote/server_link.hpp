#pragma once

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace httplib {
class Client;
}

namespace kitap::remote {

// The school's server as a kiosk's configuration names it (`--server URL`, `[server] url`).
struct ServerAddress {
    bool tls = true;  // https://; http:// only for tests and a proxy on the same machine
    std::string host;
    int port = 8443;

    std::string url() const;  // "https://kitap-pc:8443"
};

// "https://kitap-pc:8443", "http://127.0.0.1:8080" (the port defaults to 8443 and 80): the
// address, or what is wrong with the text (another scheme, a path, a user, a bad port).
tl::expected<ServerAddress, std::string> parse_server_url(std::string_view url);

// A certificate's SHA-256 fingerprint as `kitap serve` prints it ("3A:F0:...", 32 bytes)
// from the way a person may type it: any case, with or without colons or spaces.
std::optional<std::string> canonical_fingerprint(std::string_view text);

// `text` as a URL query's value: every byte but letters, digits and -._~ as %XX
// (a Kazakh class name, a scanned code with spaces).
std::string query_value(std::string_view text);

enum class LinkProblemKind {
    unreachable,          // no answer: the server is off, the cable is out, or it took too long
    certificate_refused,  // the server showed a certificate with another fingerprint than the trusted one
    bad_answer,           // an answer that is not the JSON the API gives
};
std::string_view to_string(LinkProblemKind kind);

struct LinkProblem {
    LinkProblemKind kind = LinkProblemKind::unreachable;
    std::string detail;                           // what failed, for the log and the librarian
    std::optional<std::string> fingerprint_seen;  // certificate_refused: the certificate the server showed
};

// An answer of the server: its status and its JSON body (refusals included: a 403 for a
// wrong PIN is an answer for the caller to read, not a problem of the link).
struct LinkReply {
    int status = 0;
    nlohmann::json body;  // null for an answer without a body (204)
};

struct LinkTimeouts {
    // Short: a kiosk whose server does not answer goes offline and keeps taking scans.
    std::chrono::milliseconds connect{1500};
    std::chrono::milliseconds read{5000};
};

// One kiosk's connection to `kitap serve`'s station API. Every request carries the
// station's token (`Authorization: Bearer`); over HTTPS the server's certificate must
// have the fingerprint the librarian trusted, checked in the TLS handshake, before the
// token or anything else is sent. Kept alive between requests. One thread at a time.
class ServerLink {
public:
    // Over HTTPS `trusted_fingerprint` is required (canonical_fingerprint's form).
    ServerLink(ServerAddress address, std::string token, std::optional<std::string> trusted_fingerprint,
               LinkTimeouts timeouts = {});
    ~ServerLink();
    ServerLink(const ServerLink&) = delete;
    ServerLink& operator=(const ServerLink&) = delete;

    const ServerAddress& address() const { return address_; }
    // A header every request carries from now on (X-Kitap-Journal-Waiting), replacing its last value.
    void set_header(const std::string& name, const std::string& value);

    tl::expected<LinkReply, LinkProblem> get(const std::string& path);
    tl::expected<LinkReply, LinkProblem> post(const std::string& path, const nlohmann::json& body);

    struct Pin;  // the handshake's check: the fingerprint trusted and the one seen

private:
    template <typename Send>
    tl::expected<LinkReply, LinkProblem> exchange(const std::string& what, Send&& send);

    ServerAddress address_;
    std::string token_;
    std::unique_ptr<Pin> pin_;
    std::unique_ptr<httplib::Client> client_;
    std::map<std::string, std::string> headers_;
};

// The fingerprint of the certificate the server at `address` (https) shows, trusting
// nothing: for the first-run question, where the librarian compares it with the one
// `kitap serve` printed before the kiosk trusts it.
tl::expected<std::string, LinkProblem> peek_fingerprint(const ServerAddress& address, LinkTimeouts timeouts = {});

}  // namespace kitap::remote
