#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kitap::testing {

extern const std::vector<kitap::EmbeddedFile> web_test_asset_files;  // generated from tests/kiosk/web/assets

std::span<const EmbeddedFile> web_test_assets() { return web_test_asset_files; }

WebFixture::WebFixture(std::optional<web::TlsFiles> tls, const std::function<void(web::ServerSettings&)>& adjust)
    : now_(TestSchool::noon(core::Date{std::chrono::year(2024), std::chrono::month(1), std::chrono::day(15)})
               .time_since_epoch()
               .count()) {
    web::ServerSettings settings;
    settings.database = school_.path();
    settings.clock = [this] { return now(); };
    settings.assets = web_test_assets();
    settings.workers = 4;
    if (adjust) adjust(settings);
    auto server = web::WebServer::open(std::move(settings), tls);
    if (!server) throw std::runtime_error("the server cannot open the database: " + server.error().detail);
    server_ = std::move(*server);
    const auto port = server_->bind("127.0.0.1", 0);
    if (!port) throw std::runtime_error("the server cannot bind 127.0.0.1");
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
}

WebFixture::~WebFixture() {
    server_->stop();
    thread_.join();
}

void WebFixture::add_account(const std::string& name, core::AccountRole role, std::vector<std::string> classes) {
    auto library = open_library();
    const auto added = library.accounts().add(
        {.name = name, .role = role, .classes = std::move(classes), .password = password}, now());
    if (!added || !*added) throw std::runtime_error("cannot add the account " + name);
}

std::string WebFixture::add_station(const std::string& name) {
    auto library = open_library();
    const auto added = library.accounts().add_station(name, now());
    if (!added || !*added) throw std::runtime_error("cannot add the station account " + name);
    return (*added)->token;
}

core::Library WebFixture::open_library() const {
    auto library = core::Library::open(school_.path());
    if (!library) throw std::runtime_error("cannot open the library: " + library.error().detail);
    return std::move(*library);
}

httplib::Client WebFixture::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(std::chrono::seconds(20));
    return client;
}

Browser WebFixture::log_in(const std::string& user, const std::string& with_password) const {
    auto http = client();
    const auto result =
        http.Post("/api/login", nlohmann::json{{"user", user}, {"password", with_password}}.dump(), "application/json");
    if (!result || result->status != 200)
        throw std::runtime_error(
            "the login of " + user + " was refused: " +
            (result ? std::to_string(result->status) + " " + result->body : httplib::to_string(result.error())));
    return {.cookie = cookie_pair(result->get_header_value("Set-Cookie")),
            .csrf = nlohmann::json::parse(result->body).at("csrf").get<std::string>()};
}

httplib::Result WebFixture::get(const Browser& browser, const std::string& path) const {
    return client().Get(path, {{"Cookie", browser.cookie}});
}

httplib::Result WebFixture::post(const Browser& browser, const std::string& path, const nlohmann::json& body) const {
    return client().Post(path, {{"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}}, body.dump(),
                         "application/json");
}

httplib::Result WebFixture::station_get(const std::string& token, const std::string& path) const {
    return client().Get(path, {{"Authorization", "Bearer " + token}});
}

httplib::Result WebFixture::station_post(const std::string& token, const std::string& path,
                                         const nlohmann::json& body) const {
    return client().Post(path, {{"Authorization", "Bearer " + token}}, body.dump(), "application/json");
}

std::string cookie_pair(const std::string& set_cookie) { return set_cookie.substr(0, set_cookie.find(';')); }

nlohmann::json body_of(const httplib::Result& result) {
    if (!result) throw std::runtime_error("no response: " + httplib::to_string(result.error()));
    return nlohmann::json::parse(result->body);
}

}  // namespace kitap::testing
