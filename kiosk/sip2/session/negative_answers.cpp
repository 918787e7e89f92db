#include "kiosk/sip2/session/negative_answers.hpp"

#include <utility>

namespace kitap::sip2 {
namespace {

// The request's fields an answer of its kind echoes, when it carried them.
std::vector<Field> echoed(const Message& request, std::initializer_list<std::string_view> ids) {
    std::vector<Field> fields;
    for (const auto id : ids)
        if (const auto value = request.field(id)) fields.push_back({std::string(id), std::string(*value)});
    return fields;
}

Message answer_of(std::string command, std::vector<FixedField> fixed, std::vector<Field> fields) {
    return Message{.command = std::move(command), .fixed = std::move(fixed), .fields = std::move(fields)};
}

}  // namespace

std::string answer_language(const Message& request) {
    const auto language = request.fixed_value("language");
    return language.empty() ? "000" : std::string(language);
}

std::string all_denied() { return std::string(patron_status_length, 'Y'); }

Message negative_answer(const Message& request, const std::string& date, const std::string& institution,
                        std::string screen_message) {
    const Field institution_field{"AO", institution};
    const Field message{"AF", std::move(screen_message)};
    const std::string language = answer_language(request);
    const auto& command = request.command;
    auto with = [&](std::vector<Field> fields) {
        fields.insert(fields.begin(), institution_field);
        fields.push_back(message);
        return fields;
    };
    auto patron = [&](std::string answer) {
        return answer_of(std::move(answer),
                         {{"patron_status", all_denied()}, {"language", language}, {"transaction_date", date}},
                         with(echoed(request, {"AA"})));
    };
    Message answer;
    if (command == "93") {
        answer = answer_of("94", {{"ok", "0"}}, {});
    } else if (command == "99") {
        answer = answer_of("98",
                           {{"online_status", "N"},
                            {"checkin_ok", "N"},
                            {"checkout_ok", "N"},
                            {"acs_renewal_policy", "N"},
                            {"status_update_ok", "N"},
                            {"offline_ok", "N"},
                            {"timeout_period", "000"},
                            {"retries_allowed", "000"},
                            {"date_time_sync", date},
                            {"protocol_version", "2.00"}},
                           with({}));
    } else if (command == "23" || command == "01") {
        answer = patron("24");
    } else if (command == "25") {
        answer = patron("26");
    } else if (command == "63") {
        answer = answer_of("64",
                           {{"patron_status", all_denied()},
                            {"language", language},
                            {"transaction_date", date},
                            {"hold_items_count", "0000"},
                            {"overdue_items_count", "0000"},
                            {"charged_items_count", "0000"},
                            {"fine_items_count", "0000"},
                            {"recall_items_count", "0000"},
                            {"unavailable_holds_count", "0000"}},
                           with(echoed(request, {"AA"})));
    } else if (command == "11" || command == "29") {
        answer = answer_of(command == "11" ? "12" : "30",
                           {{"ok", "0"},
                            {"renewal_ok", "N"},
                            {"magnetic_media", "U"},
                            {"desensitize", "N"},
                            {"transaction_date", date}},
                           with(echoed(request, {"AA", "AB"})));
    } else if (command == "09") {
        answer = answer_of(
            "10",
            {{"ok", "0"}, {"resensitize", "N"}, {"magnetic_media", "U"}, {"alert", "N"}, {"transaction_date", date}},
            with(echoed(request, {"AB"})));
    } else if (command == "17") {
        answer = answer_of(
            "18",
            {{"circulation_status", "01"}, {"security_marker", "00"}, {"fee_type", "01"}, {"transaction_date", date}},
            with(echoed(request, {"AB"})));
    } else if (command == "65") {
        answer = answer_of(
            "66", {{"ok", "0"}, {"renewed_count", "0000"}, {"unrenewed_count", "0000"}, {"transaction_date", date}},
            with({}));
    } else if (command == "35") {
        answer = answer_of("36", {{"end_session", "N"}, {"transaction_date", date}}, with(echoed(request, {"AA"})));
    } else if (command == "37") {
        answer = answer_of("38", {{"payment_accepted", "N"}, {"transaction_date", date}},
                           with(echoed(request, {"AA", "BK"})));
    } else if (command == "15") {
        answer = answer_of("16", {{"ok", "0"}, {"available", "N"}, {"transaction_date", date}},
                           with(echoed(request, {"AA", "AB"})));
    } else if (command == "19") {
        answer =
            answer_of("20", {{"item_properties_ok", "0"}, {"transaction_date", date}}, with(echoed(request, {"AB"})));
    } else {
        answer = answer_of("96", {}, {});  // 97 before any answer: nothing to resend
    }
    answer.sequence = request.sequence;
    return answer;
}

}  // namespace kitap::sip2
