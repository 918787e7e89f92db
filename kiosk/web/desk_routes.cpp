// POST /api/scan: the session's own desk, return and stocktake stations.
#include "kiosk/app/outcome_json.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/web/web_server.hpp"

namespace kitap::web {
namespace {

// The station of this mode, opened on the session's first scan in it. Its name in
// the audit log says it was the web console's, and whose.
core::StationHandle& station_for(ApiCall& call, core::StationMode mode) {
    auto found = call.session.stations.find(mode);
    if (found == call.session.stations.end())
        found = call.session.stations.emplace(mode, call.library.open_station(mode, "web:" + call.account.name)).first;
    return found->second;
}

}  // namespace

void WebServer::add_desk_routes() {
    // The reply is the object `kitap scan` prints for the scan. When the scan first
    // closed a session left idle, that outcome (the line `kitap scan` prints before)
    // is under "before", so nothing the station did goes unsaid.
    api(
        "POST", "/api/scan", Access::changes,
        [](ApiCall& call) {
            const auto scan = parse_scan(call.request.body);
            if (!scan) return send_error(call.response, 400, "bad_request", scan.error().message);
            auto& station = station_for(call, scan->mode);
            const auto result =
                station.handle(core::Scan{.text = scan->code, .symbology = "", .source = "web"}, call.now);
            if (!result) return send_fault(call.response, result.error());
            auto reply = app::outcome_json(result->last(), station.mode(), call.tr);
            if (result->outcomes.size() > 1) {
                auto before = nlohmann::json::array();
                for (std::size_t i = 0; i + 1 < result->outcomes.size(); ++i)
                    before.push_back(app::outcome_json(result->outcomes[i], station.mode(), call.tr));
                reply["before"] = before;
            }
            send_json(call.response, 200, reply);
        },
        LibraryFor::session_stations);
}

}  // namespace kitap::web
