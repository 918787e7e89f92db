#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// A reader's own PIN for self-service, as Koha's and Evergreen's self-checks ask
// for one: 4 to 8 digits, kept as an argon2id hash (core/security/secret_hash.hpp).
inline constexpr std::size_t min_reader_pin_length = 4;
inline constexpr std::size_t max_reader_pin_length = 8;
bool is_reader_pin_format(std::string_view pin);

// Wrong PINs typed for one card: the fifth since the last right one locks the card's
// self-service for 15 minutes, each later lock twice as long as the one before, up
// to a day; a right PIN, or a new PIN from the librarian, starts the count again.
// At 5 tries per lock, guessing even a 4-digit PIN takes weeks.
struct ReaderPinLimits {
    int wrong_per_lock = 5;
    std::chrono::seconds first_lock{15 * 60};
    std::chrono::seconds longest_lock{24 * 60 * 60};
};

struct ReaderPin {
    std::string hash;
    int wrong_tries = 0;  // since the last right PIN or lock
    std::optional<Timestamp> locked_until;
};

// What a wrong PIN did to the card.
struct WrongPin {
    int tries_left = 0;                     // before the card locks
    std::optional<Timestamp> locked_until;  // set when this one locked it
};

// The reader_pin table; callers own the transactions.
class ReaderPins {
public:
    explicit ReaderPins(SQLite::Database& db);

    std::optional<ReaderPin> find(RowId reader_id);
    // A new PIN (the hash) for the reader; the wrong tries and locks start again.
    void set(RowId reader_id, const std::string& hash, Timestamp at);
    // False when the reader had no PIN.
    bool clear(RowId reader_id);
    void accepted(RowId reader_id);
    WrongPin wrong(RowId reader_id, Timestamp now, const ReaderPinLimits& limits = {});

private:
    PreparedStatement find_;
    PreparedStatement set_;
    PreparedStatement clear_;
    PreparedStatement accepted_;
    PreparedStatement counts_;
    PreparedStatement count_wrong_;
    PreparedStatement lock_;
};

// `kitap reader set-pin` and `clear-pin`: the change and its line in the audit log
// (actor the librarian), in one transaction.
enum class ReaderPinChange { done, unknown_card, bad_format, no_pin_set };
ReaderPinChange set_reader_pin(LibraryStore& store, const std::string& card, std::string_view pin, Timestamp now,
                               const std::string& station);
ReaderPinChange clear_reader_pin(LibraryStore& store, const std::string& card, Timestamp now,
                                 const std::string& station);

}  // namespace kitap::core
