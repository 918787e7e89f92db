#include "kiosk/sip2/session/sip2_session.hpp"

#include "core/text/control_chars.hpp"
#include "kiosk/app/outcome_text.hpp"
#include "kiosk/sip2/codec/sip_date.hpp"
#include "kiosk/sip2/session/negative_answers.hpp"
#include "kiosk/sip2/session/sip2_amounts.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace kitap::sip2 {
namespace {

// A terminal that gets three logins wrong on one connection is cut off; the account's
// lockout (core) stops a guesser who reconnects.
constexpr int logins_per_connection = 3;
// The supported-messages field of the 98 answer, in SIP2's order: patron status,
// checkout, checkin, block patron, status, resend, login, patron information, end
// session, fee paid, item information, item status update, patron enable, hold,
// renew, renew all.
constexpr std::string_view supported_messages = "YYYYYYYYYYYNNNYY";

// The library could not be reached (a locked or full database): the message is
// answered no, with the fault said, and the terminal may try again.
struct Unavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

app::Language language_of(const std::string& code) {
    if (code == "ru") return app::Language::ru;
    if (code == "en") return app::Language::en;
    return app::Language::kk;
}

std::string count4(std::size_t count) {
    char text[8];
    std::snprintf(text, sizeof text, "%04zu", std::min<std::size_t>(count, 9999));
    return text;
}

std::string yes_no(bool yes) { return yes ? "Y" : "N"; }

// A name the audit log can show as a station: the terminal's location code as sent,
// made printable and cut, else the account's name.
std::string station_name(std::string_view location, const std::string& account) {
    const std::string printable = core::printable(location.substr(0, std::min<std::size_t>(location.size(), 64)));
    return printable.empty() ? "sip2:" + account : "sip2:" + printable;
}

core::Scan scan_of(std::string_view code) { return {.text = std::string(code), .source = "sip2"}; }

// What a 64 lists when its summary asks: BP..BQ, 1-based, of `lines` (the whole list
// when the range is absent or wrong).
std::vector<std::string> in_range(const Message& request, std::vector<std::string> lines) {
    auto number = [&](std::string_view id) -> std::optional<std::size_t> {
        const auto text = request.field(id);
        std::size_t value = 0;
        if (!text || std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc{})
            return std::nullopt;
        return value;
    };
    const auto first = number("BP");
    const auto last = number("BQ");
    if (!first || !last || *first < 1 || *last < *first) return lines;
    if (*first > lines.size()) return {};
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(std::min(*last, lines.size())), lines.end());
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(*first - 1));
    return lines;
}

// The summary's position for a list, 'Y' when the terminal asks for it.
bool summary_asks(const Message& request, std::size_t position) {
    const auto summary = request.fixed_value("summary");
    return position < summary.size() && summary[position] == 'Y';
}

// A list a 64 may carry, under its field id.
struct ItemList {
    const char* field;
    const std::vector<std::string>& lines;
};

// SIP2's patron status for a reader whose session is open: what the station would
// refuse them now, flag by flag.
std::string patron_flags(const core::ReaderRecord& reader, const std::vector<core::SessionItem>& held, int loan_limit) {
    using namespace patron_status_flag;
    std::string flags(patron_status_length, ' ');
    const bool overdue = std::any_of(held.begin(), held.end(), [](const auto& line) { return line.late; });
    const auto main_fund = std::count_if(held.begin(), held.end(),
                                         [](const auto& line) { return line.item.kind != core::TitleKind::textbook; });
    if (overdue) flags[charge_denied] = flags[renewal_denied] = flags[too_many_overdue] = 'Y';
    if (reader.card_blocked) flags[card_reported_lost] = 'Y';
    if (main_fund >= loan_limit) flags[too_many_charged] = 'Y';
    return flags;
}

}  // namespace

std::string institution_id(const std::optional<std::string>& school_id) { return school_id.value_or("kitap"); }

Sip2Session::Sip2Session(core::Library& library, SessionSettings settings, Peer peer, Clock clock)
    : library_(library), settings_(std::move(settings)), peer_(std::move(peer)), clock_(std::move(clock)) {}

std::string Sip2Session::answer(std::string_view bytes) {
    now_ = clock_();
    const auto request = parse_request(bytes);
    if (!request) {
        // 96: the message came garbled (a checksum that does not add up, a broken field);
        // the terminal sends it again. One that sent a checksum gets one.
        const bool checksummed = request.error().kind == ParseProblemKind::bad_checksum;
        return encode_answer(Message{.command = "96"},
                             checksummed || (terminal_ && terminal_->account.terminal.checksums));
    }
    if (request->command == "97" && !last_answer_.empty()) return last_answer_;
    Message reply;
    try {
        reply = respond(*request);
    } catch (const Unavailable& fault) {
        reply = negative_answer(*request, date_now(), settings_.institution, say("sip2.unavailable"));
    }
    reply.sequence = request->sequence;
    last_answer_ = encode_answer(reply, error_detection(*request));
    library_.release_reads();
    return last_answer_;
}

bool Sip2Session::error_detection(const Message& request) const {
    return request.had_checksum || (terminal_ && terminal_->account.terminal.checksums);
}

Message Sip2Session::respond(const Message& request) {
    const auto& command = request.command;
    if (command == "93") return log_in(request);
    if (!terminal_) return negative_answer(request, date_now(), settings_.institution, say("sip2.log_in_first"));
    const auto institution = request.field("AO");
    if (institution && !institution->empty() && *institution != settings_.institution)
        return negative_answer(request, date_now(), settings_.institution,
                               say("sip2.other_institution", {{"institution", std::string(*institution)}}));
    if (command == "99") return status();
    if (command == "23") return patron_status(request, false);
    if (command == "63") return patron_status(request, true);
    if (command == "11") return checkout(request);
    if (command == "09") return checkin(request);
    if (command == "17") return item_information(request);
    if (command == "29") return renew(request);
    if (command == "65") return renew_all(request);
    if (command == "35") return end_session(request);
    if (command == "37") return fee_paid(request);
    if (command == "01") return block_patron(request);
    return negative_answer(request, date_now(), settings_.institution, say("sip2.not_supported"));
}

Message Sip2Session::log_in(const Message& request) {
    Message refused{.command = "94", .fixed = {{"ok", "0"}}};
    if (terminal_) return refused;  // one login a connection: another account means another connection
    const auto logged_in =
        checked(library_.accounts().log_in(request.field("CN").value_or(""), request.field("CO").value_or(""),
                                           peer_.address, now_, core::LoginChannel::sip2));
    if (!logged_in) {
        finished_ =
            ++failed_logins_ >= logins_per_connection || logged_in.error().reason == core::LoginRefusal::locked_out;
        return refused;
    }
    const auto name = station_name(request.field("CP").value_or(""), logged_in->name);
    terminal_.emplace(Terminal{.account = *logged_in,
                               .location = name,
                               .station = library_.open_station(core::StationMode::self, name),
                               .tr = app::Translator(language_of(logged_in->terminal.language))});
    library_.act_as(logged_in->name);
    return {.command = "94", .fixed = {{"ok", "1"}}};
}

Message Sip2Session::status() {
    return {.command = "98",
            .fixed = {{"online_status", "Y"},
                      {"checkin_ok", "Y"},
                      {"checkout_ok", "Y"},
                      {"acs_renewal_policy", "Y"},
                      {"status_update_ok", "N"},
                      {"offline_ok", "N"},
                      {"timeout_period", "030"},
                      {"retries_allowed", "003"},
                      {"date_time_sync", date_now()},
                      {"protocol_version", "2.00"}},
            .fields = {{"AO", settings_.institution},
                       {"AM", settings_.library_name},
                       {"BX", std::string(supported_messages)},
                       {"AN", terminal_->location}}};
}

// The patron's session at the station: kept when it is theirs, else the card is
// scanned as at the kiosk (closing whoever's was open) and the PIN given as AD when
// the reader has one. A card no reader has is never scanned: an item's barcode sent
// as a patron must not return that item.
Sip2Session::PatronCheck Sip2Session::open_patron(const Message& request) {
    PatronCheck check;
    const std::string card(request.field("AA").value_or(""));
    check.reader = card.empty() ? std::nullopt : checked(library_.circulation().reader(card));
    if (!check.reader) return check;
    auto& station = terminal_->station;
    if (station.session_reader() && station.session_reader()->card == card) {
        check.open = check.password_ok = true;
        return check;
    }
    close_patron();
    auto result = checked(station.handle(scan_of(card), now_));
    if (result.last().outcome == core::Outcome::pin_required) {
        const auto pin = request.field("AD");
        if (!pin || pin->empty()) {
            station.cancel_pin();
            check.refusal = result.last();  // "enter your PIN": the terminal asks for it and sends it as AD
            return check;
        }
        result = checked(station.submit_pin(*pin, now_));
        station.cancel_pin();  // a wrong PIN is not kept waiting: the terminal asks again with its next message
    }
    const auto& outcome = result.last();
    if (outcome.outcome != core::Outcome::session) {
        check.refusal = outcome;
        return check;
    }
    holds_ready_ = outcome.holds_ready;
    check.open = check.password_ok = true;
    return check;
}

void Sip2Session::close_patron() {
    if (!terminal_->station.session_reader()) return;
    checked(terminal_->station.handle(core::StationCommand{core::Command::done}, now_));
    holds_ready_.clear();
}

Message Sip2Session::patron_status(const Message& request, bool information) {
    const auto check = open_patron(request);
    if (!check.reader) return negative_answer(request, date_now(), settings_.institution, say("sip2.unknown_patron"));
    const auto& reader = *check.reader;
    const auto held = check.open ? checked(terminal_->station.snapshot(now_)).held : std::vector<core::SessionItem>{};
    const auto clearance = checked(library_.circulation().clearance(reader.card));
    const auto flags =
        check.open ? patron_flags(reader, held, library_.rules().loans.loan_limit_for(reader.category)) : all_denied();
    std::int64_t owed = 0;
    std::vector<std::string> fines;
    if (clearance)
        for (const auto& compensation : clearance->compensations) {
            owed += compensation.amount_tiyn;
            fines.push_back(std::to_string(compensation.id) + " " + sip_amount(compensation.amount_tiyn) + " " +
                            compensation.title);
        }
    std::vector<Field> fields{{"AO", settings_.institution},
                              {"AA", reader.card},
                              {"AE", reader.name},
                              {"BL", "Y"},
                              {"CQ", yes_no(check.password_ok)}};
    if (owed > 0) {
        fields.push_back({"BH", "KZT"});
        fields.push_back({"BV", sip_amount(owed)});
    }
    const std::string language = answer_language(request);
    std::vector<FixedField> fixed{{"patron_status", flags}, {"language", language}, {"transaction_date", date_now()}};
    if (information) {
        std::vector<std::string> holds, late, charged;
        for (const auto& hold : holds_ready_) holds.push_back(hold.code + " " + hold.title);
        for (const auto& line : held) {
            charged.push_back(line.item.code);
            if (line.late) late.push_back(line.item.code);
        }
        fixed.push_back({"hold_items_count", count4(holds.size())});
        fixed.push_back({"overdue_items_count", count4(late.size())});
        fixed.push_back({"charged_items_count", count4(charged.size())});
        fixed.push_back({"fine_items_count", count4(fines.size())});
        fixed.push_back({"recall_items_count", "0000"});
        fixed.push_back({"unavailable_holds_count", "0000"});
        // The summary's positions, in SIP2's order: hold, overdue, charged, fine items.
        const ItemList lists[] = {{"AS", holds}, {"AT", late}, {"AU", charged}, {"AV", fines}};
        for (std::size_t position = 0; position < std::size(lists); ++position)
            if (summary_asks(request, position))
                for (auto& line : in_range(request, lists[position].lines))
                    fields.push_back({lists[position].field, std::move(line)});
    }
    fields.push_back({"AF", check.refusal ? say(*check.refusal) : say("sip2.patron_welcome", {{"name", reader.name}})});
    return {.command = information ? "64" : "24", .fixed = std::move(fixed), .fields = std::move(fields)};
}

Message Sip2Session::checkout(const Message& request) {
    const std::string item(request.field("AB").value_or(""));
    const auto check = open_patron(request);
    if (!check.open) {
        const auto why = check.refusal ? say(*check.refusal) : say("sip2.unknown_patron");
        return negative_answer(request, date_now(), settings_.institution, why);
    }
    // BI=Y: the terminal takes back a checkout it could not finish (the book stayed).
    const bool cancel = request.field("BI") == "Y";
    auto result = checked(
        terminal_->station.handle(scan_of(item), now_, cancel ? core::ScanIntent::take_back : core::ScanIntent::lend));
    auto outcome = result.last();
    // A checkout sent again (the terminal missed the answer) finds the loan made.
    std::optional<core::Date> due = outcome.due;
    if (outcome.outcome == core::Outcome::duplicate)
        for (const auto& line : result.session.held)
            if (line.item.code == outcome.code) due = line.item.due;
    const bool ok =
        cancel ? outcome.outcome == core::Outcome::returned
               : outcome.outcome == core::Outcome::loan || (outcome.outcome == core::Outcome::duplicate && due);
    if (!ok) return negative_answer(request, date_now(), settings_.institution, say(outcome));
    std::vector<Field> fields{
        {"AO", settings_.institution}, {"AA", check.reader->card}, {"AB", item}, {"AJ", outcome.title}};
    if (due && !cancel) fields.push_back({"AH", due_date(*due)});
    fields.push_back({"AF", say(outcome)});
    return {.command = "12",
            .fixed = {{"ok", "1"},
                      {"renewal_ok", "N"},
                      {"magnetic_media", "N"},
                      {"desensitize", yes_no(!cancel)},
                      {"transaction_date", date_now()}},
            .fields = std::move(fields)};
}

Message Sip2Session::checkin(const Message& request) {
    const std::string item(request.field("AB").value_or(""));
    close_patron();  // a returned book needs no card, and must not meet another reader's session
    const auto result = checked(terminal_->station.handle(scan_of(item), now_, core::ScanIntent::take_back));
    const auto& outcome = result.last();
    if (outcome.outcome != core::Outcome::returned)
        return negative_answer(request, date_now(), settings_.institution, say(outcome));
    // The sort bin: H for a book a reader waits for (the librarian keeps it aside),
    // T for a textbook, M for the rest of the main fund.
    const auto facts = checked(library_.lookup().item(item, 0));
    const bool textbook = (facts.copy && facts.copy->copy.title.kind == core::TitleKind::textbook) ||
                          (facts.title && facts.title->title.kind == core::TitleKind::textbook);
    const bool hold = outcome.hold_for.has_value();
    std::vector<Field> fields{
        {"AO", settings_.institution}, {"AB", item}, {"AQ", settings_.institution}, {"AJ", outcome.title}};
    if (outcome.reader) fields.push_back({"AA", outcome.reader->card});
    fields.push_back({"CL", hold ? "H" : textbook ? "T" : "M"});
    if (hold) {
        fields.push_back({"CV", "02"});  // hold for this library
        fields.push_back({"CY", outcome.hold_for->card});
        fields.push_back({"DA", outcome.hold_for->name});
    }
    fields.push_back({"AF", say(outcome)});
    return {.command = "10",
            .fixed = {{"ok", "1"},
                      {"resensitize", "Y"},
                      {"magnetic_media", "N"},
                      {"alert", yes_no(hold)},
                      {"transaction_date", date_now()}},
            .fields = std::move(fields)};
}

Message Sip2Session::item_information(const Message& request) {
    const std::string item(request.field("AB").value_or(""));
    const auto facts = checked(library_.lookup().item(item, 0));
    if (!facts.copy && !facts.title)
        return negative_answer(request, date_now(), settings_.institution, say("sip2.unknown_item"));
    // SIP2's circulation status: 03 available, 04 charged, 12 lost, 13 missing (written off).
    std::string status = "03";
    std::string title;
    std::optional<core::Date> due;
    if (facts.copy) {
        title = facts.copy->copy.title.title;
        due = facts.copy->due;
        switch (facts.copy->whereabouts) {
            case core::CopyWhereabouts::available:
                status = "03";
                break;
            case core::CopyWhereabouts::on_loan:
                status = "04";
                break;
            case core::CopyWhereabouts::lost:
                status = "12";
                break;
            case core::CopyWhereabouts::written_off:
                status = "13";
                break;
        }
    } else {
        title = facts.title->title.title;
        status = facts.title->free() > 0 ? "03" : "04";
    }
    std::vector<Field> fields{{"AB", item}, {"AJ", title}};
    if (due) fields.push_back({"AH", due_date(*due)});
    fields.push_back({"AQ", settings_.institution});
    fields.push_back({"BG", settings_.institution});
    return {.command = "18",
            .fixed = {{"circulation_status", status},
                      {"security_marker", "02"},
                      {"fee_type", "01"},
                      {"transaction_date", date_now()}},
            .fields = std::move(fields)};
}

Message Sip2Session::renew(const Message& request) {
    const std::string item(request.field("AB").value_or(""));
    const auto check = open_patron(request);
    if (!check.open)
        return negative_answer(request, date_now(), settings_.institution,
                               check.refusal ? say(*check.refusal) : say("sip2.unknown_patron"));
    const auto result = checked(terminal_->station.handle(scan_of(item), now_, core::ScanIntent::renew));
    const auto& outcome = result.last();
    if (outcome.outcome != core::Outcome::renewed)
        return negative_answer(request, date_now(), settings_.institution, say(outcome));
    return {.command = "30",
            .fixed = {{"ok", "1"},
                      {"renewal_ok", "Y"},
                      {"magnetic_media", "N"},
                      {"desensitize", "Y"},
                      {"transaction_date", date_now()}},
            .fields = {{"AO", settings_.institution},
                       {"AA", check.reader->card},
                       {"AB", item},
                       {"AJ", outcome.title},
                       {"AH", due_date(*outcome.due)},
                       {"AF", say(outcome)}}};
}

Message Sip2Session::renew_all(const Message& request) {
    const auto check = open_patron(request);
    if (!check.open)
        return negative_answer(request, date_now(), settings_.institution,
                               check.refusal ? say(*check.refusal) : say("sip2.unknown_patron"));
    std::vector<Field> renewed, unrenewed;
    for (const auto& line : checked(terminal_->station.snapshot(now_)).held) {
        const auto result =
            checked(terminal_->station.handle(core::StationCommand{core::RenewLoan{line.item.loan_id}}, now_));
        auto& list = result.last().outcome == core::Outcome::renewed ? renewed : unrenewed;
        list.push_back({&list == &renewed ? "BM" : "BN", line.item.code});
    }
    std::vector<Field> fields{{"AO", settings_.institution}};
    fields.insert(fields.end(), renewed.begin(), renewed.end());
    fields.insert(fields.end(), unrenewed.begin(), unrenewed.end());
    fields.push_back({"AF", say("sip2.renewed_all", {{"renewed", std::to_string(renewed.size())},
                                                     {"unrenewed", std::to_string(unrenewed.size())}})});
    return {.command = "66",
            .fixed = {{"ok", "1"},
                      {"renewed_count", count4(renewed.size())},
                      {"unrenewed_count", count4(unrenewed.size())},
                      {"transaction_date", date_now()}},
            .fields = std::move(fields)};
}

Message Sip2Session::end_session(const Message& request) {
    close_patron();
    std::vector<Field> fields{{"AO", settings_.institution}};
    if (const auto card = request.field("AA")) fields.push_back({"AA", std::string(*card)});
    fields.push_back({"AF", say("sip2.session_ended")});
    return {.command = "36",
            .fixed = {{"end_session", "Y"}, {"transaction_date", date_now()}},
            .fields = std::move(fields)};
}

Message Sip2Session::fee_paid(const Message& request) {
    const auto amount = parse_sip_amount(request.field("BV").value_or(""));
    const auto currency = request.fixed_value("currency_type");
    if (!amount || (!currency.empty() && currency != "KZT" && currency != "   "))
        return negative_answer(request, date_now(), settings_.institution,
                               say("sip2.fee.bad_amount", {{"amount", std::string(request.field("BV").value_or(""))}}));
    std::optional<core::RowId> fee;
    if (const auto id = request.field("CG"); id && !id->empty()) {
        core::RowId value = 0;
        if (std::from_chars(id->data(), id->data() + id->size(), value).ec != std::errc{})
            return negative_answer(request, date_now(), settings_.institution, say("sip2.fee.unknown_fee"));
        fee = value;
    }
    const auto paid =
        checked(library_.circulation().pay_compensations({.card = std::string(request.field("AA").value_or("")),
                                                          .compensation_id = fee,
                                                          .amount_tiyn = *amount,
                                                          .station = terminal_->location,
                                                          .now = now_}));
    const auto language = terminal_->tr.language();
    if (paid.refusal)
        return negative_answer(request, date_now(), settings_.institution,
                               say("sip2.fee." + std::string(core::to_string(*paid.refusal)),
                                   {{"owed", app::display_tenge(paid.owed_tiyn, language)}}));
    std::vector<Field> fields{{"AO", settings_.institution}, {"AA", std::string(request.field("AA").value_or(""))}};
    if (const auto transaction = request.field("BK")) fields.push_back({"BK", std::string(*transaction)});
    fields.push_back({"AF", say("sip2.fee.paid", {{"amount", app::display_tenge(*amount, language)}})});
    return {.command = "38",
            .fixed = {{"payment_accepted", "Y"}, {"transaction_date", date_now()}},
            .fields = std::move(fields)};
}

Message Sip2Session::block_patron(const Message& request) {
    const std::string card(request.field("AA").value_or(""));
    if (terminal_->station.session_reader() && terminal_->station.session_reader()->card == card) close_patron();
    const auto change = checked(library_.circulation().block_card(card, now_, terminal_->location));
    // The 24 that answers a block says every privilege denied, the card reported lost among them.
    return negative_answer(
        request, date_now(), settings_.institution,
        say(change == core::CardBlockChange::unknown_card ? "sip2.unknown_patron" : "sip2.card_blocked"));
}

template <typename Result>
Result Sip2Session::checked(core::OrFault<Result> result) {
    if (!result) throw Unavailable(std::string(core::to_string(result.error().kind)));
    return std::move(*result);
}

std::string Sip2Session::say(const core::StationOutcome& outcome) const {
    return app::outcome_message(outcome, terminal_->tr);
}

std::string Sip2Session::say(std::string_view key, const app::MessageArgs& args) const {
    const app::Translator fallback(app::Language::kk);
    return (terminal_ ? terminal_->tr : fallback)(key, args);
}

std::string Sip2Session::date_now() const {
    const core::Date today = core::local_date(now_);
    const auto since_midnight = std::chrono::duration_cast<std::chrono::seconds>(now_ - core::local_day_start(today));
    return sip_date(std::chrono::local_days(today) + since_midnight);
}

// Due at the end of its day, as the kiosk's slip says the day.
std::string Sip2Session::due_date(core::Date due) const {
    return sip_date(std::chrono::local_days(due) + std::chrono::hours(23) + std::chrono::minutes(59));
}

}  // namespace kitap::sip2
