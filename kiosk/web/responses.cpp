#include "kiosk/web/responses.hpp"

#include <cctype>
#include <string>

namespace kitap::web {
namespace {

// Stored names and titles are UTF-8 by the time they reach an answer; should one not
// be, it is replaced rather than ending the request with an exception.
std::string json_text(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A file name for Content-Disposition: the ASCII fallback keeps letters, digits and
// -_. only, the UTF-8 name (RFC 5987) is percent-encoded, so no header can be split.
std::string content_disposition(std::string_view filename) {
    std::string ascii;
    std::string encoded;
    constexpr std::string_view hex = "0123456789ABCDEF";
    for (const unsigned char c : filename) {
        const bool plain = std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
        ascii += plain && c < 0x80 ? static_cast<char>(c) : '_';
        if (plain && c < 0x80) {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 0x0f];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
    response.status = status;
    response.set_content(json_text(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, std::string_view code, std::string_view message,
                const nlohmann::json& details) {
    auto body = details.is_object() ? details : nlohmann::json::object();
    body["error"] = code;
    body["message"] = message;
    send_json(response, status, body);
}

void send_fault(httplib::Response& response, const core::Fault& fault) {
    const auto code = core::to_string(fault.kind);
    const auto message = fault.kind == core::FaultKind::locked
                             ? std::string("the database is busy or locked by another program; try again")
                             : "the library's storage failed (" + std::string(code) + "): " + fault.detail;
    send_error(response, 503, code, message);
}

void send_busy(httplib::Response& response) {
    send_error(response, 503, "busy", "the server is busy; try again in a moment");
}

int status_of(answers::ProblemKind kind) {
    switch (kind) {
        case answers::ProblemKind::bad_request:
            return 400;
        case answers::ProblemKind::not_found:
            return 404;
        case answers::ProblemKind::refused:
            return 409;
        case answers::ProblemKind::bad_rows:
            return 422;
        case answers::ProblemKind::fault:
            return 503;
    }
    return 500;
}

void send_problem(httplib::Response& response, const answers::Problem& problem) {
    send_error(response, status_of(problem.kind), problem.code, problem.message, problem.details);
}

void send_answer(httplib::Response& response, const answers::Answer& answer) {
    if (const auto* json = std::get_if<nlohmann::json>(&answer)) return send_json(response, 200, *json);
    const auto& document = std::get<answers::Document>(answer);
    response.status = 200;
    response.set_header("Content-Disposition", content_disposition(document.filename));
    response.set_content(document.bytes, document.content_type);
}

void send(httplib::Response& response, const answers::AnswerOr& answer) {
    if (answer) return send_answer(response, *answer);
    send_problem(response, answer.error());
}

namespace {

void send_json_text(httplib::Response& response, const std::string& text) {
    response.status = 200;
    response.set_content(text, "application/json; charset=utf-8");
}

}  // namespace

void send_kept(httplib::Response& response, AnswerCache& cache, core::Library& library, const std::string& key,
               const std::function<answers::AnswerOr()>& make) {
    if (const auto* kept = cache.find(library, key)) return send_json_text(response, *kept);
    const auto answer = make();
    const auto* json = answer ? std::get_if<nlohmann::json>(&*answer) : nullptr;
    if (!json) return send(response, answer);
    auto text = json_text(*json);
    send_json_text(response, text);
    cache.keep(key, std::move(text));
}

}  // namespace kitap::web
