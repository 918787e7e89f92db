#include "core/offline/offline_station.hpp"

#include "core/codes/check_digits.hpp"
#include "core/codes/code_classifier.hpp"
#include "core/db/write_transaction.hpp"
#include "core/offline/kiosk_file.hpp"

#include <algorithm>
#include <utility>

namespace kitap::core {
namespace {

StationOutcome refused(StationOutcome outcome, Reason reason) {
    outcome.outcome = Outcome::refused;
    outcome.reason = reason;
    return outcome;
}

}  // namespace

OfflineStation::OfflineStation(OfflineJournal& journal, Rules rules) : journal_(journal), rules_(std::move(rules)) {}

OrFault<StationResult> OfflineStation::handle(const Scan& scan, Timestamp now) {
    return answer(now, [&] {
        std::string code = clean_scanned_text(scan.text, rules_.codes);
        // Paused self-service refuses every scan unread, as Station does.
        if (const auto until = memory_.throttle.paused_until(now)) {
            auto outcome = refused({.code = std::move(code)}, Reason::too_many_cards);
            outcome.until = until;
            return outcome;
        }
        return handle_code(std::move(code), now);
    });
}

OrFault<StationResult> OfflineStation::handle(const StationCommand& command, Timestamp now) {
    return answer(now, [&] {
        if (const auto* renewal = std::get_if<RenewLoan>(&command)) return renew_by_button(*renewal, now);
        return handle_code(command_code(std::get<Command>(command), rules_.codes), now);
    });
}

// An idle session's end first, then the input's outcome, then the session: the input's
// journal entry and cache change commit together before the result is returned, or
// neither is kept, nor anything the station would have remembered of the input.
template <typename Input>
OrFault<StationResult> OfflineStation::answer(Timestamp now, Input&& input) {
    const Memory before = memory_;
    auto result = guarded([&] {
        StationResult result;
        if (auto ended = expire_idle_session(now)) result.outcomes.push_back(std::move(*ended));
        WriteTransaction transaction(journal_.file_->db);
        result.outcomes.push_back(input());
        result.session = session_snapshot(now);
        transaction.commit();
        return result;
    });
    if (!result) memory_ = before;
    return result;
}

std::optional<StationOutcome> OfflineStation::expire_idle_session(Timestamp now) {
    if (!memory_.session || now - memory_.last_activity < rules_.station.idle_timeout) return std::nullopt;
    StationOutcome outcome{
        .outcome = Outcome::ended, .reason = Reason::idle_timeout, .reader = summary_of(*memory_.session)};
    memory_.session.reset();
    memory_.last_scan.reset();
    return outcome;
}

OrFault<SessionSnapshot> OfflineStation::snapshot(Timestamp now) {
    return guarded([&] { return session_snapshot(now); });
}

// What the cache holds for the session's reader now, loans and returns made offline
// included. No book can be renewed offline: renewals are the server's.
SessionSnapshot OfflineStation::session_snapshot(Timestamp now) {
    SessionSnapshot snapshot;
    if (!memory_.session) return snapshot;
    if (auto fresh = journal_.file_->cache.reader(memory_.session->card)) memory_.session = std::move(*fresh);
    const Date today = local_date(now);
    snapshot.reader = summary_of(*memory_.session);
    for (const auto& item : memory_.session->held) snapshot.held.push_back({.item = item, .late = item.due < today});
    std::stable_partition(snapshot.held.begin(), snapshot.held.end(),
                          [](const SessionItem& line) { return line.late; });
    return snapshot;
}

StationOutcome OfflineStation::handle_code(std::string text, Timestamp now) {
    OfflineCode code = classify(std::move(text));
    StationOutcome outcome;
    if (is_double_fire(code.code, now)) {
        outcome = StationOutcome{.code = code.code, .kind = code.kind, .outcome = Outcome::duplicate};
        if (memory_.session) outcome.reader = summary_of(*memory_.session);
    } else {
        outcome = dispatch(std::move(code), now);
        memory_.last_scan =
            LastScan{outcome.code, now, memory_.session ? std::optional(memory_.session->card) : std::nullopt};
    }
    memory_.last_activity = now;
    return outcome;
}

// In Station's order: a reader card, a copy barcode, then a command; an ISBN is a title.
OfflineStation::OfflineCode OfflineStation::classify(std::string text) {
    OfflineCode code{.code = std::move(text)};
    auto& cache = journal_.file_->cache;
    if (code.code.empty()) return code;
    if ((code.reader = cache.reader(code.code)))
        code.kind = CodeKind::reader;
    else if ((code.copy = cache.copy(code.code)))
        code.kind = CodeKind::copy;
    else if ((code.command = parse_command(code.code, rules_.codes)))
        code.kind = CodeKind::command;
    else if (is_isbn13(code.code))
        code.kind = CodeKind::title;
    return code;
}

StationOutcome OfflineStation::dispatch(OfflineCode code, Timestamp now) {
    switch (code.kind) {
        case CodeKind::reader:
            return on_reader(code.code, *code.reader, now);
        case CodeKind::copy:
            return on_copy(*code.copy, now);
        case CodeKind::command:
            return on_command(code.code, *code.command);
        case CodeKind::title:
            break;
        case CodeKind::unknown:
            // Nothing scanned at all is no question for the server.
            if (code.code.empty()) return refused({.kind = CodeKind::unknown}, Reason::unknown_code);
            break;
    }
    // A title by ISBN, or a code the cache does not know (a reader or copy added since).
    return refused({.code = code.code, .kind = code.kind}, Reason::needs_server);
}

// "Done" ends the session as at Station; every other command is the librarian's, or a
// renewal, and waits for the server.
StationOutcome OfflineStation::on_command(const std::string& code, Command command) {
    StationOutcome outcome{.code = code, .kind = CodeKind::command, .command = command};
    if (command != Command::done) return refused(std::move(outcome), Reason::needs_server);
    if (memory_.session) outcome.reader = summary_of(*memory_.session);
    memory_.session.reset();
    outcome.outcome = Outcome::ended;
    outcome.reason = Reason::done;
    return outcome;
}

StationOutcome OfflineStation::on_reader(const std::string& code, const OfflineReader& reader, Timestamp now) {
    StationOutcome outcome{.code = code, .kind = CodeKind::reader};
    memory_.session.reset();  // another card always ends the current session first
    if (memory_.throttle.refuses_card(now)) {
        memory_.throttle.pause(reader.card, now);
        outcome.until = memory_.throttle.paused_until(now);
        return refused(std::move(outcome), Reason::too_many_cards);
    }
    // Only the server checks PINs; nothing of the reader is shown before one.
    if (reader.pin_needed) return refused(std::move(outcome), Reason::needs_server);
    outcome.reader = summary_of(reader);
    if (reader.left) return refused(std::move(outcome), Reason::reader_left);
    journal_.file_->journal.append(reader.card, code, StationMode::self, now);
    memory_.session = reader;
    memory_.throttle.session_opened(reader.card, now);
    outcome.outcome = Outcome::session;
    outcome.overdue = reader.overdue(local_date(now));
    return outcome;
}

StationOutcome OfflineStation::on_copy(const OfflineCopy& copy, Timestamp now) {
    StationOutcome outcome{.code = copy.barcode, .kind = CodeKind::copy, .title = copy.title};
    if (memory_.session) outcome.reader = summary_of(*memory_.session);
    if (copy.holder_card) {
        if (!memory_.session || *copy.holder_card == memory_.session->card)
            return take_back(std::move(outcome), copy, now);
        return refused(std::move(outcome), Reason::on_loan_to_other);
    }
    if (copy.status == CopyStatus::written_off) return refused(std::move(outcome), Reason::written_off);
    if (copy.status == CopyStatus::lost) return refused(std::move(outcome), Reason::item_unavailable);
    if (!memory_.session) return refused(std::move(outcome), Reason::no_session);
    // A textbook follows the class set and last year's debts: the server's to decide.
    if (copy.kind == TitleKind::textbook) return refused(std::move(outcome), Reason::needs_server);
    // Fresh from the cache, so loans made offline in this session count against the limit.
    const auto reader = journal_.file_->cache.reader(memory_.session->card);
    if (!reader) return refused(std::move(outcome), Reason::needs_server);
    return lend(std::move(outcome), copy, *reader, now);
}

// As Station's: the holder's book comes back, into the session of its holder or with no
// card at all (a book handed in).
StationOutcome OfflineStation::take_back(StationOutcome outcome, const OfflineCopy& copy, Timestamp now) {
    journal_.file_->journal.append(memory_.session ? memory_.session->card : "", copy.barcode, StationMode::self, now);
    journal_.file_->cache.returned(copy);
    if (memory_.session) memory_.throttle.session_used();
    if (!outcome.reader)
        if (const auto holder = journal_.file_->cache.reader(*copy.holder_card)) outcome.reader = summary_of(*holder);
    outcome.outcome = Outcome::returned;
    outcome.condition = Condition::good;
    return outcome;
}

// Station's rules for the main fund: nothing overdue, below the category's limit; due
// after the loan period of the kiosk's rules (the server sets its own when it applies it).
StationOutcome OfflineStation::lend(StationOutcome outcome, const OfflineCopy& copy, const OfflineReader& reader,
                                    Timestamp now) {
    const Date today = local_date(now);
    outcome.overdue = reader.overdue(today);
    if (!outcome.overdue.empty()) return refused(std::move(outcome), Reason::overdue_items);
    outcome.limit = reader.limit;
    if (reader.main_fund_loans() >= reader.limit) return refused(std::move(outcome), Reason::limit_reached);
    const Date due = add_days(today, rules_.loans.loan_days_for(reader.category, copy.kind));
    journal_.file_->journal.append(reader.card, copy.barcode, StationMode::self, now);
    journal_.file_->cache.lent(copy, reader.card, due);
    memory_.throttle.session_used();
    outcome.outcome = Outcome::loan;
    outcome.due = due;
    return outcome;
}

// The session list's renew button: renewals are the server's.
StationOutcome OfflineStation::renew_by_button(RenewLoan renewal, Timestamp now) {
    memory_.last_activity = now;
    StationOutcome outcome{.kind = CodeKind::title};
    if (!memory_.session) return refused(std::move(outcome), Reason::needs_server);
    outcome.reader = summary_of(*memory_.session);
    const auto& held = memory_.session->held;
    const auto item =
        std::find_if(held.begin(), held.end(), [&](const HeldItem& line) { return line.loan_id == renewal.loan_id; });
    if (item != held.end()) {
        outcome.code = item->code;
        outcome.title = item->title;
        if (journal_.file_->cache.copy(item->code)) outcome.kind = CodeKind::copy;
    }
    return refused(std::move(outcome), Reason::needs_server);
}

bool OfflineStation::is_double_fire(const std::string& code, Timestamp now) const {
    const std::optional<std::string> session_card =
        memory_.session ? std::optional(memory_.session->card) : std::nullopt;
    return memory_.last_scan && memory_.last_scan->code == code && memory_.last_scan->session_card == session_card &&
           now - memory_.last_scan->at < rules_.station.double_scan_window;
}

}  // namespace kitap::core
