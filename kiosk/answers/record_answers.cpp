#include "kiosk/answers/record_answers.hpp"

#include "core/library/settings_service.hpp"
#include "kiosk/answers/documents.hpp"
#include "kiosk/answers/money_json.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace kitap::answers {
namespace {

using ordered = nlohmann::ordered_json;  // keys in the order the README lists them

ordered text_or_null(const std::string& text) { return text.empty() ? ordered() : ordered(text); }

ordered entry_json(const core::AuditEntry& entry) {
    return {{"at", core::iso_timestamp(entry.at)},
            {"at_local", core::local_iso_timestamp(entry.at)},
            {"station", entry.station},
            {"actor", entry.actor},
            {"account", entry.account ? ordered(*entry.account) : ordered()},
            {"action", entry.action},
            {"override", entry.override_kind ? ordered(to_string(*entry.override_kind)) : ordered()},
            {"reader", text_or_null(entry.reader_card)},
            {"reader_name", text_or_null(entry.reader_name)},
            {"item", text_or_null(entry.item_code)},
            {"title", text_or_null(entry.title)},
            {"quantity", entry.quantity ? ordered(*entry.quantity) : ordered()},
            {"detail", entry.detail}};
}

template <typename Key>
nlohmann::json named_numbers(const std::map<Key, int>& numbers) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, number] : numbers) out[std::string(to_string(key))] = number;
    return out;
}

const char* pin_problem_key(kiosk::PinFormat format) {
    switch (format) {
        case kiosk::PinFormat::too_short:
            return "cli.librarian.pin_too_short";
        case kiosk::PinFormat::too_long:
            return "cli.librarian.pin_too_long";
        case kiosk::PinFormat::not_digits:
        case kiosk::PinFormat::ok:
            break;
    }
    return "cli.librarian.pin_not_digits";
}

}  // namespace

ProblemOr<core::Timestamp> audit_since(const app::Translator& tr, const std::optional<std::string>& since_text,
                                       core::Timestamp now) {
    if (!since_text) return core::default_audit_since(now);
    if (const auto since = core::parse_audit_since(*since_text)) return *since;
    return tl::unexpected(bad_request("bad_since", tr("audit.error.bad_since", {{"value", *since_text}})));
}

// A stray byte in a detail cannot stop the listing: it is written as U+FFFD.
core::OrFault<void> write_audit_json(core::Library& library, core::Timestamp since, std::ostream& out) {
    const char* separator = "\n  ";
    out << '[';
    auto listed = library.audit().for_each_entry(since, [&](const core::AuditEntry& entry) {
        out << separator << entry_json(entry).dump(-1, ' ', false, ordered::error_handler_t::replace);
        separator = ",\n  ";
    });
    if (!listed) return listed;
    out << (*separator == ',' ? "\n]\n" : "]\n");
    return {};
}

AnswerOr audit_answer(const AnswerContext& context, const std::optional<std::string>& since_text) {
    const auto since = audit_since(context.tr, since_text, context.now);
    if (!since) return tl::unexpected(since.error());
    std::ostringstream out;
    if (auto written = write_audit_json(context.library, *since, out); !written)
        return tl::unexpected(fault_problem(written.error()));
    return Document{std::move(out).str(), ordered_json_type, "audit.json"};
}

AnswerOr acts_answer(const AnswerContext& context) {
    const auto acts = context.library.fund().writeoff_acts();
    if (!acts) return tl::unexpected(fault_problem(acts.error()));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& act : *acts)
        out.push_back({{"number", act.number},
                       {"date", act.date},
                       {"reason", to_string(act.reason)},
                       {"rows", act.rows},
                       {"copies", act.copies},
                       {"sum", tenge_json(act.sum_tiyn)}});
    return out;
}

AnswerOr settings_answer(const AnswerContext& context) {
    return answering([&]() -> AnswerOr {
        auto settings = context.library.settings();
        const auto language = stored(settings.get(std::string(core::kiosk_language_setting)));
        const auto idle = stored(settings.number(core::kiosk_idle_timeout_setting));
        const auto lock = stored(settings.number(core::kiosk_librarian_lock_setting));
        const auto& loans = context.config.rules.loans;
        const auto& source = context.config.source;
        return nlohmann::json{
            {"school_name", context.config.school.name},
            {"config_file", source ? nlohmann::json(source->string()) : nlohmann::json()},
            {"loan_days", named_numbers(loans.loan_days)},
            {"loan_limits", named_numbers(loans.loan_limits)},
            {"kiosk",
             {{std::string(core::kiosk_language_setting), language ? nlohmann::json(*language) : nlohmann::json()},
              {std::string(core::kiosk_idle_timeout_setting.key),
               idle.value_or(static_cast<int>(context.config.rules.station.idle_timeout.count()))},
              {std::string(core::kiosk_librarian_lock_setting.key),
               lock.value_or(core::kiosk_librarian_lock_setting.fallback)}}}};
    });
}

AnswerOr change_setting_answer(const AnswerContext& context, const std::string& key, const std::string& value,
                               const std::string& station) {
    const auto problem = context.library.settings().change(key, value, context.now, station);
    if (!problem) return tl::unexpected(fault_problem(problem.error()));
    if (*problem) {
        const std::string code(to_string(**problem));
        return tl::unexpected(
            bad_request(code, context.tr("answers.setting." + code, {{"key", key}, {"value", value}})));
    }
    return nlohmann::json{{"key", key}, {"value", value}};
}

AnswerOr librarian_pin_answer(const AnswerContext& context, const std::string& pin, const std::string& station) {
    return answering([&]() -> AnswerOr {
        const auto format = stored(kiosk::store_pin(context.library.settings(), pin));
        if (format != kiosk::PinFormat::ok)
            return tl::unexpected(bad_request(
                "bad_pin", context.tr(pin_problem_key(format), {{"length", std::to_string(pin.size())},
                                                                {"min", std::to_string(kiosk::min_new_pin_length)},
                                                                {"max", std::to_string(kiosk::max_pin_length)}})));
        stored(context.library.audit().record(
            {.at = context.now, .station = station, .action = core::LibrarianActionKind::pin_set}));
        return nlohmann::json{{"pin_set", true}};
    });
}

}  // namespace kitap::answers
