#pragma once

#include "core/calendar.hpp"
#include "core/circulation/card_throttle.hpp"
#include "core/circulation/holds.hpp"
#include "core/circulation/library_store.hpp"
#include "core/codes/code_classifier.hpp"
#include "core/rules.hpp"
#include "core/security/reader_pins.hpp"
#include "core/stocktake/stocktake.hpp"
#include "core/textbooks/textbook_ledger.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kitap::core {

// One scan as a device reports it.
struct Scan {
    std::string text;
    std::string symbology;  // "ean13", "code128"... when the source knows it
    std::string source;     // "wedge", "camera:0", "cli"...

    friend bool operator==(const Scan&, const Scan&) = default;
};

// self: a pupil at the kiosk; desk: the librarian lends and issues; return: every scan takes back;
// stocktake: every scan is counted in the open stocktake, nothing is lent or returned.
enum class StationMode { self, desk, return_, stocktake };
std::string_view to_string(StationMode mode);
std::optional<StationMode> station_mode_from(std::string_view name);

// `command`: a condition for the next return was chosen, or KITAP-RENEW waits for its
// item; `recorded`: a stocktake scan; `pin_required`: a card whose reader needs a PIN,
// which opens nothing until the PIN is submitted (Station::submit_pin); `renewed`: a
// held loan runs to a later due date.
enum class Outcome { session, loan, returned, duplicate, refused, ended, command, recorded, pin_required, renewed };
std::string_view to_string(Outcome outcome);  // "return" for Outcome::returned
std::optional<Outcome> outcome_from(std::string_view name);

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
    renewal_limit,      // renewal: the loan was renewed [loans] max_renewals times already
    not_renewable,      // renewal: a textbook, an item past its due date, or not on loan to this reader
    needs_server,       // a kiosk off its school server cannot decide this scan from what it keeps
    on_hold,            // self-service: the copy is kept for a reader who reserved it
    card_blocked,     // self-service: a terminal blocked this card (SIP2 block patron) until the librarian unblocks it
    already_on_loan,  // a checkout of the very item the reader holds already (ScanIntent::lend)
    not_an_item,      // a reader's card or a command where only an item may come (ScanIntent other than any)
    done,             // ended: the reader said "done"
    idle_timeout,     // ended: nobody scanned for a while
};
std::string_view to_string(Reason reason);
std::optional<Reason> reason_from(std::string_view name);  // "" is Reason::none

struct StationOutcome {
    std::string code;
    CodeKind kind = CodeKind::unknown;
    Outcome outcome = Outcome::refused;
    Reason reason = Reason::none;
    std::optional<ReaderSummary> reader;         // whose session, loan or return this is
    std::string title;                           // the item's title, when the scan was an item
    std::optional<Date> due;                     // on a loan
    std::optional<std::string> previous_holder;  // desk: the card the item was moved from
    std::vector<HeldItem> overdue;               // reason overdue_items, or on opening a session
    int limit = 0;                               // reason limit_reached
    std::optional<Command> command;
    bool off_curriculum = false;                    // desk: a textbook outside the pupil's class set was issued
    std::optional<Condition> condition;             // on a return, or the condition a command chose
    std::optional<std::int64_t> compensation_tiyn;  // damaged or lost: what the reader owes
    std::optional<StocktakeScanResult> stocktake;   // what a stocktake scan found
    std::optional<Timestamp> until;                 // too_many_cards, pin_locked: when self-service opens again
    int tries_left = 0;                             // wrong_pin: before the card locks
    int renewals = 0;                               // renewed: times the loan has been renewed now
    // A return: the reader waiting for the title, to put the copy aside for. A desk
    // loan: the reader it was kept for, whose hold goes back to the head of the queue.
    std::optional<ReaderSummary> hold_for;
    std::vector<WaitingHold> holds_ready;  // on opening a session: reserved books kept for the reader
    // Self-service was given the librarian's desk command: refused there (`librarian_only`),
    // it asks for the librarian, whose PIN opens the desk.
    bool asks_for_librarian = false;

    friend bool operator==(const StationOutcome&, const StationOutcome&) = default;
};

// How an outcome should feel, one answer for the kiosk's sound and banner colour and
// for `kitap scan`: success (lent, returned, renewed, welcomed, counted), notice (said
// and quiet: a command, a duplicate, a session's end), refusal (nothing happened, or
// something needs the librarian: refused, overdue books on opening a session, a
// stocktake find out of place) and fault (the infrastructure failed: no outcome of a
// scan has it, the front ends give it to their own faults).
enum class Severity { success, notice, refusal, fault };
std::string_view to_string(Severity severity);
Severity severity(const StationOutcome& outcome);

// What the device that sent a scan meant by it. A scanner at the kiosk means
// nothing more than the scan (`any`: the station decides, and a book on loan to the
// reader goes back); a SIP2 terminal says checkout, checkin or renew, and the station
// does that or refuses: a checkout never returns a book, a checkin never lends one.
enum class ScanIntent { any, lend, take_back, renew };

// One line of a session's list: the loan with whether it is late and whether it can
// be renewed today (the rules of Station's renewals, so a screen offers only those).
struct SessionItem {
    HeldItem item;
    bool late = false;
    bool renewable = false;

    friend bool operator==(const SessionItem&, const SessionItem&) = default;
};

// A pupil's textbooks for the year: the curriculum's lines, held out of needed.
struct SetProgress {
    std::vector<SetLine> lines;
    int held = 0;  // counting at most per_pupil of each line
    int needed = 0;

    friend bool operator==(const SetProgress&, const SetProgress&) = default;
};

// What a screen shows of the station after an input, so it needs no second query.
struct SessionSnapshot {
    std::optional<ReaderSummary> reader;   // the open session's, if any
    std::vector<SessionItem> held;         // overdue first, then by due date
    std::optional<SetProgress> class_set;  // a pupil whose class has a curriculum
    bool awaits_pin = false;
    bool renewing = false;  // KITAP-RENEW was scanned: the next item is renewed

    friend bool operator==(const SessionSnapshot&, const SessionSnapshot&) = default;
};

// What an input did: an idle session's end first when the input came after the idle
// timeout, then the input's own outcome (always last), and the station afterwards.
struct StationResult {
    std::vector<StationOutcome> outcomes;
    SessionSnapshot session;

    const StationOutcome& last() const { return outcomes.back(); }

    friend bool operator==(const StationResult&, const StationResult&) = default;
};

// A button on a screen: renew the loan a session list showed (HeldItem::loan_id).
struct RenewLoan {
    RowId loan_id = 0;

    friend bool operator==(const RenewLoan&, const RenewLoan&) = default;
};
// What a person touched rather than scanned: a command as a value, never a barcode
// string to classify again.
using StationCommand = std::variant<Command, RenewLoan>;

// The one state machine that decides what a scan means, driven alike by the
// kiosk, the `kitap scan` CLI and the tests. Every change a scan makes is
// committed durably in one transaction before its outcome is returned.
class Station {
public:
    Station(LibraryStore& store, Rules rules, StationMode mode, std::string name);

    // A scan, or a button's command. Either first closes a session idle for too long
    // (its `ended` outcome comes first in the result).
    StationResult handle(const Scan& scan, Timestamp now, ScanIntent intent = ScanIntent::any);
    StationResult handle(const StationCommand& command, Timestamp now);

    // The PIN for the card that answered `pin_required`: typed on the kiosk's keypad,
    // never a barcode to classify. The right one opens the session; a wrong one shows
    // nothing of the reader and keeps the card waiting, until too many lock it.
    StationResult submit_pin(std::string_view pin, Timestamp now);
    // The keypad was closed: the card waits for its PIN no more.
    void cancel_pin() { pending_pin_.reset(); }
    bool awaits_pin() const { return pending_pin_.has_value(); }

    // Closes a session (or a card's wait for its PIN) nobody has touched for the idle
    // timeout. handle() and submit_pin() do it themselves; the kiosk calls it every
    // frame so that a session nobody touches closes on time.
    std::optional<StationOutcome> expire_idle_session(Timestamp now);
    SessionSnapshot snapshot(Timestamp now);

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

    template <typename Input>
    StationResult answer(Timestamp now, Input&& input);
    StationOutcome handle_code(ClassifiedCode code, Timestamp now);
    template <typename Action>
    StationOutcome committed(Timestamp now, Action&& action);
    std::optional<StationOutcome> while_paused(const Scan& scan, Timestamp now) const;
    StationOutcome dispatch(ClassifiedCode code, Timestamp now);
    StationOutcome check_pin(std::string_view pin, Timestamp now);
    StationOutcome arm_renewal(StationOutcome outcome);
    StationOutcome renew_by_button(RowId loan_id, Timestamp now);
    StationOutcome renew_copy(StationOutcome outcome, const CopyRecord& copy, Timestamp now);
    StationOutcome renew_title(StationOutcome outcome, const TitleRecord& title, Timestamp now);
    StationOutcome renew(StationOutcome outcome, const OpenLoan& loan, const TitleRecord& title, Timestamp now);
    StationOutcome on_item_as_intended(ClassifiedCode code, Timestamp now);
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
    std::optional<StationOutcome> kept_for_other(StationOutcome& outcome, std::optional<KeptHold> kept);
    StationOutcome lend(StationOutcome outcome, const TitleRecord& title, std::optional<RowId> copy_id, Timestamp now,
                        std::optional<KeptHold> kept = {});
    StationOutcome move_to_session_reader(StationOutcome outcome, const OpenLoan& loan, const CopyRecord& copy,
                                          Timestamp now);
    void log(Timestamp now, std::string action, std::optional<RowId> reader, const TitleRecord& title,
             std::optional<RowId> copy_id, int quantity, std::string detail = {});
    bool is_double_fire(const std::string& code, Timestamp now) const;
    EventActor actor() const;

    LibraryStore& store_;
    // The connection's statements (LibraryStore::station_queries): opening a station prepares none.
    TextbookLedger& ledger_;
    StocktakeRecorder& stocktake_;
    Rules rules_;
    Holds holds_;
    StationMode mode_;
    std::string name_;
    ReaderPins& pins_;
    std::optional<ReaderRecord> session_;
    std::optional<PendingPin> pending_pin_;
    CardThrottle throttle_;
    Timestamp last_activity_{};
    std::optional<LastScan> last_scan_;
    Condition next_condition_ = Condition::good;
    bool renew_next_ = false;              // KITAP-RENEW: the next item scanned is renewed
    ScanIntent intent_ = ScanIntent::any;  // the one of the scan being handled
};

// Why a loan cannot be renewed today, nullopt when it can: the one rule for the
// station's renewals and for the session list's buttons.
std::optional<Reason> renewal_refusal(TitleKind kind, Date due, int renewals, bool reader_has_overdue,
                                      const LoanRules& rules, Date today);

}  // namespace kitap::core
