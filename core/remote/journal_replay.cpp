#include "core/remote/journal_replay.hpp"

#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace kitap::core {
namespace {

constexpr const char* journal_source = "journal";

// The kiosk kept its double-scan window when it journaled: every entry is a scan it
// took. Scans it refused (an ISBN, say) are not in the journal, so two entries of one
// code can stand closer than the window (a book lent and handed back at once), and
// the replay must not take the second for a double fire.
Rules without_double_scan_window(Rules rules) {
    rules.station.double_scan_window = std::chrono::seconds(0);
    return rules;
}

}  // namespace

std::optional<Reason> replay_refusal(const StationOutcome& outcome) {
    if (outcome.outcome == Outcome::refused) return outcome.reason;
    // The reader was given a PIN after the kiosk's cache was made (the kiosk asks the
    // server for any card it knows needs one): nobody typed it, so the card needs one.
    if (outcome.outcome == Outcome::pin_required) return Reason::pin_not_set;
    return std::nullopt;
}

JournalReplay::JournalReplay(LibraryStore& store, Rules rules, std::string station)
    : store_(store),
      name_(std::move(station)),
      station_(store, without_double_scan_window(std::move(rules)), StationMode::self, name_),
      exceptions_(store.db()),
      find_applied_(store.db(), "SELECT 1 FROM journal_entry_applied WHERE entry_id = ?"),
      insert_applied_(store.db(),
                      "INSERT INTO journal_entry_applied (entry_id, station, applied_at) VALUES (?, ?, ?)") {}

ReplayResult JournalReplay::replay(const std::vector<JournalEntry>& entries, Timestamp now) {
    ReplayResult result;
    WriteTransaction transaction(store_.db());
    for (const auto& entry : entries) {
        result.acknowledged.push_back(entry.id);
        if (already_applied(entry.id)) {
            ++result.already;
            continue;
        }
        // A kiosk's clock ahead of the server's cannot date a loan after its upload.
        const StationOutcome outcome = apply(entry, std::min(entry.scanned_at, now));
        rebind(insert_applied_, entry.id, name_, iso_timestamp(now)).exec();
        if (const auto refusal = replay_refusal(outcome)) {
            list_exception(entry, *refusal, now);
            ++result.exceptions;
        } else {
            ++result.applied;
        }
    }
    transaction.commit();
    return result;
}

// An offline kiosk decides self-service only (the librarian's modes need the server's
// PIN check), so an entry of another mode is no pupil's scan: the librarian decides it.
StationOutcome JournalReplay::apply(const JournalEntry& entry, Timestamp at) {
    if (entry.mode != StationMode::self)
        return {.code = entry.code, .outcome = Outcome::refused, .reason = Reason::librarian_only};
    if (station_.expire_idle_session(at) || !station_.session_reader()) session_card_.reset();
    const bool scan_is_the_card = entry.code == entry.card;
    if (entry.card.empty()) {
        end_session(at);  // the kiosk had no session open when this was scanned
    } else if (scan_is_the_card || session_card_ != entry.card) {
        StationOutcome opened = open_session_of(entry.card, at);
        if (scan_is_the_card || session_card_ != entry.card) return opened;
    }
    return scan(entry.code, at);
}

// The card scanned: its session is open (session_card_) or the outcome says why not.
StationOutcome JournalReplay::open_session_of(const std::string& card, Timestamp at) {
    StationOutcome opened = scan(card, at);
    if (opened.outcome == Outcome::session) {
        session_card_ = card;
        return opened;
    }
    session_card_.reset();
    if (opened.outcome == Outcome::pin_required) station_.cancel_pin();
    return opened;
}

void JournalReplay::end_session(Timestamp at) {
    if (station_.session_reader()) station_.handle(StationCommand{Command::done}, at);
    session_card_.reset();
}

StationOutcome JournalReplay::scan(const std::string& code, Timestamp at) {
    return station_.handle(Scan{.text = code, .source = journal_source}, at).last();
}

bool JournalReplay::already_applied(const std::string& entry_id) {
    SQLite::Statement& query = rebind(find_applied_, entry_id);
    const bool found = query.executeStep();
    query.tryReset();
    return found;
}

void JournalReplay::list_exception(const JournalEntry& entry, Reason reason, Timestamp now) {
    const auto listed = exceptions_.insert({.entry_id = entry.id,
                                            .station = name_,
                                            .scanned_at = entry.scanned_at,
                                            .card = entry.card,
                                            .code = entry.code,
                                            .mode = entry.mode,
                                            .reason = reason,
                                            .listed_at = now});
    store_.log_event({.at = now,
                      .station = name_,
                      .action = std::string(scan_exception_listed),
                      .detail = scan_exception_detail(listed)});
}

}  // namespace kitap::core
