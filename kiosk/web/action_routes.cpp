// The librarian's actions over kitap_answers: imports, class sets, returns with their
// condition, settling, receipts, write-offs, the stocktake and the year close. Each
// answers what the CLI prints with --json, with the CLI's rules and refusals; the
// changes are logged as the web's ("web"), by the signed-in account.
#include "kiosk/answers/catalog_fetch_answers.hpp"
#include "kiosk/answers/desk_answers.hpp"
#include "kiosk/answers/hold_answers.hpp"
#include "kiosk/answers/import_answer.hpp"
#include "kiosk/answers/station_answers.hpp"
#include "kiosk/answers/year_answers.hpp"
#include "kiosk/web/action_requests.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/web/web_server.hpp"

namespace kitap::web {
namespace {

constexpr auto web_station = "web";

answers::ActedAt acted(const ApiCall& call) { return {.now = call.now, .station = web_station}; }

core::ActionStamp stamp(const ApiCall& call) { return {.at = call.now, .station = web_station}; }

// The request as parsed, answered by `answer`; a malformed one is a 400 saying what is wrong.
template <typename Request, typename Answer>
void answer_request(ApiCall& call, Parsed<Request> request, Answer answer) {
    if (!request) return send_error(call.response, 400, "bad_request", request.error().message);
    send(call.response, answer(*request));
}

// A fund's or year's action (its request says who acted in `by`), answered by the answers' function.
template <typename Request>
using ActionAnswer = answers::AnswerOr (*)(core::Library&, const app::Translator&, const Request&);

template <typename Request>
void answer_action(ApiCall& call, Parsed<Request> request, ActionAnswer<Request> answer) {
    answer_request(call, std::move(request), [&](Request& acting) {
        acting.by = acted(call);
        return answer(call.library, call.tr, acting);
    });
}

}  // namespace

void WebServer::add_action_routes() {
    // The file is the body as it is (a CSV, TSV or workbook); a bad line anywhere is a 422
    // listing every one under "rows", and nothing is written.
    api("POST", "/api/import/([a-z]+)", Access::changes, [this](ApiCall& call) {
        const auto& http = call.request;
        answer_request(call, parse_import_request(http.matches[1].str(), http.params, http.body),
                       [&](answers::ImportRequest& request) {
                           request.now = call.now;
                           request.xls_child = settings_.xls_child;
                           return answers::import_answer(call.library, call.tr, request);
                       });
    });
    api("POST", "/api/issue-set", Access::changes, [](ApiCall& call) {
        answer_request(call, parse_issue_set(call.request.body), [&](answers::IssueSetRequest& request) {
            request.now = call.now;
            request.station = web_station;
            return answers::issue_set_answer(call.library, call.tr, request);
        });
    });
    // An offline kiosk's scan the rules refused on replay: the librarian accepts it as an
    // override (the desk's rules, now) or discards it; either is audited.
    api("POST", "/api/exceptions/([0-9]+)/(accept|discard)", Access::changes, [](ApiCall& call) {
        const auto id = call.request.matches[1].str();
        send(call.response, call.request.matches[2].str() == "accept"
                                ? answers::accept_exception_answer(call.answer_context(), id, web_station)
                                : answers::discard_exception_answer(call.answer_context(), id, web_station));
    });
    api("POST", "/api/return", Access::changes, [](ApiCall& call) {
        answer_request(call, parse_return(call.request.body), [&](answers::ReturnRequest& request) {
            request.now = call.now;
            request.station = web_station;
            return answers::return_answer(call.library, call.tr, request);
        });
    });
    // A reservation for a reader: the title by its number (chosen from the catalogue) or as typed.
    api("POST", "/api/holds", Access::changes, [](ApiCall& call) {
        answer_request(call, parse_hold(call.request.body), [&](answers::HoldRequest& request) {
            request.by = stamp(call);
            return answers::place_hold_answer(call.answer_context(), request);
        });
    });
    api("POST", "/api/holds/([0-9]{1,18})/cancel", Access::changes, [](ApiCall& call) {
        send(call.response, answers::cancel_hold_answer(call.answer_context(),
                                                        std::stoll(call.request.matches[1].str()), stamp(call)));
    });
    // A card a SIP2 terminal blocked (block patron) works at self-service again.
    api("POST", "/api/readers/([^/]{1,64})/unblock", Access::changes, [](ApiCall& call) {
        const auto done = answers::unblock_card(call.answer_context(), call.request.matches[1].str(), web_station);
        send(call.response, answers::answer_from(done, answers::unblock_json));
    });
    api("POST", "/api/settle", Access::changes, [](ApiCall& call) {
        answer_request(call, parse_settle(call.request.body), [&](answers::SettleRequest& request) {
            request.now = call.now;
            return answers::settle_answer(call.library, call.tr, request);
        });
    });
    // Copy cataloguing: the record the [catalogue] servers have for an ISBN becomes the catalogue's title.
    api("POST", "/api/catalog/fetch", Access::changes, [](ApiCall& call) {
        answer_request(call, parse_catalog_fetch(call.request.body), [&](const std::string& isbn) {
            return answers::catalog_fetch_import_answer(call.answer_context(), isbn);
        });
    });
    api("POST", "/api/receive", Access::changes,
        [](ApiCall& call) { answer_action(call, parse_receive(call.request.body), answers::receive_answer); });
    api("POST", "/api/writeoff", Access::changes,
        [](ApiCall& call) { answer_action(call, parse_writeoff(call.request.body), answers::writeoff_answer); });
    api("POST", "/api/stocktake/start", Access::changes, [](ApiCall& call) {
        answer_action(call, parse_stocktake_start(call.request.body), answers::stocktake_start_answer);
    });
    // Takes no body: the open stocktake is closed into its report.
    api("POST", "/api/stocktake/finish", Access::changes, [](ApiCall& call) {
        send(call.response, answers::stocktake_finish_answer(call.library, call.tr, acted(call)));
    });
    // With "dry_run": what the close would do, written nowhere.
    api("POST", "/api/year/close", Access::changes,
        [](ApiCall& call) { answer_action(call, parse_year_close(call.request.body), answers::year_close_answer); });
}

}  // namespace kitap::web
