#include "tests/kiosk/gui/support/station_server.hpp"

#include <stdexcept>

namespace kitap::testing {

StationServer::StationServer(std::optional<web::TlsFiles> tls) : tls_(std::move(tls)) {
    const auto class_id = school_.add_class("2023-2024", 5, "Ә");
    school_.add_pupil(pupil, class_id);
    school_.add_pupil(other_pupil, class_id);
    const auto novel = school_.add_title(TestSchool::isbn(1), "fiction", 0);
    school_.add_copy(copy, novel);
    school_.add_copy(other_copy, novel);
    auto library = open_library();
    const auto added = library.accounts().add_station(station, web::system_now());
    if (!added || !*added) throw std::runtime_error("cannot add the station account");
    token_ = (*added)->token;
    start();
}

StationServer::~StationServer() { stop(); }

void StationServer::start() {
    web::ServerSettings settings;
    settings.database = school_.path();
    settings.workers = 4;
    auto server = web::WebServer::open(std::move(settings), tls_);
    if (!server) throw std::runtime_error("the server cannot open the database: " + server.error().detail);
    server_ = std::move(*server);
    const auto port = server_->bind("127.0.0.1", port_);
    if (!port) throw std::runtime_error("the server cannot bind 127.0.0.1:" + std::to_string(port_));
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
}

void StationServer::stop() {
    if (!server_) return;
    server_->stop();
    thread_.join();
    server_.reset();
}

core::Library StationServer::open_library() const {
    auto library = core::Library::open(school_.path());
    if (!library) throw std::runtime_error("cannot open the library: " + library.error().detail);
    return std::move(*library);
}

long long StationServer::open_loans_of(const std::string& card) {
    return school_.count(
        "SELECT COUNT(*) FROM loan l JOIN reader r ON r.id = l.reader_id WHERE l.returned_at IS NULL AND r.card = '" +
        card + "'");
}

}  // namespace kitap::testing
