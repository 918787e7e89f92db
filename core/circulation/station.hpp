#pragma once

#include "core/calendar.hpp"
#include "core/circulation/card_throttle.hpp"
#include "core/circulation/library_store.hpp"
#include "core/codes/code_classifier.hpp"
#include "core/rules.hpp"
#include "core/security/reader_pins.hpp"
#include "core/stocktake/stocktake.hpp"
#include "core/textbooks/textbook_ledger.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// One scan as a device reports it.
struct Scan {
    std::string text;
    std::string symbology;  // "ean13", "code128"... when the source knows it
    std::string source;     // "wedge", "camera:0", "cli"...
};

// self: a pupil at the kiosk; desk: the librarian lends and issues; return: every scan takes back;
// stocktake: every scan is counted in the open stocktake, nothing is lent or returned.
enum class StationMode { self, desk, return_, stocktake };
std::string_view to_string(StationMode mode);
std::optional<StationMode> station_mode_from(std::string_view name);

// `command`: a condition for the next return was chosen; `recorded`: a stocktake scan;
// `pin_required`: a card whose reader needs a PIN, which opens nothing until the PIN
// is submitted (Station::submit_pin).
enum class Outcome { session, loan, returned, duplicate, refused, ended, command, recorded, pin_required };
std::string_view to_string(Outcome outcome);  // "return" for Outcome::returned

// Why a scan was refused (or, for `ended`, why the session closed). Stable codes for scripts.
enum class Reason {
    none,
    unknown_code,       // nothing we know and no rule recognises it
    not_in_catalog,     // a valid ISBN the library has not catalogued
    no_session,         // an item that is not on loan, scanned before any card
    on_loan_to_other,   // someone else's book at the self-service kiosk
    reader_left,        // the reader has left the school
    overdue_items,      // the reader must bring back overdue items first
    limit_reached,      // as many main-fund items as the category allows
    no_free_stock,      // every title-level copy of this title is out
    scan_copy_label,    // a title held as labelled copies was scanned by its ISBN
    item_unavailable,   // the copy is marked lost
    written_off,        // the copy was written off
    librarian_only,     // a command only the librarian's desk may use
    already_has,        // the pupil holds as many of this textbook as the curriculum gives
    not_in_curriculum,  // self-service: a textbook outside the pupil's class set
    textbook_debt,      // last year's textbook of this subject is still out
    not_on_loan,        // return mode: nobody (or not this reader) holds it
    no_stocktake,       // stocktake mode with no stocktake started
    too_many_cards,     // self-service: cards in a row that did nothing; paused for a while
    pin_not_set,        // self-service needs the reader's PIN and the librarian set none
    wrong_pin,          // not the reader's PIN; the card stays waiting for the right one
    pin_locked,         // too many wrong PINs: the card's self-service is locked for a while
    no_pin_pending,     // a PIN submitted when no card is waiting for one
    done,               // ended: the reader said "done"
    idle_timeout,       // ended: nobody scanned for a while
};
std::string_view to_string(Reason reason);

struct ReaderSummary {
    std::string card;
    std::string name;
    ReaderCategory category = ReaderCategory::pupil;
    std::string class_name;
};

struct StationOutcome {
    std::string code;
    CodeKind kind = CodeKind::unknown;
    Outcome outcome = Outcome::refused;
    Reason reason = Reason::none;
    std::optional<ReaderSummary> reader;   // whose session, loan or return this is
    std::string title;                     // the item's title, when the scan was an item
    std::optional<Date> due;               // on a loan
    std::optional<std::string> previous_holder;  // desk: the card the item was moved from
    std::vector<HeldItem> overdue;         // reason overdue_items, or on opening a session
    int limit = 0;                         // reason limit_reached
    std::optional<Command> command;
    bool off_curriculum = false;           // desk: a textbook outside the pupil's class set was issued
    std::optional<Condition> condition;    // on a return, or the condition a command chose
    std::optional<std::int64_t> compensation_tiyn;  // damaged or lost: what the reader owes
    std::optional<StocktakeScanResult> stocktake;   // what a stocktake scan found
    std::optional<Timestamp> until;                 // too_many_cards, pin_locked: when self-service opens again
    int tries_left = 0;                             // wrong_pin: before the card locks
};

// The one state machine that decides what a scan means, driven alike by the
// kiosk, the `kitap scan` CLI and the tests. Every change a scan makes is
// committed durably in one transaction before its outcome is returned.
class Station {
public:
    Station(LibraryStore& store, Rules rules, StationMode mode, std::string name);

    StationOutcome handle(const Scan& scan, Timestamp now);

    // The PIN for the card that answered `pin_required`: typed on the kiosk's keypad,
    // never a barcode to classify. The right one opens the session; a wrong one shows
    // nothing of the reader and keeps the card waiting, until too many lock it.
    StationOutcome submit_pin(std::string_view pin, Timestamp now);
    // The keypad was closed: the card waits for its PIN no more.
    void cancel_pin() { pending_pin_.reset(); }
    bool awaits_pin() const { return pending_pin_.has_value(); }

    // Closes a session (or a card's wait for its PIN) nobody has touched for the idle
    // timeout; the kiosk calls this every frame, the CLI before each scan.
    std::optional<StationOutcome> expire_idle_session(Timestamp now);

    StationMode mode() const { return mode_; }
    // The condition the next return will be recorded in (return mode).
    Condition next_condition() const { return next_condition_; }
    const std::optional<ReaderRecord>& session_reader() const { return session_; }

private:
    struct LastScan {
        std::string code;
        Timestamp at;
        std::optional<RowId> session_reader;
    };

    struct PendingPin {
        std::string code;  // the card as scanned
        ReaderRecord reader;
    };

    std::optional<StationOutcome> while_paused(const Scan& scan, Timestamp now) const;
    StationOutcome dispatch(ClassifiedCode code, Timestamp now);
    StationOutcome on_reader(ClassifiedCode code, Timestamp now);
    StationOutcome open_session(StationOutcome outcome, const ReaderRecord& reader, Timestamp now);
    StationOutcome pause_self_service(StationOutcome outcome, const ReaderRecord& reader, Timestamp now);
    std::optional<StationOutcome> ask_for_pin(StationOutcome outcome, const ReaderRecord& reader, Timestamp now);
    StationOutcome wrong_pin(StationOutcome outcome, const ReaderRecord& reader, Timestamp now);
    StationOutcome on_command(ClassifiedCode code);
    StationOutcome on_copy(ClassifiedCode code, Timestamp now);
    StationOutcome on_title(ClassifiedCode code, Timestamp now);
    StationOutcome on_stocktake_scan(ClassifiedCode code, Timestamp now);
    StationOutcome on_returned_item(StationOutcome outcome, std::optional<OpenLoan> loan, const TitleRecord& title,
                                    std::optional<RowId> copy_id, Timestamp now);
    StationOutcome lend_title(StationOutcome outcome, const TitleRecord& title, Timestamp now);
    std::optional<Reason> textbook_refusal(const TitleRecord& title, Date today, StationOutcome& outcome);
    std::optional<Reason> loan_refusal(const TitleRecord& title, Date today, StationOutcome& outcome);
    StationOutcome lend(StationOutcome outcome, const TitleRecord& title, std::optional<RowId> copy_id, Timestamp now);
    StationOutcome move_to_session_reader(StationOutcome outcome, const OpenLoan& loan, const CopyRecord& copy,
                                          Timestamp now);
    void log(Timestamp now, std::string action, std::optional<RowId> reader, const TitleRecord& title,
             std::optional<RowId> copy_id, int quantity, std::string detail = {});
    bool is_double_fire(const std::string& code, Timestamp now) const;
    EventActor actor() const;

    LibraryStore& store_;
    TextbookLedger ledger_;
    StocktakeRecorder stocktake_;
    Rules rules_;
    StationMode mode_;
    std::string name_;
    ReaderPins pins_;
    std::optional<ReaderRecord> session_;
    std::optional<PendingPin> pending_pin_;
    CardThrottle throttle_;
    Timestamp last_activity_{};
    std::optional<LastScan> last_scan_;
    Condition next_condition_ = Condition::good;
};

ReaderSummary summary_of(const ReaderRecord& reader);

}  // namespace kitap::core
