#include "kiosk/web/api_requests.hpp"

#include <charconv>
#include <initializer_list>
#include <iterator>

namespace kitap::web {
namespace {

constexpr std::size_t max_password_bytes = 1024;
constexpr std::size_t max_classes = 50;

tl::unexpected<BadRequest> bad(std::string message) { return tl::unexpected(BadRequest{std::move(message)}); }

}  // namespace

Parsed<std::string> required_string(const nlohmann::json& object, const char* key, std::size_t max_bytes) {
    const auto found = object.find(key);
    if (found == object.end()) return bad(std::string("\"") + key + "\" is missing");
    if (!found->is_string()) return bad(std::string("\"") + key + "\" must be a string");
    auto value = found->get<std::string>();
    if (value.empty()) return bad(std::string("\"") + key + "\" is empty");
    if (value.size() > max_bytes)
        return bad(std::string("\"") + key + "\" is longer than " + std::to_string(max_bytes) + " bytes");
    return value;
}

Parsed<nlohmann::json> parse_json_object(std::string_view body) {
    auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return bad("the body is not JSON");
    if (!parsed.is_object()) return bad("the body must be a JSON object");
    return parsed;
}

Parsed<LoginRequest> parse_login(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    auto user = required_string(*object, "user", max_name_bytes);
    if (!user) return tl::unexpected(user.error());
    auto password = required_string(*object, "password", max_password_bytes);
    if (!password) return tl::unexpected(password.error());
    return LoginRequest{.user = std::move(*user), .password = std::move(*password)};
}

Parsed<ScanRequest> parse_scan(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    auto code = required_string(*object, "code", max_code_bytes);
    if (!code) return tl::unexpected(code.error());
    auto mode_name = required_string(*object, "mode", max_name_bytes);
    if (!mode_name) return tl::unexpected(mode_name.error());
    // The librarian's modes only: "self" is the pupils' kiosk, never a logged-in desk.
    const auto mode = core::station_mode_from(*mode_name);
    if (!mode || *mode == core::StationMode::self) return bad("\"mode\" must be \"desk\", \"return\" or \"stocktake\"");
    return ScanRequest{.code = std::move(*code), .mode = *mode};
}

std::string_view session_id_from_cookies(std::string_view cookies) {
    while (!cookies.empty()) {
        const auto end = cookies.find(';');
        auto pair = cookies.substr(0, end);
        while (pair.starts_with(' ')) pair.remove_prefix(1);
        if (pair.starts_with(session_cookie_name) && pair.substr(session_cookie_name.size()).starts_with('='))
            return pair.substr(session_cookie_name.size() + 1);
        cookies = end == std::string_view::npos ? std::string_view{} : cookies.substr(end + 1);
    }
    return {};
}

Parsed<core::NewAccount> parse_new_account(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    auto name = required_string(*object, "name", max_name_bytes);
    if (!name) return tl::unexpected(name.error());
    const auto role_name = required_string(*object, "role", max_name_bytes);
    if (!role_name) return tl::unexpected(role_name.error());
    const auto role = core::account_role_from(*role_name);
    if (!role) return bad("\"role\" must be \"librarian\", \"teacher\" or \"director\"");
    auto password = required_string(*object, "password", max_password_bytes);
    if (!password) return tl::unexpected(password.error());
    std::vector<std::string> classes;
    if (const auto listed = object->find("classes"); listed != object->end()) {
        if (!listed->is_array() || listed->size() > max_classes)
            return bad("\"classes\" must be a list of at most " + std::to_string(max_classes) + " class names");
        for (const auto& class_name : *listed) {
            if (!class_name.is_string() || class_name.get<std::string>().empty() ||
                class_name.get<std::string>().size() > max_name_bytes)
                return bad("\"classes\" must hold class names such as \"5Ә\"");
            classes.push_back(class_name.get<std::string>());
        }
    }
    return core::NewAccount{
        .name = std::move(*name), .role = *role, .classes = std::move(classes), .password = std::move(*password)};
}

Parsed<std::string> parse_password(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    return required_string(*object, "password", max_password_bytes);
}

Parsed<int> count_parameter(const QueryParameters& query, const std::string& name, int max) {
    const auto text = single_parameter(query, name);
    if (!text) return tl::unexpected(text.error());
    if (!*text) return 0;
    const auto& digits = **text;
    int count = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || count < 0 || count > max)
        return bad("parameter \"" + name + "\" must be a whole number from 0 to " + std::to_string(max));
    return count;
}

Parsed<std::string> parse_setting_value(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    const auto value = object->find("value");
    if (value != object->end() && value->is_number_integer()) return value->dump();
    return required_string(*object, "value", max_name_bytes);
}

Parsed<std::string> parse_pin(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    return required_string(*object, "pin", max_name_bytes);
}

Parsed<std::optional<std::string>> single_parameter(const QueryParameters& query, const std::string& name) {
    const auto [first, last] = query.equal_range(name);
    if (first == last) return std::optional<std::string>{};
    if (std::next(first) != last) return bad("parameter \"" + name + "\" is given more than once");
    return std::optional<std::string>{first->second};
}

namespace {

// Fills `field` from the parameter `name` when given (once).
Parsed<bool> take(const QueryParameters& query, const std::string& name, std::optional<std::string>& field) {
    auto value = single_parameter(query, name);
    if (!value) return tl::unexpected(value.error());
    if (*value) field = std::move(**value);
    return true;
}

Parsed<bool> take_number(const QueryParameters& query, const std::string& name, std::optional<int>& field) {
    std::optional<std::string> text;
    if (auto taken = take(query, name, text); !taken) return taken;
    if (!text) return true;
    int number = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error != std::errc{} || end != text->data() + text->size())
        return bad("parameter \"" + name + "\" must be a whole number");
    field = number;
    return true;
}

std::vector<std::string> every(const QueryParameters& query, const std::string& name) {
    std::vector<std::string> values;
    for (auto [at, end] = query.equal_range(name); at != end; ++at) values.push_back(at->second);
    return values;
}

}  // namespace

Parsed<bool> all_of(std::initializer_list<Parsed<bool>> takes) {
    for (const auto& taken : takes)
        if (!taken) return taken;
    return true;
}

Parsed<answers::ReportRequest> parse_report_request(std::string_view kind, const QueryParameters& query) {
    const auto report = answers::report_kind_from(kind);
    if (!report) return bad("no such report: " + std::string(kind));
    answers::ReportRequest request{.kind = *report};
    std::optional<std::string> format;
    const auto taken = all_of({take(query, "format", format), take(query, "class", request.class_name),
                               take(query, "as_of", request.as_of), take(query, "year", request.year),
                               take(query, "for_year", request.for_year), take_number(query, "grade1", request.grade1),
                               take(query, "card", request.card)});
    if (!taken) return tl::unexpected(taken.error());
    if (format) request.format = *format;
    if (request.format == "text") return bad("parameter \"format\" must be json, csv, pdf or xlsx");
    return request;
}

Parsed<answers::LabelsRequest> parse_labels_request(std::string_view kind, const QueryParameters& query) {
    const auto labels = answers::labels_kind_from(kind);
    if (!labels) return bad("no such labels: " + std::string(kind));
    answers::LabelsRequest request{.kind = *labels};
    std::optional<std::string> symbology;
    std::optional<std::string> all;
    const auto taken = all_of({take_number(query, "new", request.new_count), take(query, "title", request.isbn),
                               take(query, "from", request.from), take(query, "to", request.to),
                               take(query, "symbology", symbology), take(query, "layout", request.layout),
                               take(query, "class", request.class_name), take(query, "all", all)});
    if (!taken) return tl::unexpected(taken.error());
    if (symbology) request.symbology = *symbology;
    if (all && *all != "1" && *all != "true") return bad("parameter \"all\" must be 1 or true");
    request.all = all.has_value();
    request.codes = every(query, "copy");
    request.cards = every(query, "card");
    if (request.codes.size() > max_listed || request.cards.size() > max_listed)
        return bad("at most " + std::to_string(max_listed) + " copies or cards in one request");
    return request;
}

Parsed<app::Language> requested_language(const QueryParameters& query, std::string_view accept_language) {
    const auto lang = single_parameter(query, "lang");
    if (!lang) return tl::unexpected(lang.error());
    if (*lang) {
        const auto language = app::language_from(**lang);
        if (!language || (*lang)->size() != 2) return bad("parameter \"lang\" must be kk, ru or en");
        return *language;
    }
    // "ru-RU,ru;q=0.9,en;q=0.8": the first tag we speak, in the browser's order.
    while (!accept_language.empty()) {
        const auto comma = accept_language.find(',');
        auto tag = accept_language.substr(0, comma);
        tag = tag.substr(0, tag.find(';'));
        while (tag.starts_with(' ')) tag.remove_prefix(1);
        if (const auto language = app::language_from(tag)) return *language;
        accept_language = comma == std::string_view::npos ? std::string_view{} : accept_language.substr(comma + 1);
    }
    return app::Language::en;
}

}  // namespace kitap::web
