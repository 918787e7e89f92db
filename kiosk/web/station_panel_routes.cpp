// /api/station/librarian/*: the librarian's panels of a kiosk on another PC (held items,
// class sets, provision, debtors, stocktake, "what is this?", demo codes, the kiosk's
// settings), answered with the same core calls a local kiosk makes on its own database,
// in the station wire format (kiosk/wire/panel_wire.hpp). Every one waits for the
// librarian's PIN as her modes do, and keeps them open.
#include "kiosk/gui/model/lookup.hpp"
#include "kiosk/web/api_requests.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/web/station_calls.hpp"
#include "kiosk/web/web_server.hpp"
#include "kiosk/wire/panel_wire.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace kitap::web {
namespace {

using nlohmann::json;

// The librarian's choices a remote kiosk may change: the ones its settings panel shows.
constexpr std::array<std::string_view, 3> kiosk_setting_keys{
    core::kiosk_language_setting, core::kiosk_idle_timeout_setting.key, core::kiosk_librarian_lock_setting.key};

core::Date today(const StationCall& call) { return core::local_date(call.now); }

// The librarian's actions from this kiosk are stamped with its station account's name.
core::ActionStamp stamp(const StationCall& call) { return {.at = call.now, .station = call.station.account.name}; }

// The query parameter `name`, given once and not empty; else nullopt with a 400 naming it.
std::optional<std::string> parameter_of(StationCall& call, const std::string& name) {
    const auto value = single_parameter(call.request.params, name);
    if (value && *value && !(*value)->empty() && (*value)->size() <= max_code_bytes) return **value;
    const auto message =
        value ? name + ": give it once, of 1 to " + std::to_string(max_code_bytes) + " bytes" : value.error().message;
    send_error(call.response, 400, "bad_request", message, {{"field", name}});
    return std::nullopt;
}

template <typename T>
void send_value(StationCall& call, const core::OrFault<T>& value) {
    if (!value) return send_fault(call.response, value.error());
    send_json(call.response, 200, *value);
}

// A value the database may not have: it, or null.
template <typename T>
void send_maybe(StationCall& call, const core::OrFault<std::optional<T>>& value) {
    if (!value) return send_fault(call.response, value.error());
    send_json(call.response, 200, *value ? json(**value) : json(nullptr));
}

// {"<done>": value, "refusal": null} or {"<done>": null, "refusal": Refusal}.
template <typename T>
void send_checked(StationCall& call, const core::OrFault<core::Checked<T>>& value, const char* done) {
    if (!value) return send_fault(call.response, value.error());
    const auto& checked = *value;
    send_json(call.response, 200,
              {{done, checked ? json(*checked) : json(nullptr)},
               {"refusal", checked ? json(nullptr) : json(checked.error())}});
}

void change_setting(StationCall& call, const wire::SettingRequest& request) {
    if (std::find(kiosk_setting_keys.begin(), kiosk_setting_keys.end(), request.key) == kiosk_setting_keys.end())
        return send_error(call.response, 400, "bad_request", "key: not a setting of the kiosks", {{"field", "key"}});
    const auto problem =
        call.library.settings().change(request.key, request.value, call.now, call.station.account.name);
    if (!problem) return send_fault(call.response, problem.error());
    if (*problem)
        return send_error(call.response, 400, "bad_request", "value: " + std::string(to_string(**problem)),
                          {{"field", "value"}});
    call.response.status = 204;
}

// The kiosk closes from its librarian screen: said in the audit log, and her modes lock
// even when that row could not be written.
void close_kiosk(StationCall& call) {
    const auto recorded = call.library.audit().record({.at = call.now,
                                                       .station = call.station.account.name,
                                                       .action = core::LibrarianActionKind::kiosk_closed,
                                                       .detail = {}});
    leave_librarian(call);
    if (!recorded) return send_fault(call.response, recorded.error());
    call.response.status = 204;
}

}  // namespace

void WebServer::add_station_panel_routes() {
    const auto panel = [this](const std::string& method, const std::string& route, StationHandler handler) {
        station_api(method, "/api/station/librarian/" + route, [handler = std::move(handler)](StationCall& call) {
            if (!librarian_open(call)) return send_librarian_locked(call.response);
            handler(call);
        });
    };
    panel("GET", "held-items", [](StationCall& call) {
        if (const auto card = parameter_of(call, "card"))
            send_value(call, call.library.circulation().held_items(*card));
    });
    panel("GET", "class-provision",
          [](StationCall& call) { send_value(call, call.library.textbooks().class_provision(today(call))); });
    panel("GET", "class-progress", [](StationCall& call) {
        if (const auto class_name = parameter_of(call, "class"))
            send_maybe(call, call.library.textbooks().class_progress(*class_name, today(call)));
    });
    panel("POST", "issue-class-set", [](StationCall& call) {
        const auto request = body_of<wire::IssueClassSetRequest>(call);
        if (!request) return;
        send_value(call, call.library.textbooks().issue_class_set(
                             request->class_name,
                             {.dry_run = request->dry_run, .now = call.now, .station = call.station.account.name}));
    });
    panel("GET", "provision",
          [](StationCall& call) { send_value(call, call.library.textbooks().provision(std::nullopt, today(call))); });
    panel("GET", "debtors",
          [](StationCall& call) { send_value(call, call.library.textbooks().debtors(std::nullopt, today(call))); });
    panel("GET", "stocktake", [](StationCall& call) { send_maybe(call, call.library.stocktake().status()); });
    panel("POST", "stocktake/start", [](StationCall& call) {
        const auto request = body_of<wire::StocktakeStartRequest>(call);
        if (!request) return;
        send_checked(call, call.library.stocktake().start(request->scope, stamp(call)), "stocktake_id");
    });
    panel("POST", "stocktake/finish",
          [](StationCall& call) { send_checked(call, call.library.stocktake().finish(stamp(call)), "report"); });
    panel("GET", "lookup", [](StationCall& call) {
        if (const auto code = parameter_of(call, "code"))
            send_value(call, call.library.lookup().what_is(*code, kiosk::lookup_history_lines));
    });
    panel("GET", "demo-samples",
          [](StationCall& call) { send_value(call, call.library.maintenance().demo_samples(today(call))); });
    panel("POST", "setting", [](StationCall& call) {
        if (const auto request = body_of<wire::SettingRequest>(call)) change_setting(call, *request);
    });
    panel("POST", "kiosk-closed", close_kiosk);
}

}  // namespace kitap::web
