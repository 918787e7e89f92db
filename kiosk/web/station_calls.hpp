#pragma once

#include "kiosk/web/remote_stations.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/wire/station_wire.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>

// What the files of /api/station/* share (station_routes.cpp, station_panel_routes.cpp):
// reading a body of the wire format, and the librarian's modes opened by her PIN.
namespace kitap::web {

// The body as T, or nullopt with a 400 naming the field sent.
template <typename T>
std::optional<T> body_of(StationCall& call) {
    auto decoded =
        wire::parse_body(call.request.body).and_then([](const nlohmann::json& body) { return wire::decode<T>(body); });
    if (decoded) return std::move(*decoded);
    send_error(call.response, 400, "bad_request", decoded.error().text(), {{"field", decoded.error().field}});
    return std::nullopt;
}

// 403 librarian_locked: what a librarian's mode or panel answers before her PIN.
void send_librarian_locked(httplib::Response& response);

// Whether the librarian's modes are open (and so kept open a while longer); past the
// kiosk's lock time they lock now.
bool librarian_open(StationCall& call);

// Back to pupils, as the kiosk's "back" button: the librarian's modes lock (audited) when open.
void leave_librarian(StationCall& call);

}  // namespace kitap::web
