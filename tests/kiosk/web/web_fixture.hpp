#pragma once

#include "core/library.hpp"
#include "kiosk/web/web_server.hpp"
#include "tests/support/school.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kitap::testing {

// The pages tests/kiosk/web/assets holds, compiled into the test binary.
std::span<const EmbeddedFile> web_test_assets();

// A signed-in browser: its cookie and the CSRF token the login returned.
struct Browser {
    std::string cookie;  // "kitap_session=..."
    std::string csrf;
};

// A real WebServer on 127.0.0.1 and an ephemeral port, over a TestSchool, with a
// clock the test moves. Accounts are made through core as `kitap user add` does.
class WebFixture {
public:
    static constexpr auto password = "correct horse battery";

    explicit WebFixture(std::optional<web::TlsFiles> tls = std::nullopt,
                        const std::function<void(web::ServerSettings&)>& adjust = {});
    ~WebFixture();
    WebFixture(const WebFixture&) = delete;
    WebFixture& operator=(const WebFixture&) = delete;

    TestSchool& school() { return school_; }
    int port() const { return port_; }
    void advance(std::chrono::seconds by) { now_ += by.count(); }
    core::Timestamp now() const { return core::Timestamp(std::chrono::seconds(now_.load())); }

    void add_account(const std::string& name, core::AccountRole role, std::vector<std::string> classes = {});
    // A station account as `kitap user add NAME --role station` makes it; its token.
    std::string add_station(const std::string& name);
    // A library of the test's own on the database, as another program (the CLI) holds one.
    core::Library open_library() const;

    httplib::Client client() const;
    // Logs in and returns the browser; fails the test when the login is refused.
    Browser log_in(const std::string& user, const std::string& with_password = password) const;
    httplib::Result get(const Browser& browser, const std::string& path) const;
    httplib::Result post(const Browser& browser, const std::string& path, const nlohmann::json& body) const;
    // A kiosk's call with its station token.
    httplib::Result station_get(const std::string& token, const std::string& path) const;
    httplib::Result station_post(const std::string& token, const std::string& path, const nlohmann::json& body) const;

private:
    TestSchool school_;
    std::atomic<std::int64_t> now_;
    std::unique_ptr<web::WebServer> server_;
    int port_ = 0;
    std::thread thread_;
};

// The cookie's "name=value" from a Set-Cookie header.
std::string cookie_pair(const std::string& set_cookie);
nlohmann::json body_of(const httplib::Result& result);

}  // namespace kitap::testing
