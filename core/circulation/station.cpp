#include "core/circulation/station.hpp"

#include "core/audit/overrides.hpp"
#include "core/circulation/returns.hpp"
#include "core/circulation/self_service_alerts.hpp"
#include "core/circulation/station_queries.hpp"
#include "core/db/write_transaction.hpp"
#include "core/security/secret_hash.hpp"
#include "core/text/enum_names.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kitap::core {
namespace {

constexpr auto reason_names = enum_names<Reason>({
    {Reason::none, ""},
    {Reason::unknown_code, "unknown_code"},
    {Reason::not_in_catalog, "not_in_catalog"},
    {Reason::no_session, "no_session"},
    {Reason::on_loan_to_other, "on_loan_to_other"},
    {Reason::reader_left, "reader_left"},
    {Reason::overdue_items, "overdue_items"},
    {Reason::limit_reached, "limit_reached"},
    {Reason::no_free_stock, "no_free_stock"},
    {Reason::scan_copy_label, "scan_copy_label"},
    {Reason::item_unavailable, "item_unavailable"},
    {Reason::written_off, "written_off"},
    {Reason::librarian_only, "librarian_only"},
    {Reason::already_has, "already_has"},
    {Reason::not_in_curriculum, "not_in_curriculum"},
    {Reason::textbook_debt, "textbook_debt"},
    {Reason::not_on_loan, "not_on_loan"},
    {Reason::no_stocktake, "no_stocktake"},
    {Reason::too_many_cards, "too_many_cards"},
    {Reason::pin_not_set, "pin_not_set"},
    {Reason::wrong_pin, "wrong_pin"},
    {Reason::pin_locked, "pin_locked"},
    {Reason::no_pin_pending, "no_pin_pending"},
    {Reason::renewal_limit, "renewal_limit"},
    {Reason::not_renewable, "not_renewable"},
    {Reason::needs_server, "needs_server"},
    {Reason::on_hold, "on_hold"},
    {Reason::card_blocked, "card_blocked"},
    {Reason::already_on_loan, "already_on_loan"},
    {Reason::not_an_item, "not_an_item"},
    {Reason::done, "done"},
    {Reason::idle_timeout, "idle_timeout"},
});

StationOutcome refused(StationOutcome outcome, Reason reason) {
    outcome.outcome = Outcome::refused;
    outcome.reason = reason;
    return outcome;
}

StationOutcome locked(StationOutcome outcome, Reason reason, Timestamp until) {
    outcome.until = until;
    return refused(std::move(outcome), reason);
}

std::string joined(const std::vector<std::string>& cards) {
    std::string text;
    for (const auto& card : cards) text += (text.empty() ? "" : ",") + card;
    return text;
}

Date due_date(const Rules& rules, const ReaderRecord& reader, const TitleRecord& title, Date today) {
    if (title.kind == TitleKind::textbook) return next_occurrence(today, rules.loans.textbook_due);
    return add_days(today, rules.loans.loan_days_for(reader.category, title.kind));
}

// A desk loan that overrides a pupil's rule says so, for the audit.
std::string loan_detail(const StationOutcome& outcome) {
    if (outcome.previous_holder) return std::string(moved_from_mark) + *outcome.previous_holder;
    if (outcome.hold_for) return std::string(kept_for_mark) + outcome.hold_for->card;
    if (outcome.off_curriculum) return std::string(off_curriculum_mark);
    return "";
}

std::optional<Condition> condition_of(Command command) {
    switch (command) {
        case Command::good:
            return Condition::good;
        case Command::worn:
            return Condition::worn;
        case Command::damaged:
            return Condition::damaged;
        case Command::lost:
            return Condition::lost;
        default:
            return std::nullopt;
    }
}

}  // namespace

constexpr auto station_mode_names = enum_names<StationMode>({
    {StationMode::self, "self"},
    {StationMode::desk, "desk"},
    {StationMode::return_, "return"},
    {StationMode::stocktake, "stocktake"},
});

std::string_view to_string(StationMode mode) { return station_mode_names.name_of(mode); }

std::optional<StationMode> station_mode_from(std::string_view name) { return station_mode_names.value_of(name); }

constexpr auto outcome_names = enum_names<Outcome>({
    {Outcome::session, "session"},
    {Outcome::loan, "loan"},
    {Outcome::returned, "return"},
    {Outcome::duplicate, "duplicate"},
    {Outcome::refused, "refused"},
    {Outcome::ended, "ended"},
    {Outcome::command, "command"},
    {Outcome::recorded, "recorded"},
    {Outcome::pin_required, "pin_required"},
    {Outcome::renewed, "renewed"},
});

std::string_view to_string(Outcome outcome) { return outcome_names.name_of(outcome); }

std::optional<Outcome> outcome_from(std::string_view name) { return outcome_names.value_of(name); }

std::string_view to_string(Reason reason) { return reason_names.name_of(reason); }

std::optional<Reason> reason_from(std::string_view name) { return reason_names.value_of(name); }

constexpr auto severity_names = enum_names<Severity>({
    {Severity::success, "success"},
    {Severity::notice, "notice"},
    {Severity::refusal, "refusal"},
    {Severity::fault, "fault"},
});

std::string_view to_string(Severity severity) { return severity_names.name_of(severity); }

Severity severity(const StationOutcome& outcome) {
    switch (outcome.outcome) {
        case Outcome::loan:
        case Outcome::returned:
        case Outcome::renewed:
            return Severity::success;
        case Outcome::session:
            return outcome.overdue.empty() ? Severity::success : Severity::refusal;
        case Outcome::refused:
            return Severity::refusal;
        case Outcome::recorded:
            break;
        case Outcome::duplicate:
        case Outcome::ended:
        case Outcome::command:
        case Outcome::pin_required:
            return Severity::notice;
    }
    // A stocktake scan: counted where it belongs, said plainly when out of place.
    if (!outcome.stocktake) return Severity::success;
    if (outcome.stocktake->repeated) return Severity::notice;
    const auto finding = outcome.stocktake->finding;
    return finding == StocktakeFinding::expected || finding == StocktakeFinding::counted ? Severity::success
                                                                                         : Severity::refusal;
}

std::optional<Reason> renewal_refusal(TitleKind kind, Date due, int renewals, bool reader_has_overdue,
                                      const LoanRules& rules, Date today) {
    // A textbook is lent to the end of the school year; a late item comes back first.
    if (kind == TitleKind::textbook || due < today) return Reason::not_renewable;
    if (reader_has_overdue) return Reason::overdue_items;
    if (renewals >= rules.max_renewals) return Reason::renewal_limit;
    return std::nullopt;
}

Station::Station(LibraryStore& store, Rules rules, StationMode mode, std::string name)
    : store_(store),
      ledger_(store.station_queries().ledger),
      stocktake_(store.station_queries().stocktake),
      rules_(std::move(rules)),
      holds_(store, rules_.loans.hold_days),
      mode_(mode),
      name_(std::move(name)),
      pins_(store.station_queries().pins) {}

StationResult Station::handle(const Scan& scan, Timestamp now, ScanIntent intent) {
    intent_ = intent;
    const struct Reset {
        ScanIntent& intent;
        ~Reset() { intent = ScanIntent::any; }
    } reset{intent_};
    return answer(now, [&] {
        if (auto refused = while_paused(scan, now)) return std::move(*refused);
        return handle_code(classify_code(scan.text, rules_.codes, store_), now);
    });
}

StationResult Station::handle(const StationCommand& command, Timestamp now) {
    return answer(now, [&] {
        if (const auto* renewal = std::get_if<RenewLoan>(&command)) return renew_by_button(renewal->loan_id, now);
        const Command chosen = std::get<Command>(command);
        // As if its barcode had been scanned, so the outcome reads the same either way.
        return handle_code({.kind = CodeKind::command, .code = command_code(chosen, rules_.codes), .command = chosen},
                           now);
    });
}

// Every input closes an idle session first and reports it, then its own outcome, then
// the station as it now stands.
template <typename Input>
StationResult Station::answer(Timestamp now, Input&& input) {
    StationResult result;
    if (auto ended = expire_idle_session(now)) result.outcomes.push_back(std::move(*ended));
    result.outcomes.push_back(input());
    result.session = snapshot(now);
    return result;
}

StationOutcome Station::handle_code(ClassifiedCode code, Timestamp now) {
    StationOutcome outcome;
    if (is_double_fire(code.code, now)) {
        outcome = StationOutcome{.code = code.code, .kind = code.kind, .outcome = Outcome::duplicate};
        if (session_) outcome.reader = summary_of(*session_);
    } else if (mode_ == StationMode::stocktake && code.kind != CodeKind::command) {
        outcome = on_stocktake_scan(std::move(code), now);  // the recorder commits each scan itself
        last_scan_ = LastScan{outcome.code, now, std::nullopt};
    } else {
        outcome = committed(now, [&] { return dispatch(std::move(code), now); });
    }
    last_activity_ = now;
    return outcome;
}

// One transaction for what an input changes; the code is remembered for the double-scan check.
template <typename Action>
StationOutcome Station::committed(Timestamp now, Action&& action) {
    pending_pin_.reset();  // whatever else is scanned, the card waiting for its PIN is forgotten
    WriteTransaction transaction(store_.db());
    holds_.expire(now, name_);  // so a copy kept past its last day is decided as the next reader's
    StationOutcome outcome = action();
    transaction.commit();
    last_scan_ = LastScan{outcome.code, now, session_ ? std::optional(session_->id) : std::nullopt};
    return outcome;
}

// Paused self-service refuses every scan unread: not even whether it is a card is told.
std::optional<StationOutcome> Station::while_paused(const Scan& scan, Timestamp now) const {
    if (mode_ != StationMode::self) return std::nullopt;
    const auto until = throttle_.paused_until(now);
    if (!until) return std::nullopt;
    return locked({.code = clean_scanned_text(scan.text, rules_.codes)}, Reason::too_many_cards, *until);
}

StationResult Station::submit_pin(std::string_view pin, Timestamp now) {
    return answer(now, [&] { return check_pin(pin, now); });
}

StationOutcome Station::check_pin(std::string_view pin, Timestamp now) {
    last_activity_ = now;
    if (!pending_pin_) return refused({.kind = CodeKind::reader}, Reason::no_pin_pending);
    const PendingPin pending = *pending_pin_;
    StationOutcome outcome{.code = pending.code, .kind = CodeKind::reader};
    // Hashed before the write transaction: a fraction of a second no other station waits for.
    const auto stored = pins_.find(pending.reader.id);
    const bool right = stored && is_reader_pin_format(pin) && verify_secret(stored->hash, pin);
    WriteTransaction transaction(store_.db());
    holds_.expire(now, name_);
    if (!stored) {  // cleared since the card was scanned: scan the card again
        pending_pin_.reset();
        outcome = refused(std::move(outcome), Reason::no_pin_pending);
    } else if (stored->locked_until && now < *stored->locked_until) {  // locked at another station meanwhile
        pending_pin_.reset();
        outcome = locked(std::move(outcome), Reason::pin_locked, *stored->locked_until);
    } else if (!right) {
        outcome = wrong_pin(std::move(outcome), pending.reader, now);
    } else {
        pending_pin_.reset();
        pins_.accepted(pending.reader.id);
        outcome = open_session(std::move(outcome), pending.reader, now);
    }
    transaction.commit();
    return outcome;
}

// Counted for the card, and in the audit log with whose card it was; nothing of the
// reader in the outcome.
StationOutcome Station::wrong_pin(StationOutcome outcome, const ReaderRecord& reader, Timestamp now) {
    const WrongPin wrong = pins_.wrong(reader.id, now);
    store_.log_event(
        {.at = now, .station = name_, .action = std::string(self_service_alert::wrong_pin), .reader_id = reader.id});
    if (!wrong.locked_until) {
        outcome.tries_left = wrong.tries_left;
        return refused(std::move(outcome), Reason::wrong_pin);
    }
    pending_pin_.reset();
    store_.log_event({.at = now,
                      .station = name_,
                      .action = std::string(self_service_alert::pin_locked),
                      .reader_id = reader.id,
                      .detail = "until=" + iso_timestamp(*wrong.locked_until)});
    return locked(std::move(outcome), Reason::pin_locked, *wrong.locked_until);
}

std::optional<StationOutcome> Station::expire_idle_session(Timestamp now) {
    if ((!session_ && !pending_pin_) || now - last_activity_ < rules_.station.idle_timeout) return std::nullopt;
    StationOutcome outcome{.outcome = Outcome::ended, .reason = Reason::idle_timeout};
    if (session_) outcome.reader = summary_of(*session_);
    if (pending_pin_) outcome.kind = CodeKind::reader;
    session_.reset();
    pending_pin_.reset();
    last_scan_.reset();
    renew_next_ = false;
    return outcome;
}

SessionSnapshot Station::snapshot(Timestamp now) {
    SessionSnapshot snapshot{.awaits_pin = pending_pin_.has_value(), .renewing = renew_next_};
    if (!session_) return snapshot;
    const Date today = local_date(now);
    snapshot.reader = summary_of(*session_);
    const auto held = store_.held_items(session_->id);
    const bool has_overdue =
        std::any_of(held.begin(), held.end(), [&](const HeldItem& item) { return item.due < today; });
    for (const auto& item : held)
        snapshot.held.push_back(
            {.item = item,
             .late = item.due < today,
             .renewable = !renewal_refusal(item.kind, item.due, item.renewals, has_overdue, rules_.loans, today)});
    std::stable_partition(snapshot.held.begin(), snapshot.held.end(),
                          [](const SessionItem& line) { return line.late; });
    auto lines = ledger_.class_set(session_->id);
    if (lines.empty()) return snapshot;
    SetProgress progress{.lines = std::move(lines)};
    for (const auto& line : progress.lines) {
        progress.needed += line.per_pupil;
        progress.held += std::min(line.held, line.per_pupil);
    }
    snapshot.class_set = std::move(progress);
    return snapshot;
}

bool Station::is_double_fire(const std::string& code, Timestamp now) const {
    const std::optional<RowId> session_id = session_ ? std::optional(session_->id) : std::nullopt;
    return last_scan_ && last_scan_->code == code && last_scan_->session_reader == session_id &&
           now - last_scan_->at < rules_.station.double_scan_window;
}

StationOutcome Station::dispatch(ClassifiedCode code, Timestamp now) {
    if (intent_ != ScanIntent::any) return on_item_as_intended(std::move(code), now);
    // KITAP-RENEW applies to the one scan after it, whatever that is.
    const bool renewing = std::exchange(renew_next_, false);
    switch (code.kind) {
        case CodeKind::reader:
            return on_reader(std::move(code), now);
        case CodeKind::command:
            return on_command(std::move(code));
        case CodeKind::copy:
            if (renewing) return renew_copy({.code = code.code, .kind = CodeKind::copy}, *code.copy, now);
            return on_copy(std::move(code), now);
        case CodeKind::title:
            if (renewing && code.title)
                return renew_title({.code = code.code, .kind = CodeKind::title}, *code.title, now);
            return on_title(std::move(code), now);
        case CodeKind::unknown:
            break;
    }
    return refused({.code = code.code, .kind = code.kind}, Reason::unknown_code);
}

// A scan a terminal said what to do with: only an item, and only that done to it.
StationOutcome Station::on_item_as_intended(ClassifiedCode code, Timestamp now) {
    if (code.kind == CodeKind::reader || code.kind == CodeKind::command)
        return refused({.code = code.code, .kind = code.kind}, Reason::not_an_item);
    if (code.kind == CodeKind::unknown) return refused({.code = code.code, .kind = code.kind}, Reason::unknown_code);
    // Without a reader's session the station would take a book on loan back: a checkout never does.
    if (intent_ == ScanIntent::lend && !session_)
        return refused({.code = code.code, .kind = code.kind}, Reason::no_session);
    if (intent_ != ScanIntent::renew)
        return code.kind == CodeKind::copy ? on_copy(std::move(code), now) : on_title(std::move(code), now);
    if (code.kind == CodeKind::copy) return renew_copy({.code = code.code, .kind = CodeKind::copy}, *code.copy, now);
    if (!code.title) return refused({.code = code.code, .kind = code.kind}, Reason::not_in_catalog);
    return renew_title({.code = code.code, .kind = CodeKind::title}, *code.title, now);
}

StationOutcome Station::on_reader(ClassifiedCode code, Timestamp now) {
    const ReaderRecord& reader = *code.reader;
    StationOutcome outcome{.code = code.code, .kind = CodeKind::reader};
    session_.reset();  // another card always ends the current session first
    if (mode_ == StationMode::self) {
        if (throttle_.refuses_card(now)) return pause_self_service(std::move(outcome), reader, now);
        if (reader.card_blocked) return refused(std::move(outcome), Reason::card_blocked);
        if (auto asked = ask_for_pin(outcome, reader, now)) return std::move(*asked);
    }
    return open_session(std::move(outcome), reader, now);
}

StationOutcome Station::pause_self_service(StationOutcome outcome, const ReaderRecord& reader, Timestamp now) {
    const auto cards = throttle_.pause(reader.card, now);
    const Timestamp until = *throttle_.paused_until(now);
    store_.log_event({.at = now,
                      .station = name_,
                      .action = std::string(self_service_alert::paused),
                      .reader_id = reader.id,
                      .detail = "cards=" + joined(cards)});
    return locked(std::move(outcome), Reason::too_many_cards, until);
}

// With reader PINs on, a card whose reader has one (or must have one) shows nothing
// of the reader until the PIN is right: nullopt when it opens the session straight away.
std::optional<StationOutcome> Station::ask_for_pin(StationOutcome outcome, const ReaderRecord& reader, Timestamp now) {
    const ReaderPinPolicy policy = rules_.station.reader_pin;
    if (policy == ReaderPinPolicy::off) return std::nullopt;
    const auto pin = pins_.find(reader.id);
    if (!pin) {
        if (policy == ReaderPinPolicy::required) return refused(std::move(outcome), Reason::pin_not_set);
        return std::nullopt;
    }
    if (pin->locked_until && now < *pin->locked_until)
        return locked(std::move(outcome), Reason::pin_locked, *pin->locked_until);
    pending_pin_ = PendingPin{outcome.code, reader};
    outcome.outcome = Outcome::pin_required;
    return outcome;
}

StationOutcome Station::open_session(StationOutcome outcome, const ReaderRecord& reader, Timestamp now) {
    outcome.reader = summary_of(reader);
    if (!reader.active) return refused(std::move(outcome), Reason::reader_left);
    session_ = reader;
    if (mode_ == StationMode::self) throttle_.session_opened(reader.card, now);
    const Date today = local_date(now);
    if (store_.record_visit(reader.id, today, name_))
        store_.log_event({.at = now, .station = name_, .actor = actor(), .action = "visit", .reader_id = reader.id});
    outcome.outcome = Outcome::session;
    outcome.overdue = store_.overdue_items(reader.id, today);
    outcome.holds_ready = holds_.ready_for(reader.id);
    return outcome;
}

StationOutcome Station::on_command(ClassifiedCode code) {
    StationOutcome outcome{.code = code.code, .kind = CodeKind::command, .command = code.command};
    const Command command = *code.command;
    if (command == Command::renew) return arm_renewal(std::move(outcome));
    if (command != Command::done && mode_ == StationMode::self) {
        outcome.asks_for_librarian = command == Command::mode_desk;
        return refused(std::move(outcome), Reason::librarian_only);
    }
    if (auto condition = condition_of(command)) {
        next_condition_ = *condition;  // applies to the next return only
        outcome.outcome = Outcome::command;
        outcome.condition = condition;
        if (session_) outcome.reader = summary_of(*session_);
        return outcome;
    }
    if (session_) outcome.reader = summary_of(*session_);
    session_.reset();
    outcome.outcome = Outcome::ended;
    if (command == Command::done) outcome.reason = Reason::done;
    if (command == Command::mode_self) mode_ = StationMode::self;
    if (command == Command::mode_desk) mode_ = StationMode::desk;
    if (command == Command::mode_return) mode_ = StationMode::return_;
    if (command == Command::mode_stocktake) mode_ = StationMode::stocktake;
    return outcome;
}

// KITAP-RENEW: the next item is renewed. At self-service only within a session (whose
// reader's loans it renews); the librarian's stations renew whoever holds a copy.
StationOutcome Station::arm_renewal(StationOutcome outcome) {
    if (session_) outcome.reader = summary_of(*session_);
    if (mode_ == StationMode::stocktake) return refused(std::move(outcome), Reason::not_renewable);
    if (mode_ == StationMode::self && !session_) return refused(std::move(outcome), Reason::no_session);
    renew_next_ = true;
    outcome.outcome = Outcome::command;
    return outcome;
}

// The button beside a book in the session list: that loan, if it is still the session reader's.
StationOutcome Station::renew_by_button(RowId loan_id, Timestamp now) {
    renew_next_ = false;
    const auto loan = store_.open_loan(loan_id);
    const auto title = loan ? store_.title_by_id(loan->title_id) : std::nullopt;
    StationOutcome outcome{.code = loan ? loan->code : "",
                           .kind = loan && loan->copy_id ? CodeKind::copy : CodeKind::title};
    if (title) outcome.title = title->title;
    if (session_) outcome.reader = summary_of(*session_);
    if (is_double_fire(outcome.code, now)) {  // a double tap renews once
        outcome.outcome = Outcome::duplicate;
        last_activity_ = now;
        return outcome;
    }
    outcome = committed(now, [&] {
        if (!title || !session_ || loan->reader_id != session_->id)
            return refused(std::move(outcome), Reason::not_renewable);
        return renew(std::move(outcome), *loan, *title, now);
    });
    last_activity_ = now;
    return outcome;
}

StationOutcome Station::renew_copy(StationOutcome outcome, const CopyRecord& copy, Timestamp now) {
    outcome.title = copy.title.title;
    if (session_) outcome.reader = summary_of(*session_);
    const auto loan = store_.open_loan_of_copy(copy.id);
    // Self-service renews only the session reader's own; the librarian renews anyone's.
    const bool mine = loan && (session_ ? loan->reader_id == session_->id : mode_ != StationMode::self);
    if (!mine) return refused(std::move(outcome), Reason::not_renewable);
    return renew(std::move(outcome), *loan, copy.title, now);
}

// A title-level loan is found by its reader, so it needs a session.
StationOutcome Station::renew_title(StationOutcome outcome, const TitleRecord& title, Timestamp now) {
    outcome.title = title.title;
    if (!session_) return refused(std::move(outcome), Reason::no_session);
    outcome.reader = summary_of(*session_);
    const auto loan = store_.open_title_loan(session_->id, title.id);
    if (!loan) return refused(std::move(outcome), Reason::not_renewable);
    return renew(std::move(outcome), *loan, title, now);
}

// The new due date is today plus the loan period, never earlier than the one it had.
StationOutcome Station::renew(StationOutcome outcome, const OpenLoan& loan, const TitleRecord& title, Timestamp now) {
    const Date today = local_date(now);
    const auto holder = session_ && session_->id == loan.reader_id ? session_ : store_.reader_by_card(loan.reader_card);
    outcome.reader = summary_of(*holder);
    outcome.overdue = store_.overdue_items(holder->id, today);
    outcome.limit = rules_.loans.max_renewals;
    if (auto refusal =
            renewal_refusal(title.kind, loan.due, loan.renewals, !outcome.overdue.empty(), rules_.loans, today))
        return refused(std::move(outcome), *refusal);
    const Date due = std::max(loan.due, add_days(today, rules_.loans.loan_days_for(holder->category, title.kind)));
    store_.renew_loan(loan.id, due);
    log(now, "renew", holder->id, title, loan.copy_id, loan.quantity, "due=" + iso_date(due));
    if (session_) throttle_.session_used();
    outcome.outcome = Outcome::renewed;
    outcome.due = due;
    outcome.renewals = loan.renewals + 1;
    return outcome;
}

StationOutcome Station::on_copy(ClassifiedCode code, Timestamp now) {
    const CopyRecord& copy = *code.copy;
    StationOutcome outcome{.code = code.code, .kind = CodeKind::copy, .title = copy.title.title};
    if (session_) outcome.reader = summary_of(*session_);
    auto loan = store_.open_loan_of_copy(copy.id);
    if (mode_ == StationMode::return_ || intent_ == ScanIntent::take_back)
        return on_returned_item(std::move(outcome), loan, copy.title, copy.id, now);
    if (loan) {
        const bool own = session_ && loan->reader_id == session_->id;
        if (own && intent_ == ScanIntent::lend) return refused(std::move(outcome), Reason::already_on_loan);
        if (!session_ || own) return on_returned_item(std::move(outcome), loan, copy.title, copy.id, now);
        if (mode_ == StationMode::desk) return move_to_session_reader(std::move(outcome), *loan, copy, now);
        return refused(std::move(outcome), Reason::on_loan_to_other);
    }
    if (copy.status == CopyStatus::written_off) return refused(std::move(outcome), Reason::written_off);
    if (copy.status == CopyStatus::lost) return refused(std::move(outcome), Reason::item_unavailable);
    if (!session_) return refused(std::move(outcome), Reason::no_session);
    const auto kept = holds_.kept_copy(copy.id);
    if (auto refused = kept_for_other(outcome, kept)) return std::move(*refused);
    const Date today = local_date(now);
    auto refusal = copy.title.kind == TitleKind::textbook ? textbook_refusal(copy.title, today, outcome)
                                                          : loan_refusal(copy.title, today, outcome);
    if (refusal) return refused(std::move(outcome), *refusal);
    return lend(std::move(outcome), copy.title, copy.id, now, kept);
}

StationOutcome Station::on_title(ClassifiedCode code, Timestamp now) {
    StationOutcome outcome{.code = code.code, .kind = CodeKind::title};
    if (!code.title) return refused(std::move(outcome), Reason::not_in_catalog);
    const TitleRecord& title = *code.title;
    outcome.title = title.title;
    // Which pupil hands a counted textbook back matters, so title-level scans need a card.
    if (!session_) return refused(std::move(outcome), Reason::no_session);
    outcome.reader = summary_of(*session_);
    auto held = store_.open_title_loan(session_->id, title.id);
    if (mode_ == StationMode::return_ || intent_ == ScanIntent::take_back)
        return on_returned_item(std::move(outcome), held, title, std::nullopt, now);
    // Scanning a held non-textbook again gives it back, as with a labelled copy;
    // textbooks are counted against the class set instead (see textbook_refusal).
    if (held && title.kind != TitleKind::textbook) {
        if (intent_ == ScanIntent::lend) return refused(std::move(outcome), Reason::already_on_loan);
        return on_returned_item(std::move(outcome), held, title, std::nullopt, now);
    }
    if (title.stock == 0 && title.item_copies > 0) return refused(std::move(outcome), Reason::scan_copy_label);
    return lend_title(std::move(outcome), title, now);
}

StationOutcome Station::on_stocktake_scan(ClassifiedCode code, Timestamp now) {
    StationOutcome outcome{.code = code.code, .kind = code.kind};
    auto found = stocktake_.record(code.code, now, name_);
    outcome.title = found.title;
    if (found.finding == StocktakeFinding::no_stocktake) return refused(std::move(outcome), Reason::no_stocktake);
    if (found.finding == StocktakeFinding::unknown) return refused(std::move(outcome), Reason::unknown_code);
    outcome.outcome = Outcome::recorded;
    outcome.stocktake = std::move(found);
    return outcome;
}

StationOutcome Station::lend_title(StationOutcome outcome, const TitleRecord& title, Timestamp now) {
    const Date today = local_date(now);
    auto refusal = title.kind == TitleKind::textbook ? textbook_refusal(title, today, outcome)
                                                     : loan_refusal(title, today, outcome);
    if (refusal) return refused(std::move(outcome), *refusal);
    const int free = title.stock - store_.title_quantity_on_loan(title.id);
    if (free <= 0) return refused(std::move(outcome), Reason::no_free_stock);
    std::optional<KeptHold> kept;
    if (free <= holds_.kept_units(title.id, session_->id)) kept = holds_.kept_unit(title.id, session_->id);
    if (auto refused = kept_for_other(outcome, kept)) return std::move(*refused);
    return lend(std::move(outcome), title, std::nullopt, now, kept);
}

// What a hold keeps for another reader: refused at self-service, lent at the desk as
// a flagged override (the outcome names the waiting reader).
std::optional<StationOutcome> Station::kept_for_other(StationOutcome& outcome, std::optional<KeptHold> kept) {
    if (!kept || kept->reader.card == session_->card) return std::nullopt;
    if (mode_ == StationMode::self) return refused(outcome, Reason::on_hold);
    outcome.hold_for = kept->reader;
    return std::nullopt;
}

// Textbooks follow the class set rather than the main fund's limits: a pupil gets
// what the curriculum of their grade and language gives, once; the desk may issue
// beyond it (flagged); last year's book of the same subject must come back first.
std::optional<Reason> Station::textbook_refusal(const TitleRecord& title, Date today, StationOutcome& outcome) {
    if (auto debt = ledger_.earlier_year_debt(session_->id, title.subject, school_year_start(today))) {
        outcome.overdue = {*debt};
        return Reason::textbook_debt;
    }
    const auto line = ledger_.set_line(session_->id, title.id);
    const int held = line ? line->held : ledger_.held(session_->id, title.id);
    const int allowed = line ? line->per_pupil : 1;
    if (held >= allowed) return Reason::already_has;
    if (line || session_->category != ReaderCategory::pupil) return std::nullopt;
    if (mode_ == StationMode::self) return Reason::not_in_curriculum;
    outcome.off_curriculum = true;
    return std::nullopt;
}

std::optional<Reason> Station::loan_refusal(const TitleRecord& title, Date today, StationOutcome& outcome) {
    outcome.overdue = store_.overdue_items(session_->id, today);
    if (!outcome.overdue.empty()) return Reason::overdue_items;
    if (title.kind == TitleKind::textbook) return std::nullopt;
    outcome.limit = rules_.loans.loan_limit_for(session_->category);
    if (store_.open_main_fund_loans(session_->id) >= outcome.limit) return Reason::limit_reached;
    return std::nullopt;
}

// `kept`: what a hold kept, lent to its own reader or (at the desk) to another.
StationOutcome Station::lend(StationOutcome outcome, const TitleRecord& title, std::optional<RowId> copy_id,
                             Timestamp now, std::optional<KeptHold> kept) {
    if (kept && kept->reader.card != session_->card) holds_.requeue(*kept, now, name_);
    const Date due = due_date(rules_, *session_, title, local_date(now));
    store_.insert_loan({.reader_id = session_->id,
                        .title_id = title.id,
                        .copy_id = copy_id,
                        .quantity = 1,
                        .at = now,
                        .due = due,
                        .station = name_});
    log(now, "loan", session_->id, title, copy_id, 1, loan_detail(outcome));
    holds_.fulfil(session_->id, title.id, copy_id, now, name_, actor());
    throttle_.session_used();
    outcome.outcome = Outcome::loan;
    outcome.due = due;
    return outcome;
}

StationOutcome Station::on_returned_item(StationOutcome outcome, std::optional<OpenLoan> loan, const TitleRecord& title,
                                         std::optional<RowId> copy_id, Timestamp now) {
    if (!loan) return refused(std::move(outcome), Reason::not_on_loan);
    const auto taken =
        take_back(store_, holds_,
                  {.loan = *loan, .title = title, .copy_id = copy_id, .quantity = 1, .condition = next_condition_}, now,
                  name_, actor());
    next_condition_ = Condition::good;       // a condition is chosen for one return at a time
    if (session_) throttle_.session_used();  // not a book handed in with no card: that opened no session
    if (!outcome.reader) {
        if (auto holder = store_.reader_by_card(loan->reader_card)) outcome.reader = summary_of(*holder);
    }
    outcome.outcome = Outcome::returned;
    outcome.condition = taken.condition;
    outcome.compensation_tiyn = taken.compensation_tiyn;
    outcome.hold_for = taken.kept_for;
    return outcome;
}

StationOutcome Station::move_to_session_reader(StationOutcome outcome, const OpenLoan& loan, const CopyRecord& copy,
                                               Timestamp now) {
    if (auto refusal = loan_refusal(copy.title, local_date(now), outcome)) return refused(std::move(outcome), *refusal);
    store_.return_loan(loan, 1, now);
    log(now, "return", loan.reader_id, copy.title, copy.id, 1, std::string(moved_to_mark) + session_->card);
    outcome.previous_holder = loan.reader_card;
    return lend(std::move(outcome), copy.title, copy.id, now);
}

void Station::log(Timestamp now, std::string action, std::optional<RowId> reader, const TitleRecord& title,
                  std::optional<RowId> copy_id, int quantity, std::string detail) {
    store_.log_event({.at = now,
                      .station = name_,
                      .actor = actor(),
                      .action = std::move(action),
                      .reader_id = reader,
                      .title_id = title.id,
                      .copy_id = copy_id,
                      .quantity = quantity,
                      .detail = std::move(detail)});
}

// Only the librarian can put a station in any mode but self-service; there, the
// reader whose card opened the session acts, and nobody before a card.
EventActor Station::actor() const {
    if (mode_ != StationMode::self) return {ActorRole::librarian};
    if (!session_) return {ActorRole::none};
    return {ActorRole::reader, session_->card};
}

}  // namespace kitap::core
