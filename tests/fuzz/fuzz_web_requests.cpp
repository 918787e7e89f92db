// What `kitap serve` reads from the network before a handler runs, through the real
// parsers of kiosk/web/api_requests and action_requests: JSON bodies (login, scan, the librarian's actions, a
// setting's value, the PIN), a query string with an Accept-Language header (as a report's and a labels' request too),
// an import's query with its body, a Cookie header, --listen, and the station wire format (kiosk/wire: what the
// station routes read from a kiosk and a kiosk will read from the server, the librarian's panels too). Each gives a
// typed request within its limits or a BadRequest with a message; any exception, crash or hang is a finding. The first
// byte (a digit) picks the parser, the rest is its input.
#include "kiosk/app/listen_address.hpp"
#include "kiosk/web/action_requests.hpp"
#include "kiosk/web/api_requests.hpp"
#include "kiosk/wire/panel_wire.hpp"
#include "kiosk/wire/station_wire.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

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

bool within(const std::string& text, std::size_t max_bytes) { return text.size() <= max_bytes; }

bool codes_within(const std::vector<std::string>& codes) {
    if (codes.size() > web::max_listed) return false;
    for (const auto& code : codes)
        if (code.empty() || !within(code, web::max_code_bytes)) return false;
    return true;
}

// The same body through every action's parser: each takes it within its limits or says why not.
void actions(std::string_view body) {
    const auto issue = web::parse_issue_set(body);
    require_message(issue);
    if (issue)
        fuzz::require(!issue->class_name.empty() && within(issue->class_name, web::max_name_bytes),
                      "a class set names its class");
    const auto returned = web::parse_return(body);
    require_message(returned);
    if (returned)
        fuzz::require(!returned->card.empty() && returned->count >= 1 && returned->count <= web::max_count,
                      "a return names a card and a count from 1");
    const auto settle = web::parse_settle(body);
    require_message(settle);
    if (settle) fuzz::require(!settle->card.empty() && settle->id.value_or(1) >= 1, "a settlement names a card");
    const auto receive = web::parse_receive(body);
    require_message(receive);
    if (receive)
        fuzz::require(!receive->isbn.empty() && !receive->price.empty() && receive->count >= 0 &&
                          receive->count <= web::max_count && codes_within(receive->copies),
                      "a receipt has a title, a price and copies within their limits");
    const auto fetch = web::parse_catalog_fetch(body);
    require_message(fetch);
    if (fetch) fuzz::require(!fetch->empty() && within(*fetch, web::max_code_bytes), "a catalogue fetch names an ISBN");
    const auto writeoff = web::parse_writeoff(body);
    require_message(writeoff);
    if (writeoff)
        fuzz::require(!writeoff->reason.empty() && codes_within(writeoff->copies) &&
                          (writeoff->isbn.empty() || writeoff->copies.empty()),
                      "a write-off has a reason and either a title or copies");
    const auto stocktake = web::parse_stocktake_start(body);
    require_message(stocktake);
    if (stocktake) fuzz::require(!stocktake->scope.empty(), "a stocktake has a scope (all when none is given)");
    require_message(web::parse_year_close(body));
}

// "QUERY\nBODY" of POST /api/import/readers: the body is viewed, never copied.
void import(std::string_view input) {
    const auto newline = input.find('\n');
    httplib::Params params;
    httplib::detail::parse_query_text(std::string(input.substr(0, newline)), params);
    const auto body = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    const auto request = web::parse_import_request("readers", params, body);
    require_message(request);
    if (request) {
        const auto& file = std::get<answers::UploadedFile>(request->file);
        fuzz::require(file.bytes.data() == body.data() && file.bytes.size() == body.size() && !body.empty(),
                      "an import views the whole body");
        fuzz::require(!file.name.empty() && within(file.name, 255) && within(request->sheet, web::max_name_bytes),
                      "an import's file and sheet names are within their limits");
    }
}

void cookies(std::string_view header) {
    const auto id = web::session_id_from_cookies(header);
    fuzz::require(id.empty() || (id.data() >= header.data() && id.data() + id.size() <= header.data() + header.size()),
                  "the session id is part of the Cookie header");
    fuzz::require(id.find(';') == std::string_view::npos, "the session id ends at its cookie's end");
}

void listen(std::string_view text) {
    const auto address = app::parse_listen_address(text);
    if (address)
        fuzz::require(address->port >= 1 && address->port <= 65535 && address->host.find(']') == std::string::npos,
                      "a listen address has a port and a host without brackets");
}

// A decoded value encodes and decodes to itself; a refusal says what is wrong.
template <typename T>
void wire_value(const nlohmann::json& body) {
    const auto decoded = wire::decode<T>(body);
    if (!decoded) {
        fuzz::require(!decoded.error().message.empty(), "a refused wire value says what is wrong");
        return;
    }
    const nlohmann::json encoded = *decoded;
    const auto again = wire::decode<T>(nlohmann::json::parse(encoded.dump()));
    fuzz::require(again && *again == *decoded, "a decoded wire value round-trips");
}

// One body through every decoder of the station wire format.
void station_wire(std::string_view text) {
    const auto body = wire::parse_body(text);
    if (!body) return fuzz::require(!body.error().message.empty(), "a body that is not JSON is said so");
    wire_value<wire::ScanRequest>(*body);
    wire_value<wire::CommandRequest>(*body);
    wire_value<wire::PinRequest>(*body);
    wire_value<core::StationResult>(*body);
    wire_value<core::SessionSnapshot>(*body);
    wire_value<core::JournalEntry>(*body);
    // The librarian's panels (panel_wire.hpp): what a remote kiosk sends and what it reads back.
    wire_value<wire::IssueClassSetRequest>(*body);
    wire_value<wire::StocktakeStartRequest>(*body);
    wire_value<wire::SettingRequest>(*body);
    wire_value<core::IssueSetOutcome>(*body);
    wire_value<core::ClassSetProgress>(*body);
    wire_value<core::ProvisionReport>(*body);
    wire_value<std::vector<core::ClassDebtors>>(*body);
    wire_value<core::StocktakeReport>(*body);
    wire_value<core::LookupResult>(*body);
    wire_value<core::DemoSamples>(*body);
    wire_value<std::vector<core::CatalogEntry>>(*body);
}

}  // namespace

// The first byte as a digit ('0' login ... '6' import, '7' a setting and the PIN, '8' the station wire format), as
// the corpus's files begin.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (static_cast<std::uint8_t>(data[0] - '0') % 9) {
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
        case 5:
            actions(input);
            break;
        case 6:
            import(input);
            break;
        case 7:
            setting_and_pin(input);
            break;
        default:
            station_wire(input);
            break;
    }
    return 0;
}
