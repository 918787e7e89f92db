#include "kiosk/app/outcome_text.hpp"

#include <cstdio>

namespace kitap::app {
namespace {

std::string item_list(const std::vector<core::HeldItem>& items, Language language) {
    std::string list;
    for (const auto& item : items) {
        if (!list.empty()) list += "; ";
        list += item.title + " (" + display_date(item.due, language) + ")";
    }
    return list;
}

// "5Ә Қасымова Айгерім": a reader as the one who puts a book aside can find them.
std::string reader_label(const core::ReaderSummary& reader) {
    return reader.class_name.empty() ? reader.name : reader.class_name + " " + reader.name;
}

MessageArgs arguments(const core::StationOutcome& outcome, const Translator& tr) {
    MessageArgs args{{"title", outcome.title},
                     {"items", item_list(outcome.overdue, tr.language())},
                     {"limit", std::to_string(outcome.limit)}};
    if (outcome.reader) args["name"] = outcome.reader->name;
    if (outcome.due) args["due"] = display_date(*outcome.due, tr.language());
    if (outcome.previous_holder) args["holder"] = *outcome.previous_holder;
    if (outcome.condition) args["condition"] = tr("condition." + std::string(to_string(*outcome.condition)));
    if (outcome.compensation_tiyn) args["amount"] = display_tenge(*outcome.compensation_tiyn, tr.language());
    if (outcome.until) {
        args["time"] = core::local_iso_timestamp(*outcome.until).substr(11, 5);  // 14:05, local
        args["day"] = display_date(core::local_date(*outcome.until), tr.language());
    }
    if (outcome.reason == core::Reason::wrong_pin) args["tries"] = std::to_string(outcome.tries_left);
    if (outcome.hold_for) args["kept_for"] = reader_label(*outcome.hold_for);
    if (!outcome.holds_ready.empty()) args["reserved"] = reserved_titles(outcome.holds_ready);
    return args;
}

std::string returned_key(const core::StationOutcome& outcome) {
    if (outcome.compensation_tiyn) return "outcome.return.compensation";
    if (outcome.hold_for) return "outcome.return.hold";
    if (outcome.condition && *outcome.condition != core::Condition::good) return "outcome.return.condition";
    return "outcome.return";
}

std::string loan_key(const core::StationOutcome& outcome) {
    if (outcome.previous_holder) return "outcome.loan.moved";
    if (outcome.hold_for) return "outcome.loan.hold_override";
    return outcome.off_curriculum ? "outcome.loan.off_curriculum" : "outcome.loan";
}

std::string message_key(const core::StationOutcome& outcome) {
    using core::Outcome;
    switch (outcome.outcome) {
        case Outcome::session:
            if (!outcome.overdue.empty()) return "outcome.session.overdue";
            return outcome.holds_ready.empty() ? "outcome.session" : "outcome.session.holds";
        case Outcome::loan:
            return loan_key(outcome);
        case Outcome::returned:
            return returned_key(outcome);
        case Outcome::command:
            return outcome.command == core::Command::renew ? "outcome.command.renew" : "outcome.command.condition";
        case Outcome::renewed:
            return "outcome.renewed";
        case Outcome::recorded:
            return "outcome.recorded." +
                   std::string(outcome.stocktake ? to_string(outcome.stocktake->finding) : "expected");
        case Outcome::duplicate:
            return "outcome.duplicate";
        case Outcome::refused:
            return "reason." + std::string(to_string(outcome.reason));
        case Outcome::pin_required:
            return "outcome.pin_required";
        case Outcome::ended:
            break;
    }
    if (outcome.reason == core::Reason::idle_timeout) return "outcome.ended.idle_timeout";
    if (outcome.command && *outcome.command != core::Command::done) return "outcome.ended.mode";
    return "outcome.ended";
}

}  // namespace

std::string reserved_titles(const std::vector<core::WaitingHold>& holds) {
    std::string list;
    for (const auto& hold : holds) list += (list.empty() ? "" : "; ") + hold.title;
    return list;
}

std::string display_date(core::Date date, Language language) {
    if (language == Language::en) return core::iso_date(date);
    char text[16];
    std::snprintf(text, sizeof text, "%02u.%02u.%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return text;
}

std::string display_tenge(std::int64_t tiyn, Language language) {
    std::string digits = std::to_string(tiyn / 100);
    const char* separator = language == Language::en ? "," : "\u00a0";
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), separator);
    char cents[8];
    std::snprintf(cents, sizeof cents, "%s%02lld", language == Language::en ? "." : ",",
                  static_cast<long long>(tiyn % 100));
    return digits + cents;
}

std::string outcome_message(const core::StationOutcome& outcome, const Translator& tr) {
    MessageArgs args = arguments(outcome, tr);
    if (outcome.command == core::Command::mode_self) args["mode"] = tr("mode.self");
    if (outcome.command == core::Command::mode_desk) args["mode"] = tr("mode.desk");
    if (outcome.command == core::Command::mode_return) args["mode"] = tr("mode.return");
    if (outcome.command == core::Command::mode_stocktake) args["mode"] = tr("mode.stocktake");
    if (outcome.stocktake) {
        args["counted"] = std::to_string(outcome.stocktake->counted);
        args["why"] = tr("stocktake_reason." + std::string(to_string(outcome.stocktake->reason)));
    }
    return tr(message_key(outcome), args);
}

}  // namespace kitap::app
