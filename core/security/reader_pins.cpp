#include "core/security/reader_pins.hpp"

#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/security/secret_hash.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>

namespace kitap::core {
namespace {

// 15 minutes, 30, an hour ... up to the longest: the n-th lock (from 1).
std::chrono::seconds lock_length(int lock, const ReaderPinLimits& limits) {
    auto length = limits.first_lock;
    for (int i = 1; i < lock && length < limits.longest_lock; ++i) length *= 2;
    return std::min(length, limits.longest_lock);
}

ReaderPinChange change_pin(LibraryStore& store, const std::string& card, Timestamp now, const std::string& station,
                           const std::optional<std::string>& hash) {
    WriteTransaction transaction(store.db());
    const auto reader = store.reader_by_card(card);
    if (!reader) return ReaderPinChange::unknown_card;
    ReaderPins pins(store.db());
    if (hash)
        pins.set(reader->id, *hash, now);
    else if (!pins.clear(reader->id))
        return ReaderPinChange::no_pin_set;
    store.log_event({.at = now,
                     .station = station,
                     .actor = {ActorRole::librarian},
                     .action = hash ? "reader_pin_set" : "reader_pin_cleared",
                     .reader_id = reader->id});
    transaction.commit();
    return ReaderPinChange::done;
}

}  // namespace

bool is_reader_pin_format(std::string_view pin) {
    return pin.size() >= min_reader_pin_length && pin.size() <= max_reader_pin_length && all_digits(pin);
}

ReaderPins::ReaderPins(SQLite::Database& db)
    : find_(db, "SELECT pin_hash, wrong_tries, locked_until FROM reader_pin WHERE reader_id = ?"),
      set_(db, R"(
          INSERT INTO reader_pin (reader_id, pin_hash, set_at) VALUES (?1, ?2, ?3)
          ON CONFLICT (reader_id) DO UPDATE SET pin_hash = ?2, set_at = ?3, wrong_tries = 0, lockouts = 0,
                                                locked_until = NULL)"),
      clear_(db, "DELETE FROM reader_pin WHERE reader_id = ?"),
      accepted_(db, "UPDATE reader_pin SET wrong_tries = 0, lockouts = 0, locked_until = NULL WHERE reader_id = ?"),
      counts_(db, "SELECT wrong_tries, lockouts FROM reader_pin WHERE reader_id = ?"),
      count_wrong_(db, "UPDATE reader_pin SET wrong_tries = ? WHERE reader_id = ?"),
      lock_(db, "UPDATE reader_pin SET wrong_tries = 0, lockouts = ?, locked_until = ? WHERE reader_id = ?") {}

std::optional<ReaderPin> ReaderPins::find(RowId reader_id) {
    auto& query = rebind(find_, reader_id);
    if (!query.executeStep()) return std::nullopt;
    ReaderPin pin{.hash = query.getColumn(0).getString(), .wrong_tries = query.getColumn(1).getInt()};
    if (const auto until = optional_text(query.getColumn(2))) pin.locked_until = parse_iso_timestamp(*until);
    query.reset();
    return pin;
}

void ReaderPins::set(RowId reader_id, const std::string& hash, Timestamp at) {
    rebind(set_, reader_id, hash, iso_timestamp(at)).exec();
}

bool ReaderPins::clear(RowId reader_id) { return rebind(clear_, reader_id).exec() > 0; }

void ReaderPins::accepted(RowId reader_id) { rebind(accepted_, reader_id).exec(); }

WrongPin ReaderPins::wrong(RowId reader_id, Timestamp now, const ReaderPinLimits& limits) {
    auto& counts = rebind(counts_, reader_id);
    if (!counts.executeStep()) return {};
    const int wrong_tries = counts.getColumn(0).getInt() + 1;
    const int lockouts = counts.getColumn(1).getInt();
    counts.reset();
    if (wrong_tries < limits.wrong_per_lock) {
        rebind(count_wrong_, wrong_tries, reader_id).exec();
        return {.tries_left = limits.wrong_per_lock - wrong_tries};
    }
    const Timestamp until = now + lock_length(lockouts + 1, limits);
    rebind(lock_, lockouts + 1, iso_timestamp(until), reader_id).exec();
    return {.tries_left = 0, .locked_until = until};
}

ReaderPinChange set_reader_pin(LibraryStore& store, const std::string& card, std::string_view pin, Timestamp now,
                               const std::string& station) {
    if (!is_reader_pin_format(pin)) return ReaderPinChange::bad_format;
    return change_pin(store, card, now, station, hash_secret(pin));
}

ReaderPinChange clear_reader_pin(LibraryStore& store, const std::string& card, Timestamp now,
                                 const std::string& station) {
    return change_pin(store, card, now, station, std::nullopt);
}

}  // namespace kitap::core
