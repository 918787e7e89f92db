#pragma once

#include "core/circulation/library_store.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// waiting: in the title's queue; ready: a copy came back and is kept for the reader
// until `expires_on`; the rest are ended.
enum class HoldState { waiting, ready, fulfilled, cancelled, expired };
std::string_view to_string(HoldState state);
std::optional<HoldState> hold_state_from(std::string_view name);

struct HoldRecord {
    RowId id = 0;
    RowId reader_id = 0;
    ReaderSummary reader;
    RowId title_id = 0;
    std::string title;
    std::string isbn;  // empty when the title has none
    HoldState state = HoldState::waiting;
    Timestamp placed_at;
    std::string station;  // where it was placed
    int position = 0;     // waiting: the place in the title's queue, 1 first
    std::string kept;     // ready: the kept copy's barcode, or the ISBN for title-level stock
    std::optional<RowId> kept_copy_id;
    std::optional<Date> expires_on;

    friend bool operator==(const HoldRecord&, const HoldRecord&) = default;
};

// A reader's book kept for them, as the session tells them.
struct WaitingHold {
    std::string title;
    std::string code;  // the kept copy's barcode, or the title's ISBN
    Date until;

    friend bool operator==(const WaitingHold&, const WaitingHold&) = default;
};

// Why a hold was not placed (or cancelled). Stable codes for scripts.
enum class HoldRefusal {
    none,
    unknown_reader,
    reader_left,
    unknown_title,
    textbook,          // textbooks come with the class set, not by reservation
    available,         // a copy is on the shelf: take it
    already_has,       // the reader holds a copy of it now
    already_reserved,  // the reader waits for it already
    unknown_hold,      // cancel: no hold with that number
    hold_ended,        // cancel: fulfilled, cancelled or expired already
};
std::string_view to_string(HoldRefusal refusal);
std::optional<HoldRefusal> hold_refusal_from(std::string_view name);

struct HoldAnswer {
    std::optional<HoldRecord> hold;
    HoldRefusal refusal = HoldRefusal::none;
    std::string title;  // the title's name, once found (for a refusal's message)
};

// Whose ready hold keeps a copy (or a unit of title-level stock).
struct KeptHold {
    RowId hold_id = 0;
    ReaderSummary reader;
};

// The reservation queues' statements, prepared once per connection.
struct HoldQueries {
    explicit HoldQueries(SQLite::Database& db);

    PreparedStatement open_holds;
    PreparedStatement hold_by_id;
    PreparedStatement open_hold_of_reader;
    PreparedStatement first_waiting;
    PreparedStatement kept_copy;
    PreparedStatement kept_unit;
    PreparedStatement kept_units;
    PreparedStatement free_copies;
    PreparedStatement has_on_loan;
    PreparedStatement insert;
    PreparedStatement make_ready;
    PreparedStatement back_to_queue;
    PreparedStatement end;
    PreparedStatement expired;
    PreparedStatement ready_for;
};

// The reservation queues, under the caller's transaction: placing and cancelling, a
// returned copy kept for the first reader waiting, a loan fulfilling its reader's hold,
// and ready holds expiring into the next reader's. Each change is an audited event.
class Holds {
public:
    Holds(LibraryStore& store, int hold_days);

    HoldAnswer place(const std::string& card, RowId title_id, Timestamp now, const std::string& station,
                     const EventActor& actor);
    HoldAnswer cancel(RowId hold_id, Timestamp now, const std::string& station, const EventActor& actor);
    // Waiting and ready holds, by title and then queue.
    std::vector<HoldRecord> open_holds();
    std::optional<HoldRecord> hold(RowId hold_id);

    // A copy came free (back from a loan, or from a hold that ended), or a unit of
    // title-level stock (copy_id none): kept for the first reader waiting for its title,
    // who is returned; nobody waiting, it goes back on the shelf.
    std::optional<ReaderSummary> keep_for_next(RowId title_id, std::optional<RowId> copy_id, Timestamp now,
                                               const std::string& station);
    std::optional<KeptHold> kept_copy(RowId copy_id);
    // Units of the title's title-level stock kept for readers other than `reader_id`.
    int kept_units(RowId title_id, RowId reader_id);
    // The desk lent what a ready hold kept for someone else, or the kept copy was written
    // off: the hold goes back to the head of the queue, for the next copy to come back.
    void requeue(const KeptHold& kept, Timestamp now, const std::string& station);
    // The latest ready hold keeping a unit of the title's title-level stock for someone else.
    std::optional<KeptHold> kept_unit(RowId title_id, RowId reader_id);
    // A loan to the reader ends their hold of the title as fulfilled; a copy it kept that
    // they did not take passes to the next reader.
    void fulfil(RowId reader_id, RowId title_id, std::optional<RowId> lent_copy, Timestamp now,
                const std::string& station, const EventActor& actor);
    // Ready holds past their last day expire, each passing its copy on.
    void expire(Timestamp now, const std::string& station);
    std::vector<WaitingHold> ready_for(RowId reader_id);

private:
    void end(const HoldRecord& hold, HoldState state, Timestamp now, const std::string& station,
             const EventActor& actor);
    int free_units(const TitleRecord& title);
    void log(Timestamp now, const std::string& station, const EventActor& actor, std::string action,
             const HoldRecord& hold, std::optional<RowId> copy_id = {}, std::string detail = {});

    LibraryStore& store_;
    int hold_days_;
    HoldQueries& queries_;  // the connection's (LibraryStore::station_queries)
};

}  // namespace kitap::core
