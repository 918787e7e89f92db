#include "kiosk/web/action_requests.hpp"

#include <cstdint>
#include <limits>

namespace kitap::web {
namespace {

using nlohmann::json;

tl::unexpected<BadRequest> bad(std::string message) { return tl::unexpected(BadRequest{std::move(message)}); }

std::string quoted(std::string_view key) { return "\"" + std::string(key) + "\""; }

// ---- The body's keys -----------------------------------------------------------------

// The value under `key`, or nullptr when it is left out (absent, null or "").
const json* given(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return nullptr;
    if (found->is_string() && found->get_ref<const std::string&>().empty()) return nullptr;
    return &*found;
}

Parsed<bool> take(const json& object, const char* key, std::size_t max_bytes, std::optional<std::string>& field) {
    const auto* value = given(object, key);
    if (!value) return true;
    if (!value->is_string()) return bad(quoted(key) + " must be a string");
    if (value->get_ref<const std::string&>().size() > max_bytes)
        return bad(quoted(key) + " is longer than " + std::to_string(max_bytes) + " bytes");
    field = value->get<std::string>();
    return true;
}

// A string field whose default stays when the key is left out.
Parsed<bool> take(const json& object, const char* key, std::size_t max_bytes, std::string& field) {
    std::optional<std::string> value;
    auto taken = take(object, key, max_bytes, value);
    if (taken && value) field = std::move(*value);
    return taken;
}

Parsed<bool> take_required(const json& object, const char* key, std::size_t max_bytes, std::string& field) {
    auto value = required_string(object, key, max_bytes);
    if (!value) return tl::unexpected(value.error());
    field = std::move(*value);
    return true;
}

Parsed<bool> take_flag(const json& object, const char* key, bool& field) {
    const auto* value = given(object, key);
    if (!value) return true;
    if (!value->is_boolean()) return bad(quoted(key) + " must be true or false");
    field = value->get<bool>();
    return true;
}

// A whole number from 1 to `max`.
Parsed<std::optional<std::int64_t>> positive(const json& object, const char* key, std::int64_t max) {
    const auto* value = given(object, key);
    if (!value) return std::optional<std::int64_t>{};
    // A number above the int64 range reads as a negative one here, and is refused as one.
    const bool whole = value->is_number_integer();
    if (!whole || value->get<std::int64_t>() < 1 || value->get<std::int64_t>() > max)
        return bad(quoted(key) + " must be a whole number from 1 to " + std::to_string(max));
    return value->get<std::int64_t>();
}

Parsed<bool> take_count(const json& object, const char* key, int& field) {
    const auto count = positive(object, key, max_count);
    if (!count) return tl::unexpected(count.error());
    if (*count) field = static_cast<int>(**count);
    return true;
}

Parsed<bool> take_id(const json& object, const char* key, std::optional<long long>& field) {
    const auto id = positive(object, key, std::numeric_limits<std::int64_t>::max());
    if (!id) return tl::unexpected(id.error());
    if (*id) field = **id;
    return true;
}

// Inventory numbers: a list of at most max_listed codes.
Parsed<bool> take_codes(const json& object, const char* key, std::vector<std::string>& field) {
    const auto* value = given(object, key);
    if (!value) return true;
    const auto refused = bad(quoted(key) + " must be a list of at most " + std::to_string(max_listed) +
                             " inventory numbers, each of 1 to " + std::to_string(max_code_bytes) + " bytes");
    if (!value->is_array() || value->size() > max_listed) return refused;
    for (const auto& code : *value) {
        if (!code.is_string() || code.get_ref<const std::string&>().empty() ||
            code.get_ref<const std::string&>().size() > max_code_bytes)
            return refused;
        field.push_back(code.get<std::string>());
    }
    return true;
}

// Tenge as typed ("1 500,50") or as a JSON number; answers::receive reads the amount.
Parsed<bool> take_price(const json& object, std::string& field) {
    const auto* value = given(object, "price");
    if (!value) return bad("\"price\" is missing");
    if (value->is_number()) {
        field = value->dump();
        return true;
    }
    if (!value->is_string() || value->get_ref<const std::string&>().size() > max_name_bytes)
        return bad("\"price\" must be an amount in tenge such as \"1500\" or \"1 500,50\"");
    field = value->get<std::string>();
    return true;
}

// A body with one JSON object, filled into `request` by `fill` (its takes).
template <typename Request, typename Fill>
Parsed<Request> parse_body(std::string_view body, Request request, Fill fill) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    const auto taken = fill(*object, request);
    if (!taken) return tl::unexpected(taken.error());
    return request;
}

// ---- The query's parameters ---------------------------------------------------------

Parsed<bool> take_flag_parameter(const QueryParameters& query, const std::string& name, bool& field) {
    const auto value = single_parameter(query, name);
    if (!value) return tl::unexpected(value.error());
    if (!*value) return true;
    if (**value == "1" || **value == "true")
        field = true;
    else if (**value == "0" || **value == "false")
        field = false;
    else
        return bad("parameter \"" + name + "\" must be 1 or 0");
    return true;
}

Parsed<bool> take_parameter(const QueryParameters& query, const std::string& name, std::size_t max_bytes,
                            std::string& field) {
    auto value = single_parameter(query, name);
    if (!value) return tl::unexpected(value.error());
    if (!*value || (*value)->empty()) return true;  // "?class=": as if left out
    if ((*value)->size() > max_bytes)
        return bad("parameter \"" + name + "\" is longer than " + std::to_string(max_bytes) + " bytes");
    field = std::move(**value);
    return true;
}

}  // namespace

Parsed<answers::ImportRequest> parse_import_request(std::string_view kind, const QueryParameters& query,
                                                    std::string_view body) {
    const auto import_kind = answers::import_kind_from(kind);
    if (!import_kind) return bad("no such import: " + std::string(kind) + " (readers, catalog or curriculum)");
    answers::ImportRequest request{.kind = *import_kind};
    answers::UploadedFile file{.bytes = body, .name = "upload"};
    const auto taken = all_of({take_flag_parameter(query, "dry_run", request.dry_run),
                               take_parameter(query, "filename", 255, file.name),
                               take_parameter(query, "class", max_name_bytes, request.class_name),
                               take_parameter(query, "sheet", max_name_bytes, request.sheet),
                               take_flag_parameter(query, "all_sheets", request.all_sheets)});
    if (!taken) return tl::unexpected(taken.error());
    if (body.empty()) return bad("the body is empty: send the file's bytes as they are (not as a form)");
    request.file = std::move(file);
    return request;
}

Parsed<answers::IssueSetRequest> parse_issue_set(std::string_view body) {
    return parse_body(body, answers::IssueSetRequest{}, [](const json& object, answers::IssueSetRequest& request) {
        return all_of({take_required(object, "class", max_name_bytes, request.class_name),
                       take(object, "title", max_code_bytes, request.isbn),
                       take_flag(object, "dry_run", request.dry_run)});
    });
}

Parsed<answers::ReturnRequest> parse_return(std::string_view body) {
    return parse_body(body, answers::ReturnRequest{}, [](const json& object, answers::ReturnRequest& request) {
        return all_of({take_required(object, "card", max_code_bytes, request.card),
                       take(object, "isbn", max_code_bytes, request.isbn),
                       take(object, "copy", max_code_bytes, request.copy), take_count(object, "count", request.count),
                       take(object, "condition", max_name_bytes, request.condition)});
    });
}

Parsed<answers::SettleRequest> parse_settle(std::string_view body) {
    return parse_body(body, answers::SettleRequest{}, [](const json& object, answers::SettleRequest& request) {
        return all_of({take_required(object, "card", max_code_bytes, request.card), take_id(object, "id", request.id),
                       take(object, "as", max_name_bytes, request.how)});
    });
}

Parsed<answers::HoldRequest> parse_hold(std::string_view body) {
    auto request = parse_body(body, answers::HoldRequest{}, [](const json& object, answers::HoldRequest& request) {
        return all_of({take_required(object, "card", max_code_bytes, request.card),
                       take(object, "title", max_name_bytes, request.title),
                       take_id(object, "title_id", request.title_id)});
    });
    if (request && request->title.empty() == !request->title_id.has_value())
        return bad("give \"title\" (an ISBN, a copy's number or words of the title) or \"title_id\": one of them");
    return request;
}

Parsed<std::string> parse_catalog_fetch(std::string_view body) {
    const auto object = parse_json_object(body);
    if (!object) return tl::unexpected(object.error());
    return required_string(*object, "isbn", max_code_bytes);
}

Parsed<answers::ReceiveRequest> parse_receive(std::string_view body) {
    return parse_body(body, answers::ReceiveRequest{}, [](const json& object, answers::ReceiveRequest& request) {
        return all_of({take_required(object, "isbn", max_code_bytes, request.isbn),
                       take_count(object, "count", request.count), take_codes(object, "copies", request.copies),
                       take_price(object, request.price), take(object, "source", max_name_bytes, request.source),
                       take(object, "date", max_name_bytes, request.date),
                       take(object, "shelf", max_name_bytes, request.shelf)});
    });
}

Parsed<answers::WriteoffRequest> parse_writeoff(std::string_view body) {
    auto request =
        parse_body(body, answers::WriteoffRequest{}, [](const json& object, answers::WriteoffRequest& request) {
            return all_of({take_required(object, "reason", max_name_bytes, request.reason),
                           take(object, "act", max_name_bytes, request.act),
                           take(object, "isbn", max_code_bytes, request.isbn),
                           take_count(object, "count", request.count), take_codes(object, "copies", request.copies)});
        });
    // Labelled copies are named by their numbers: an ISBN beside them would be ignored, so it is refused.
    if (request && !request->isbn.empty() && !request->copies.empty())
        return bad("give \"isbn\" and \"count\", or \"copies\": not both");
    return request;
}

Parsed<answers::StocktakeStartRequest> parse_stocktake_start(std::string_view body) {
    return parse_body(body, answers::StocktakeStartRequest{},
                      [](const json& object, answers::StocktakeStartRequest& request) {
                          return take(object, "scope", max_name_bytes, request.scope);
                      });
}

Parsed<answers::YearCloseRequest> parse_year_close(std::string_view body) {
    return parse_body(body, answers::YearCloseRequest{}, [](const json& object, answers::YearCloseRequest& request) {
        return all_of({take(object, "year", max_name_bytes, request.year),
                       take_flag(object, "dry_run", request.dry_run), take_flag(object, "early", request.early)});
    });
}

}  // namespace kitap::web
