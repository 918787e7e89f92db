#pragma once

#include "core/circulation/station.hpp"
#include "core/library/account_service.hpp"
#include "kiosk/answers/label_answers.hpp"
#include "kiosk/answers/report_answers.hpp"
#include "kiosk/app/translator.hpp"

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::web {

// The wire side of the API, apart from its handlers: bytes a hostile client sent
// become typed requests here or a BadRequest saying what and where, never an
// exception (tests/fuzz/fuzz_web_requests.cpp holds them to that).

struct BadRequest {
    std::string message;  // for the client: which key or parameter, and what was wrong with it
};

template <typename T>
using Parsed = tl::expected<T, BadRequest>;

// Far above any real name, code or list; a client sending more is not a person.
inline constexpr std::size_t max_name_bytes = 256;
inline constexpr std::size_t max_code_bytes = 512;
inline constexpr std::size_t max_listed = 2000;  // copies or cards named in one request

// A request body that must be one JSON object.
Parsed<nlohmann::json> parse_json_object(std::string_view body);

// The string under `key` of a body's object, non-empty and at most `max_bytes` long.
Parsed<std::string> required_string(const nlohmann::json& object, const char* key, std::size_t max_bytes);

// POST /api/login {"user", "password"}
struct LoginRequest {
    std::string user;
    std::string password;
};
Parsed<LoginRequest> parse_login(std::string_view body);

// POST /api/scan {"code", "mode": "desk" | "return" | "stocktake"}
struct ScanRequest {
    std::string code;
    core::StationMode mode = core::StationMode::desk;
};
Parsed<ScanRequest> parse_scan(std::string_view body);

inline constexpr std::string_view session_cookie_name = "kitap_session";

// The session id from a Cookie header ("lang=kk; kitap_session=ID"), or "" when none.
std::string_view session_id_from_cookies(std::string_view cookies);

// POST /api/users {"name", "role", "classes"?: [...], "password"}
Parsed<core::NewAccount> parse_new_account(std::string_view body);

// POST /api/me/password, POST /api/users/{name}/password {"password"}
Parsed<std::string> parse_password(std::string_view body);

// PUT /api/settings/{key} {"value"}: a string, or a whole number (the kiosk's seconds),
// as its text; whether the setting takes it is core's to say.
Parsed<std::string> parse_setting_value(std::string_view body);

// PUT /api/librarian-pin {"pin"}: its form (6-8 digits) is checked where it is stored.
Parsed<std::string> parse_pin(std::string_view body);

// A query string's parameters, each named once at most ("?class=5Ә&format=csv").
using QueryParameters = std::multimap<std::string, std::string>;

// The parameter `name`, when given once; a BadRequest when given twice.
Parsed<std::optional<std::string>> single_parameter(const QueryParameters& query, const std::string& name);

// A whole-number parameter from 0 to `max` (`?history=20`); 0 when it is not given.
Parsed<int> count_parameter(const QueryParameters& query, const std::string& name, int max);

// A parser's steps, each filling a field of its request (true) or refusing: the first refusal, else true.
Parsed<bool> all_of(std::initializer_list<Parsed<bool>> takes);

// GET /api/reports/{kind}?class=&as_of=&year=&for_year=&grade1=&card=&format= (format
// json unless given). The values are report_answer's to check; here only their shape.
Parsed<answers::ReportRequest> parse_report_request(std::string_view kind, const QueryParameters& query);

// GET /api/labels/{kind}?new=&title=&copy=...&from=&to=&symbology=&layout=&class=&card=...&all=1
Parsed<answers::LabelsRequest> parse_labels_request(std::string_view kind, const QueryParameters& query);

// The language an answer is written in: `?lang=kk|ru|en`, else the first of those in
// Accept-Language, else English (as the command line falls back to).
Parsed<app::Language> requested_language(const QueryParameters& query, std::string_view accept_language);

}  // namespace kitap::web
