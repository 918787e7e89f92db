#pragma once

#include "core/library.hpp"
#include "kiosk/web/web_server.hpp"
#include "tests/support/school.hpp"

#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace kitap::testing {

// A real `kitap serve` (WebServer on 127.0.0.1, real clock) over a small school, with
// a station account, that a test stops and starts again on the same port: the
// school's server a remote kiosk loses and finds again.
class StationServer {
public:
    static constexpr auto station = "reading-room";
    static constexpr auto pupil = "20000014";
    static constexpr auto other_pupil = "20000022";
    static constexpr auto copy = "10000017";
    static constexpr auto other_copy = "10000024";

    explicit StationServer(std::optional<web::TlsFiles> tls = std::nullopt);
    ~StationServer();
    StationServer(const StationServer&) = delete;
    StationServer& operator=(const StationServer&) = delete;

    void start();  // on the port it had, once it had one
    void stop();
    int port() const { return port_; }
    const std::string& token() const { return token_; }
    TestSchool& school() { return school_; }
    core::Library open_library() const;
    long long open_loans_of(const std::string& card);

private:
    TestSchool school_;
    std::optional<web::TlsFiles> tls_;
    std::string token_;
    std::unique_ptr<web::WebServer> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace kitap::testing
