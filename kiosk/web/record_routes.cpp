// The records the librarian reads back and the settings she keeps: the audit log and
// the write-off acts (what `kitap audit --json` and `kitap acts --json` print), the
// school's rules with the kiosk's settings, the kiosk's librarian PIN, and where a
// title's copies are (with who holds them: never for teachers or the public).
#include "kiosk/answers/lookup_answers.hpp"
#include "kiosk/answers/record_answers.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/web/web_server.hpp"

namespace kitap::web {
namespace {

// Changes made here are the console's, under the account's name, as its desk scans are.
std::string station_of(const ApiCall& call) { return "web:" + call.account.name; }

}  // namespace

void WebServer::add_record_routes() {
    api("GET", "/api/audit", Access::reads, [](ApiCall& call) {
        const auto since = single_parameter(call.request.params, "since");
        if (!since) return send_error(call.response, 400, "bad_request", since.error().message);
        send(call.response, answers::audit_answer(call.answer_context(), *since));
    });
    api("GET", "/api/acts", Access::reads,
        [](ApiCall& call) { send(call.response, answers::acts_answer(call.answer_context())); });
    api("GET", "/api/titles/([^/]+)/copies", Access::reads, [](ApiCall& call) {
        send(call.response, answers::title_copies_answer(call.answer_context(), call.request.matches[1].str()));
    });
    api("GET", "/api/settings", Access::changes,
        [](ApiCall& call) { send(call.response, answers::settings_answer(call.answer_context())); });
    api("PUT", "/api/settings/([^/]+)", Access::changes, [](ApiCall& call) {
        const auto value = parse_setting_value(call.request.body);
        if (!value) return send_error(call.response, 400, "bad_request", value.error().message);
        send(call.response, answers::change_setting_answer(call.answer_context(), call.request.matches[1].str(), *value,
                                                           station_of(call)));
    });
    api("PUT", "/api/librarian-pin", Access::changes, [](ApiCall& call) {
        const auto pin = parse_pin(call.request.body);
        if (!pin) return send_error(call.response, 400, "bad_request", pin.error().message);
        send(call.response, answers::librarian_pin_answer(call.answer_context(), *pin, station_of(call)));
    });
}

}  // namespace kitap::web
