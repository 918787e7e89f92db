#include "core/circulation/holds.hpp"

#include "core/circulation/station_queries.hpp"
#include "core/db/statement.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

constexpr auto hold_state_names = enum_names<HoldState>({
    {HoldState::waiting, "waiting"},
    {HoldState::ready, "ready"},
    {HoldState::fulfilled, "fulfilled"},
    {HoldState::cancelled, "cancelled"},
    {HoldState::expired, "expired"},
});

constexpr auto hold_refusal_names = enum_names<HoldRefusal>({
    {HoldRefusal::none, ""},
    {HoldRefusal::unknown_reader, "unknown_reader"},
    {HoldRefusal::reader_left, "reader_left"},
    {HoldRefusal::unknown_title, "unknown_title"},
    {HoldRefusal::textbook, "textbook"},
    {HoldRefusal::available, "available"},
    {HoldRefusal::already_has, "already_has"},
    {HoldRefusal::already_reserved, "already_reserved"},
    {HoldRefusal::unknown_hold, "unknown_hold"},
    {HoldRefusal::hold_ended, "hold_ended"},
});

// The queue's order: placed first, served first; a hold sent back to the queue keeps its place.
constexpr const char* queue_order = "h.placed_at, h.id";

// The columns read_hold expects. A waiting hold's position counts the waiting holds
// of its title up to it in the queue's order.
std::string select_hold(const std::string& where) {
    return R"(
        SELECT h.id, h.reader_id, r.card, r.full_name, r.category, coalesce(c.grade || c.letter, ''),
               h.title_id, t.title, coalesce(t.isbn, ''), h.state, h.placed_at, h.station,
               CASE WHEN h.state = 'waiting' THEN
                   (SELECT count(*) FROM hold q WHERE q.title_id = h.title_id AND q.state = 'waiting'
                        AND (q.placed_at < h.placed_at OR (q.placed_at = h.placed_at AND q.id <= h.id)))
               ELSE 0 END,
               CASE WHEN h.state = 'ready' THEN coalesce(cp.barcode, t.isbn, '') ELSE '' END,
               h.copy_id, h.expires_on
        FROM hold h JOIN reader r ON r.id = h.reader_id LEFT JOIN school_class c ON c.id = r.class_id
        JOIN title t ON t.id = h.title_id LEFT JOIN copy cp ON cp.id = h.copy_id
        WHERE )" +
           where;
}

HoldRecord read_hold(SQLite::Statement& row) {
    const auto copy = row.getColumn(14);
    const auto expires = optional_text(row.getColumn(15));
    return {.id = row.getColumn(0).getInt64(),
            .reader_id = row.getColumn(1).getInt64(),
            .reader = {.card = row.getColumn(2).getString(),
                       .name = row.getColumn(3).getString(),
                       .category = reader_category_from(row.getColumn(4).getString()).value_or(ReaderCategory::other),
                       .class_name = row.getColumn(5).getString()},
            .title_id = row.getColumn(6).getInt64(),
            .title = row.getColumn(7).getString(),
            .isbn = row.getColumn(8).getString(),
            .state = hold_state_from(row.getColumn(9).getString()).value_or(HoldState::waiting),
            .placed_at = parse_iso_timestamp(row.getColumn(10).getString()).value_or(Timestamp{}),
            .station = row.getColumn(11).getString(),
            .position = row.getColumn(12).getInt(),
            .kept = row.getColumn(13).getString(),
            .kept_copy_id = copy.isNull() ? std::nullopt : std::optional(copy.getInt64()),
            .expires_on = expires ? parse_iso_date(*expires) : std::nullopt};
}

std::optional<HoldRecord> read_one(SQLite::Statement& query) {
    if (!query.executeStep()) return std::nullopt;
    return read_hold(query);
}

std::optional<KeptHold> read_kept(SQLite::Statement& query) {
    auto hold = read_one(query);
    if (!hold) return std::nullopt;
    return KeptHold{hold->id, std::move(hold->reader)};
}

}  // namespace

std::string_view to_string(HoldState state) { return hold_state_names.name_of(state); }

std::optional<HoldState> hold_state_from(std::string_view name) { return hold_state_names.value_of(name); }

std::string_view to_string(HoldRefusal refusal) { return hold_refusal_names.name_of(refusal); }

std::optional<HoldRefusal> hold_refusal_from(std::string_view name) { return hold_refusal_names.value_of(name); }

HoldQueries::HoldQueries(SQLite::Database& db)
    : open_holds(
          db, select_hold("h.state IN ('waiting', 'ready') ORDER BY t.title, h.title_id, " + std::string(queue_order))),
      hold_by_id(db, select_hold("h.id = ?")),
      open_hold_of_reader(db, select_hold("h.reader_id = ? AND h.title_id = ? AND h.state IN ('waiting', 'ready')")),
      // Readers who left the school wait no more: their holds are passed over.
      first_waiting(db, select_hold("h.title_id = ? AND h.state = 'waiting' AND r.status = 'active' "
                                    "ORDER BY " +
                                    std::string(queue_order) + " LIMIT 1")),
      kept_copy(db, select_hold("h.copy_id = ? AND h.state = 'ready'")),
      kept_unit(db, select_hold("h.title_id = ? AND h.state = 'ready' AND h.copy_id IS NULL "
                                "AND h.reader_id <> ? ORDER BY h.ready_at DESC, h.id DESC LIMIT 1")),
      kept_units(db, R"(
          SELECT count(*) FROM hold
          WHERE title_id = ? AND state = 'ready' AND copy_id IS NULL AND reader_id <> ?)"),
      free_copies(db, R"(
          SELECT count(*) FROM copy cp
          WHERE cp.title_id = ? AND cp.status = 'in_fund'
            AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.copy_id = cp.id AND l.returned_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.copy_id = cp.id AND h.state = 'ready'))"),
      has_on_loan(db, "SELECT 1 FROM loan WHERE reader_id = ? AND title_id = ? AND returned_at IS NULL"),
      insert(db, "INSERT INTO hold (reader_id, title_id, placed_at, station) VALUES (?, ?, ?, ?)"),
      make_ready(db, "UPDATE hold SET state = 'ready', copy_id = ?, ready_at = ?, expires_on = ? WHERE id = ?"),
      back_to_queue(db, R"(
          UPDATE hold SET state = 'waiting', copy_id = NULL, ready_at = NULL, expires_on = NULL WHERE id = ?)"),
      end(db, "UPDATE hold SET state = ?, copy_id = NULL, expires_on = NULL, ended_at = ? WHERE id = ?"),
      expired(db, select_hold("h.state = 'ready' AND h.expires_on < ? ORDER BY h.expires_on, h.id")),
      ready_for(db, R"(
          SELECT t.title, coalesce(cp.barcode, t.isbn, ''), h.expires_on
          FROM hold h JOIN title t ON t.id = h.title_id LEFT JOIN copy cp ON cp.id = h.copy_id
          WHERE h.reader_id = ? AND h.state = 'ready' ORDER BY h.ready_at, h.id)") {}

Holds::Holds(LibraryStore& store, int hold_days)
    : store_(store), hold_days_(hold_days), queries_(store.station_queries().holds) {}

HoldAnswer Holds::place(const std::string& card, RowId title_id, Timestamp now, const std::string& station,
                        const EventActor& actor) {
    const auto reader = store_.reader_by_card(card);
    if (!reader) return {.refusal = HoldRefusal::unknown_reader};
    if (!reader->active) return {.refusal = HoldRefusal::reader_left};
    const auto title = store_.title_by_id(title_id);
    if (!title) return {.refusal = HoldRefusal::unknown_title};
    const auto refused = [&](HoldRefusal refusal) { return HoldAnswer{.refusal = refusal, .title = title->title}; };
    if (title->kind == TitleKind::textbook) return refused(HoldRefusal::textbook);
    if (read_one(rebind(queries_.open_hold_of_reader, reader->id, title_id)))
        return refused(HoldRefusal::already_reserved);
    if (rebind(queries_.has_on_loan, reader->id, title_id).executeStep()) return refused(HoldRefusal::already_has);
    if (free_units(*title) > 0) return refused(HoldRefusal::available);
    rebind(queries_.insert, reader->id, title_id, iso_timestamp(now), station).exec();
    auto placed = hold(store_.db().getLastInsertRowid());
    log(now, station, actor, "hold", *placed);
    return {.hold = std::move(placed), .title = title->title};
}

HoldAnswer Holds::cancel(RowId hold_id, Timestamp now, const std::string& station, const EventActor& actor) {
    auto found = hold(hold_id);
    if (!found) return {.refusal = HoldRefusal::unknown_hold};
    if (found->state != HoldState::waiting && found->state != HoldState::ready)
        return {.refusal = HoldRefusal::hold_ended, .title = found->title};
    end(*found, HoldState::cancelled, now, station, actor);
    if (found->state == HoldState::ready) keep_for_next(found->title_id, found->kept_copy_id, now, station);
    return {.hold = hold(hold_id), .title = found->title};
}

std::vector<HoldRecord> Holds::open_holds() {
    auto& query = rebind(queries_.open_holds);
    std::vector<HoldRecord> holds;
    while (query.executeStep()) holds.push_back(read_hold(query));
    return holds;
}

std::optional<HoldRecord> Holds::hold(RowId hold_id) { return read_one(rebind(queries_.hold_by_id, hold_id)); }

std::optional<ReaderSummary> Holds::keep_for_next(RowId title_id, std::optional<RowId> copy_id, Timestamp now,
                                                  const std::string& station) {
    const auto next = read_one(rebind(queries_.first_waiting, title_id));
    if (!next) return std::nullopt;
    const Date until = add_days(local_date(now), hold_days_);
    rebind(queries_.make_ready, copy_id, iso_timestamp(now), iso_date(until), next->id).exec();
    log(now, station, {}, "hold_ready", *next, copy_id, "until=" + iso_date(until));
    return next->reader;
}

std::optional<KeptHold> Holds::kept_copy(RowId copy_id) { return read_kept(rebind(queries_.kept_copy, copy_id)); }

int Holds::kept_units(RowId title_id, RowId reader_id) {
    auto& query = rebind(queries_.kept_units, title_id, reader_id);
    query.executeStep();
    return query.getColumn(0).getInt();
}

std::optional<KeptHold> Holds::kept_unit(RowId title_id, RowId reader_id) {
    return read_kept(rebind(queries_.kept_unit, title_id, reader_id));
}

void Holds::requeue(const KeptHold& kept, Timestamp now, const std::string& station) {
    const auto found = hold(kept.hold_id);
    rebind(queries_.back_to_queue, kept.hold_id).exec();
    log(now, station, {ActorRole::librarian}, "hold_requeued", *found, found->kept_copy_id);
}

void Holds::fulfil(RowId reader_id, RowId title_id, std::optional<RowId> lent_copy, Timestamp now,
                   const std::string& station, const EventActor& actor) {
    const auto own = read_one(rebind(queries_.open_hold_of_reader, reader_id, title_id));
    if (!own) return;
    end(*own, HoldState::fulfilled, now, station, actor);
    if (own->state == HoldState::ready && own->kept_copy_id != lent_copy)
        keep_for_next(title_id, own->kept_copy_id, now, station);
}

void Holds::expire(Timestamp now, const std::string& station) {
    // Each expiry may make the next reader's hold ready, never one already past its day.
    while (const auto due = read_one(rebind(queries_.expired, iso_date(local_date(now))))) {
        end(*due, HoldState::expired, now, station, {});
        keep_for_next(due->title_id, due->kept_copy_id, now, station);
    }
}

std::vector<WaitingHold> Holds::ready_for(RowId reader_id) {
    auto& query = rebind(queries_.ready_for, reader_id);
    std::vector<WaitingHold> ready;
    while (query.executeStep())
        ready.push_back({.title = query.getColumn(0).getString(),
                         .code = query.getColumn(1).getString(),
                         .until = parse_iso_date(query.getColumn(2).getString()).value_or(Date{})});
    return ready;
}

void Holds::end(const HoldRecord& hold, HoldState state, Timestamp now, const std::string& station,
                const EventActor& actor) {
    rebind(queries_.end, std::string(to_string(state)), iso_timestamp(now), hold.id).exec();
    log(now, station, actor, "hold_" + std::string(to_string(state)), hold, hold.kept_copy_id);
}

// Copies on the shelf: labelled ones neither lent nor kept, and title-level stock
// neither lent nor kept.
int Holds::free_units(const TitleRecord& title) {
    auto& copies = rebind(queries_.free_copies, title.id);
    copies.executeStep();
    const int units = title.stock - store_.title_quantity_on_loan(title.id) - kept_units(title.id, 0);
    return copies.getColumn(0).getInt() + std::max(units, 0);
}

void Holds::log(Timestamp now, const std::string& station, const EventActor& actor, std::string action,
                const HoldRecord& hold, std::optional<RowId> copy_id, std::string detail) {
    store_.log_event({.at = now,
                      .station = station,
                      .actor = actor,
                      .action = std::move(action),
                      .reader_id = hold.reader_id,
                      .title_id = hold.title_id,
                      .copy_id = copy_id,
                      .quantity = 1,
                      .detail = std::move(detail)});
}

}  // namespace kitap::core
