#pragma once

#include "core/library/fault.hpp"
#include "kiosk/answers/answer.hpp"
#include "kiosk/web/answer_cache.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace kitap::web {

// Every answer of the API is JSON unless a document was asked for; every refusal is
// {"error": CODE, "message": TEXT, ...details} with the status that says what kind.

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
void send_error(httplib::Response& response, int status, std::string_view code, std::string_view message,
                const nlohmann::json& details = nlohmann::json::object());
// Broken or busy storage: 503, the fault's kind as the code ("locked", "disk_full" ...).
void send_fault(httplib::Response& response, const core::Fault& fault);

// No Library came free in time: 503, "busy".
void send_busy(httplib::Response& response);

int status_of(answers::ProblemKind kind);
void send_problem(httplib::Response& response, const answers::Problem& problem);
// JSON, or a document with its type and a Content-Disposition naming the file.
void send_answer(httplib::Response& response, const answers::Answer& answer);
void send(httplib::Response& response, const answers::AnswerOr& answer);
// The answer `cache` keeps under `key` while the data is unchanged, else make()'s (kept when it is JSON).
void send_kept(httplib::Response& response, AnswerCache& cache, core::Library& library, const std::string& key,
               const std::function<answers::AnswerOr()>& make);

}  // namespace kitap::web
