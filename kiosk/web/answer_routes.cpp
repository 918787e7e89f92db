// The routes over kitap_answers: what `kitap stats|reader|item|readers|report|labels|acts`
// print, served as the CLI builds it, and the public catalogue.
#include "kiosk/answers/catalog_fetch_answers.hpp"
#include "kiosk/answers/hold_answers.hpp"
#include "kiosk/answers/label_answers.hpp"
#include "kiosk/answers/lookup_answers.hpp"
#include "kiosk/answers/report_answers.hpp"
#include "kiosk/answers/station_answers.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/web/web_server.hpp"

namespace kitap::web {
namespace {

void send_forbidden_class(httplib::Response& response) {
    send_error(response, 403, "forbidden", "a teacher sees only the classes they lead");
}

// A teacher's report must name one of their classes; the others' reports are the
// librarian's and the director's.
bool may_read_report(const core::Account& account, const answers::ReportRequest& request) {
    if (account.role != core::AccountRole::teacher) return true;
    const bool per_class =
        request.kind == answers::ReportKind::provision || request.kind == answers::ReportKind::debtors;
    return per_class && request.class_name && may_see_class(account, *request.class_name);
}

// The classes whose readers a search may show: a teacher's own; nullopt, every reader.
std::optional<std::vector<std::string>> classes_seen_by(const core::Account& account) {
    if (account.role == core::AccountRole::teacher) return account.classes;
    return std::nullopt;
}

// A reader's page for a teacher: only a pupil of their classes. An unknown card is
// refused alike, so a teacher cannot probe which cards exist.
void send_reader(ApiCall& call, const answers::AnswerOr& answer) {
    if (call.account.role == core::AccountRole::teacher) {
        const bool fault = !answer && answer.error().kind == answers::ProblemKind::fault;
        const auto* json = answer ? std::get_if<nlohmann::json>(&*answer) : nullptr;
        const bool theirs = json && json->contains("class") && (*json)["class"].is_string() &&
                            may_see_class(call.account, (*json)["class"].get<std::string>());
        if (!theirs && !fault) return send_forbidden_class(call.response);
    }
    send(call.response, answer);
}

}  // namespace

void WebServer::add_answer_routes() {
    api("GET", "/api/stats", Access::reads,
        [](ApiCall& call) { call.send_kept([&] { return answers::stats_answer(call.answer_context()); }); });
    // Kiosks on other PCs (`kitap stations`) and the exceptions their journals left (`kitap exceptions`).
    api("GET", "/api/stations", Access::reads,
        [](ApiCall& call) { send(call.response, answers::stations_answer(call.answer_context())); });
    // Readers waiting for titles, and the copies kept for them; listing lets expired holds go first.
    api("GET", "/api/holds", Access::reads, [](ApiCall& call) {
        send(call.response,
             answers::hold_list_answer(call.answer_context(), {.at = call.now, .station = "web", .actor = {}}));
    });
    api("GET", "/api/exceptions", Access::reads,
        [](ApiCall& call) { send(call.response, answers::exceptions_answer(call.answer_context())); });
    api("GET", "/api/items/([^/]+)", Access::reads, [](ApiCall& call) {
        send(call.response, answers::item_answer(call.answer_context(), call.request.matches[1].str()));
    });
    // The receive page's offer for a book not catalogued yet: the librarian's, as it asks servers outside.
    api("GET", "/api/catalog/fetch", Access::changes, [](ApiCall& call) {
        const auto isbn = single_parameter(call.request.params, "isbn");
        if (!isbn) return send_error(call.response, 400, "bad_request", isbn.error().message);
        if (!*isbn) return send_error(call.response, 400, "missing_parameter", "parameter \"isbn\" is missing");
        send(call.response, answers::catalog_fetch_answer(call.answer_context(), **isbn));
    });
    api("GET", "/api/readers/([^/]+)", Access::class_reads, [](ApiCall& call) {
        const auto history = count_parameter(call.request.params, "history", answers::max_reader_history);
        if (!history) return send_error(call.response, 400, "bad_request", history.error().message);
        send_reader(call, answers::reader_answer(call.answer_context(), call.request.matches[1].str(), *history));
    });
    api("GET", "/api/readers", Access::class_reads, [](ApiCall& call) {
        const auto text = single_parameter(call.request.params, "q");
        if (!text) return send_error(call.response, 400, "bad_request", text.error().message);
        if (*text)
            return send(call.response,
                        answers::reader_search_answer(call.answer_context(), **text, classes_seen_by(call.account)));
        const auto class_name = single_parameter(call.request.params, "class");
        if (!class_name) return send_error(call.response, 400, "bad_request", class_name.error().message);
        if (!*class_name) return send_error(call.response, 400, "missing_parameter", "parameter \"class\" is missing");
        if (!may_see_class(call.account, **class_name)) return send_forbidden_class(call.response);
        send(call.response, answers::class_readers_answer(call.answer_context(), **class_name));
    });
    api("GET", "/api/reports/([a-z]+)", Access::class_reads, [](ApiCall& call) {
        const auto request = parse_report_request(call.request.matches[1].str(), call.request.params);
        if (!request) return send_error(call.response, 400, "bad_request", request.error().message);
        if (!may_read_report(call.account, *request)) return send_forbidden_class(call.response);
        call.send_kept([&] { return answers::report_answer(call.answer_context(), *request); });
    });
    api("GET", "/api/acts/([^/]+)", Access::reads, [](ApiCall& call) {
        const auto format = single_parameter(call.request.params, "format");
        if (!format) return send_error(call.response, 400, "bad_request", format.error().message);
        send(call.response, answers::writeoff_act_answer(call.answer_context(), call.request.matches[1].str(),
                                                         format->value_or("pdf")));
    });
    // Labels are the librarian's. Labels for new inventory numbers hand the numbers out
    // (a change), so that GET needs the X-CSRF-Token as every change does.
    api("GET", "/api/labels/([a-z]+)", Access::changes, [](ApiCall& call) {
        const auto request = parse_labels_request(call.request.matches[1].str(), call.request.params);
        if (!request) return send_error(call.response, 400, "bad_request", request.error().message);
        if (request->new_count && !same_secret(call.request.get_header_value("X-CSRF-Token"), call.session.csrf))
            return send_error(call.response, 403, "csrf", "labels for new numbers need the X-CSRF-Token header");
        const auto labels = answers::labels_answer(call.answer_context(), *request);
        if (!labels) return send_problem(call.response, labels.error());
        if (labels->allocated) call.response.set_header("X-Kitap-Allocated", labels->allocated->substr(0, 200));
        send_answer(call.response, labels->pdf);
    });
}

// GET /api/catalog?q=TEXT: titles and how many copies are free, for anyone on the
// school's network, never who holds a book (catalog_search_answer leaves holders out).
void WebServer::add_public_answer_routes() {
    http_->Get("/api/catalog", [this](const httplib::Request& request, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        const auto language = requested_language(request.params, request.get_header_value("Accept-Language"));
        if (!language) return send_error(response, 400, "bad_request", language.error().message);
        const auto text = single_parameter(request.params, "q");
        if (!text) return send_error(response, 400, "bad_request", text.error().message);
        const auto lease = borrow(std::nullopt);
        if (!lease) return send_busy(response);
        const app::Translator tr(*language);
        const answers::AnswerContext context{lease->library(), tr, settings_.config, settings_.clock()};
        send(response, answers::catalog_search_answer(context, text->value_or("")));
    });
}

}  // namespace kitap::web
