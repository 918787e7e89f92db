#include "kiosk/app/outcome_json.hpp"

#include "kiosk/app/outcome_text.hpp"

namespace kitap::app {
namespace {

nlohmann::json held_items_json(const std::vector<core::HeldItem>& items) {
    auto list = nlohmann::json::array();
    for (const auto& item : items)
        list.push_back({{"code", item.code},
                        {"title", item.title},
                        {"quantity", item.quantity},
                        {"due", core::iso_date(item.due)}});
    return list;
}

}  // namespace

nlohmann::json outcome_json(const core::StationOutcome& outcome, core::StationMode mode, const Translator& tr) {
    nlohmann::json line{{"code", outcome.code},
                        {"kind", to_string(outcome.kind)},
                        {"outcome", to_string(outcome.outcome)},
                        {"reason", to_string(outcome.reason)},
                        {"message", outcome_message(outcome, tr)},
                        {"reader", outcome.reader ? nlohmann::json(outcome.reader->card) : nlohmann::json()},
                        {"due", outcome.due ? nlohmann::json(core::iso_date(*outcome.due)) : nlohmann::json()},
                        {"mode", to_string(mode)},
                        {"severity", to_string(core::severity(outcome))}};
    if (outcome.reader) line["reader_name"] = outcome.reader->name;
    if (!outcome.title.empty()) line["title"] = outcome.title;
    if (outcome.previous_holder) line["previous_holder"] = *outcome.previous_holder;
    if (!outcome.overdue.empty()) line["overdue"] = held_items_json(outcome.overdue);
    if (outcome.reason == core::Reason::limit_reached || outcome.reason == core::Reason::renewal_limit)
        line["limit"] = outcome.limit;
    if (outcome.outcome == core::Outcome::renewed) line["renewals"] = outcome.renewals;
    if (outcome.until) line["until"] = core::local_iso_timestamp(*outcome.until);
    if (outcome.reason == core::Reason::wrong_pin) line["tries_left"] = outcome.tries_left;
    if (outcome.off_curriculum) line["off_curriculum"] = true;
    if (outcome.condition) line["condition"] = to_string(*outcome.condition);
    if (outcome.compensation_tiyn) line["compensation"] = static_cast<double>(*outcome.compensation_tiyn) / 100.0;
    if (outcome.hold_for) {
        line["hold_for"] = outcome.hold_for->card;
        line["hold_for_name"] = outcome.hold_for->name;
        line["hold_for_class"] = outcome.hold_for->class_name;
    }
    if (!outcome.holds_ready.empty()) {
        auto ready = nlohmann::json::array();
        for (const auto& hold : outcome.holds_ready)
            ready.push_back({{"title", hold.title}, {"code", hold.code}, {"until", core::iso_date(hold.until)}});
        line["holds_ready"] = std::move(ready);
    }
    if (outcome.stocktake) {
        line["finding"] = to_string(outcome.stocktake->finding);
        if (outcome.stocktake->reason != core::UnexpectedReason::none)
            line["stocktake_reason"] = to_string(outcome.stocktake->reason);
        line["counted"] = outcome.stocktake->counted;
        line["repeated"] = outcome.stocktake->repeated;
    }
    return line;
}

}  // namespace kitap::app
