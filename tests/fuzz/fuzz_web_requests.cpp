// What `kitap serve` reads from the network before a handler runs, through the real
// parsers of kiosk/web/api_requests: JSON bodies (login, scan, a setting's value, the PIN), a query string with
// an Accept-Language header (as a report's and a labels' request too), a Cookie header, and --listen. Each gives a
// typed request within its limits or a BadRequest with a message; any exception, crash or hang is a finding. The first
// byte picks the parser, the rest is its input.
#include "kiosk/web/api_requests.hpp"
#include "kiosk/web/serve.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace kitap;

template <typename T>
void require_message(const web::Parsed<T>& parsed) {
    if (!parsed) fuzz::require(!parsed.error().message.empty(), "a bad request says what is wrong");
}

void login(std::string_view body) {
    const auto parsed = web::parse_login(body);
    require_message(parsed);
    if (parsed)
        fuzz::require(!parsed->user.empty() && parsed->user.size() <= 256 && !parsed->password.empty() &&
                          parsed->password.size() <= 1024,
                      "a login has a user and a password within their limits");
}

void scan(std::string_view body) {
    const auto parsed = web::parse_scan(body);
    require_message(parsed);
    if (parsed) {
        fuzz::require(!parsed->code.empty() && parsed->code.size() <= 512, "a scanned code is within its limit");
        fuzz::require(parsed->mode != core::StationMode::self, "the web never scans as the pupils' kiosk");
    }
}

void setting_and_pin(std::string_view body) {
    const auto value = web::parse_setting_value(body);
    require_message(value);
    if (value) fuzz::require(!value->empty() && value->size() <= 256, "a setting's value is within its limit");
    const auto pin = web::parse_pin(body);
    require_message(pin);
    if (pin) fuzz::require(!pin->empty() && pin->size() <= 256, "a PIN is within its limit");
}

// "QUERY\nACCEPT-LANGUAGE"
void query(std::string_view input) {
    const auto newline = input.find('\n');
    httplib::Params params;
    httplib::detail::parse_query_text(std::string(input.substr(0, newline)), params);
    const auto accept = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    require_message(web::requested_language(params, accept));
    const auto class_name = web::single_parameter(params, "class");
    require_message(class_name);
    if (class_name && *class_name) fuzz::require(params.count("class") == 1, "a single parameter was given once");
    const auto history = web::count_parameter(params, "history", 500);
    require_message(history);
    if (history) fuzz::require(*history >= 0 && *history <= 500, "a count is within its range");
    for (const auto* kind : {"debtors", "order", "clearance"}) {
        const auto report = web::parse_report_request(kind, params);
        require_message(report);
        if (report) fuzz::require(report->format != "text", "the web never answers the command line's text format");
    }
    for (const auto* kind : {"copies", "readers"}) {
        const auto labels = web::parse_labels_request(kind, params);
        require_message(labels);
        if (labels)
            fuzz::require(labels->codes.size() == params.count("copy") && labels->cards.size() == params.count("card"),
                          "every copy and card named is kept");
    }
}

void cookies(std::string_view header) {
    const auto id = web::session_id_from_cookies(header);
    fuzz::require(id.empty() || (id.data() >= header.data() && id.data() + id.size() <= header.data() + header.size()),
                  "the session id is part of the Cookie header");
    fuzz::require(id.find(';') == std::string_view::npos, "the session id ends at its cookie's end");
}

void listen(std::string_view text) {
    const auto address = web::parse_listen_address(text);
    if (address)
        fuzz::require(address->port >= 1 && address->port <= 65535 && address->host.find(']') == std::string::npos,
                      "a listen address has a port and a host without brackets");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
        case 0:
            login(input);
            break;
        case 1:
            scan(input);
            break;
        case 2:
            query(input);
            break;
        case 3:
            cookies(input);
            break;
        case 4:
            listen(input);
            break;
        default:
            setting_and_pin(input);
            break;
    }
    return 0;
}
