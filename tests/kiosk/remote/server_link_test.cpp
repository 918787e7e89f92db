// kitap::remote::ServerLink: a kiosk talks to a real `kitap serve` (WebServer on
// 127.0.0.1) only when the server shows the certificate it trusts.
#include "kiosk/remote/server_link.hpp"
#include "kiosk/web/tls_certificate.hpp"
#include "tests/kiosk/web/web_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace kitap::testing {
namespace {

using remote::LinkProblemKind;

remote::ServerAddress local_address(int port, bool tls) { return {.tls = tls, .host = "127.0.0.1", .port = port}; }

// A server with a self-signed certificate of its own, as `kitap serve` makes on its first start.
class ServerLinkTls : public ::testing::Test {
protected:
    ServerLinkTls() : files_(make_files(dir_)), web_(files_) {}

    static web::TlsFiles make_files(const TempDir& dir) {
        web::TlsFiles files{.certificate = dir / "web.crt", .key = dir / "web.key"};
        web::make_self_signed_certificate(files, "kitap-pc");
        return files;
    }

    std::string fingerprint() const { return web::sha256_fingerprint(files_.certificate); }

    TempDir dir_;
    web::TlsFiles files_;
    WebFixture web_;
};

TEST(ServerUrl, HttpsWithHostAndPortOrHttpForTests) {
    const auto https = remote::parse_server_url("https://kitap-pc:8443");
    ASSERT_TRUE(https) << https.error();
    EXPECT_TRUE(https->tls);
    EXPECT_EQ(https->host, "kitap-pc");
    EXPECT_EQ(https->port, 8443);
    EXPECT_EQ(remote::parse_server_url("https://kitap-pc/")->port, 8443);
    EXPECT_EQ(remote::parse_server_url("http://127.0.0.1")->port, 80);
    EXPECT_FALSE(remote::parse_server_url("http://127.0.0.1")->tls);
    const auto ipv6 = remote::parse_server_url("https://[fd00::5]:9443");
    ASSERT_TRUE(ipv6) << ipv6.error();
    EXPECT_EQ(ipv6->host, "fd00::5");
    EXPECT_EQ(ipv6->url(), "https://[fd00::5]:9443");
}

TEST(ServerUrl, AnythingElseIsRefusedWithWhatIsWrong) {
    EXPECT_NE(remote::parse_server_url("ftp://kitap-pc").error().find("https://"), std::string::npos);
    EXPECT_NE(remote::parse_server_url("https://kitap-pc:8443/api").error().find("path"), std::string::npos);
    EXPECT_NE(remote::parse_server_url("https://admin@kitap-pc").error().find("user"), std::string::npos);
    EXPECT_NE(remote::parse_server_url("https://kitap-pc:99999").error().find("port"), std::string::npos);
    EXPECT_NE(remote::parse_server_url("https://kitap-pc:84x3").error().find("port"), std::string::npos);
    EXPECT_NE(remote::parse_server_url("https://").error().find("host"), std::string::npos);
    EXPECT_NE(remote::parse_server_url("https://kitap pc").error().find("host"), std::string::npos);
    EXPECT_FALSE(remote::parse_server_url("https://[fd00::5"));
}

TEST(QueryValue, AnythingButUnreservedBytesIsPercentEncoded) {
    EXPECT_EQ(remote::query_value("5A-b_c.d~"), "5A-b_c.d~");
    EXPECT_EQ(remote::query_value("5Ә"), "5%D3%98");
    EXPECT_EQ(remote::query_value("a b&c=d"), "a%20b%26c%3Dd");
}

TEST(Fingerprint, TypedAnyWayItIsTheFormKitapServePrints) {
    const std::string printed =
        "3A:F0:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:20:30:40:50:60";
    std::string typed;
    for (const char c : printed)
        if (c != ':') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(remote::canonical_fingerprint(printed), printed);
    EXPECT_EQ(remote::canonical_fingerprint(typed), printed);
    EXPECT_FALSE(remote::canonical_fingerprint(printed.substr(3)));  // a byte short
    EXPECT_FALSE(remote::canonical_fingerprint(printed + ":00"));    // a byte over
    EXPECT_FALSE(remote::canonical_fingerprint("zz" + printed.substr(2)));
}

TEST_F(ServerLinkTls, TheTrustedCertificatesServerIsTalkedTo) {
    remote::ServerLink link(local_address(web_.port(), true), "token", fingerprint());
    const auto health = link.get("/healthz");
    ASSERT_TRUE(health) << health.error().detail;
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(health->body["status"], "ok");
    // A refusal is an answer, not a problem of the link: the caller reads it.
    const auto hello = link.get("/api/station/hello");
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_EQ(hello->status, 401);
    EXPECT_EQ(hello->body["error"], "bad_token");
}

TEST_F(ServerLinkTls, AServerWithAnotherCertificateIsRefusedAndItsFingerprintSaid) {
    TempDir other_dir;
    const auto other = make_files(other_dir);
    remote::ServerLink link(local_address(web_.port(), true), "token", web::sha256_fingerprint(other.certificate));
    const auto refused = link.get("/healthz");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, LinkProblemKind::certificate_refused);
    EXPECT_EQ(refused.error().fingerprint_seen, fingerprint());
    EXPECT_NE(refused.error().detail.find(fingerprint()), std::string::npos);
}

TEST_F(ServerLinkTls, TheFirstRunQuestionShowsTheServersFingerprint) {
    EXPECT_EQ(remote::peek_fingerprint(local_address(web_.port(), true)), fingerprint());
}

TEST(ServerLink, HttpsWithoutATrustedFingerprintIsNotOpened) {
    EXPECT_THROW(remote::ServerLink(local_address(8443, true), "token", std::nullopt), std::invalid_argument);
}

TEST(ServerLink, PlainHttpForTests) {
    WebFixture web;
    remote::ServerLink link(local_address(web.port(), false), "token", std::nullopt);
    const auto health = link.get("/healthz");
    ASSERT_TRUE(health) << health.error().detail;
    EXPECT_EQ(health->status, 200);
}

// A port bound and not listened on: what a kiosk meets when the server PC is on and
// kitap serve is not.
class ClosedPort {
public:
    ClosedPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("no port on 127.0.0.1");
        port_ = ntohs(address.sin_port);
    }
    ~ClosedPort() { ::close(fd_); }
    ClosedPort(const ClosedPort&) = delete;
    ClosedPort& operator=(const ClosedPort&) = delete;
    int port() const { return port_; }

private:
    int fd_;
    int port_ = 0;
};

TEST(ServerLink, AServerThatIsNotThereIsUnreachableWithinItsTimeout) {
    const ClosedPort closed;
    remote::ServerLink link(local_address(closed.port(), false), "token", std::nullopt,
                            {.connect = std::chrono::milliseconds(500), .read = std::chrono::milliseconds(500)});
    const auto start = std::chrono::steady_clock::now();
    const auto answer = link.post("/api/station/scan", {{"text", "20000014"}});
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, LinkProblemKind::unreachable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace kitap::testing
