// The server's infrastructure: health, pages, translations, limits, malformed requests.
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <future>

namespace kitap::testing {
namespace {

TEST(WebServer, HealthAnswersWithoutLoginAndWithTheSecurityHeaders) {
    WebFixture web;
    const auto result = web.client().Get("/healthz");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(body_of(result), nlohmann::json({{"status", "ok"}}));
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(result->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_EQ(result->get_header_value("Referrer-Policy"), "no-referrer");
    const auto csp = result->get_header_value("Content-Security-Policy");
    EXPECT_TRUE(csp.starts_with("default-src 'self'")) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
}

// A server stopped as soon as it started (a SIGTERM during kitap serve's start): stop()
// may come before run() listens, and must end it all the same.
TEST(WebServer, StopsAlsoBeforeItListens) {
    for (int i = 0; i < 5; ++i) WebFixture web;
}

TEST(WebServer, ServesTheEmbeddedPagesWithTheirTypes) {
    WebFixture web;
    auto http = web.client();
    const auto index = http.Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(index->body.find("Kitap test page: Ә Ғ Қ"), std::string::npos);
    const auto script = http.Get("/js/app.js");
    ASSERT_TRUE(script);
    EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_NE(script->body.find("dataset.ready"), std::string::npos);
    const auto missing = http.Get("/js/../../etc/passwd");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(body_of(missing)["error"], "not_found");
}

TEST(WebServer, TranslationsForThePages) {
    WebFixture web;
    const auto kazakh = web.client().Get("/api/i18n/kk");
    ASSERT_TRUE(kazakh);
    EXPECT_EQ(kazakh->status, 200);
    const auto table = body_of(kazakh);
    ASSERT_TRUE(table.is_object());
    EXPECT_EQ(table.size(), app::Translator::keys(app::Language::en).size());
    const app::Translator tr(app::Language::kk);
    for (const auto& [key, text] : table.items()) EXPECT_EQ(text, tr(key)) << key;
    const auto unknown = web.client().Get("/api/i18n/de");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(body_of(unknown)["error"], "unknown_language");
}

TEST(WebServer, ApiRoutesNeedASession) {
    WebFixture web;
    const auto result = web.client().Get("/api/me");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401);
    EXPECT_EQ(body_of(result)["error"], "not_signed_in");
    EXPECT_EQ(result->get_header_value("Cache-Control"), "no-store");
}

TEST(WebServer, MalformedJsonIs400) {
    WebFixture web;
    web.add_account("aigul", core::AccountRole::librarian);
    const auto browser = web.log_in("aigul");
    const auto result = web.client().Post("/api/scan", {{"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}},
                                          "{\"code\": \"1000", "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    EXPECT_EQ(body_of(result), nlohmann::json({{"error", "bad_request"}, {"message", "the body is not JSON"}}));
    const auto login = web.client().Post("/api/login", "\xff\xfe not json", "application/json");
    ASSERT_TRUE(login);
    EXPECT_EQ(login->status, 400);
}

TEST(WebServer, ABodyOverTheLimitIs413) {
    WebFixture web;
    web.add_account("aigul", core::AccountRole::librarian);
    const auto browser = web.log_in("aigul");
    const std::string huge(20 * 1024 * 1024 + 1, 'x');
    const auto result = web.client().Post("/api/scan", {{"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}},
                                          huge, "text/plain");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 413);
    EXPECT_EQ(body_of(result)["error"], "too_large");
}

TEST(WebServer, HugeOrManyHeadersAreRefused) {
    WebFixture web;
    const auto long_line = web.client().Get("/healthz", {{"X-Padding", std::string(10000, 'a')}});
    ASSERT_TRUE(long_line);
    EXPECT_EQ(long_line->status, 400);
    EXPECT_EQ(body_of(long_line)["error"], "bad_request");
    httplib::Headers many;
    for (int i = 0; i < 150; ++i) many.emplace("X-Header-" + std::to_string(i), "x");
    const auto too_many = web.client().Get("/healthz", many);
    ASSERT_TRUE(too_many);
    EXPECT_EQ(too_many->status, 431);
    EXPECT_EQ(body_of(too_many)["error"], "headers_too_large");
}

// What a raw socket gets back for `bytes` sent as they are.
std::string raw_exchange(int port, const std::string& bytes) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string reply;
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        send(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size())) {
        std::array<char, 4096> buffer{};
        for (ssize_t got = 0; (got = recv(fd, buffer.data(), buffer.size(), 0)) > 0;) reply.append(buffer.data(), got);
    }
    close(fd);
    return reply;
}

TEST(WebServer, AGarbledRequestIs400AndTheServerGoesOn) {
    WebFixture web;
    for (const auto* garbled : {"\x01\x02\x03 / HTTP/1.1\r\n\r\n", "GET\r\n\r\n",
                                "POST /api/login HTTP/1.1\r\nContent-Length: abc\r\nConnection: close\r\n\r\n"}) {
        const auto reply = raw_exchange(web.port(), garbled);
        EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply;
    }
    const auto after = web.client().Get("/healthz");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
}

// Far more clients at once than threads: the ones beyond wait (in the queue, then the
// kernel's backlog) and every one is answered.
TEST(WebServer, ManyConnectionsAtOnceAreAllAnswered) {
    WebFixture web;
    std::vector<std::future<int>> answers;
    for (int i = 0; i < 64; ++i)
        answers.push_back(std::async(std::launch::async, [&web] {
            const auto result = web.client().Get("/healthz");
            return result ? result->status : -1;
        }));
    for (auto& answer : answers) EXPECT_EQ(answer.get(), 200);
}

}  // namespace
}  // namespace kitap::testing
