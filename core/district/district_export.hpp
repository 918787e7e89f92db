#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/reports/annual_report.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// What leaves the school for the city's server (`kitap sync`). Pupils' names and
// cards never do: a reader is a keyed hash of their row id under a key that only
// the school's database holds, so the city can count distinct readers without
// being able to tell who they are or match them with another school's.

// The key of the readers' pseudonyms: 32 random bytes made once, kept in the settings.
using PseudonymKey = std::array<unsigned char, 32>;
std::optional<PseudonymKey> stored_pseudonym_key(SQLite::Database& db);
PseudonymKey make_pseudonym_key(SQLite::Database& db);                          // in the caller's write transaction
std::string reader_pseudonym(const PseudonymKey& key, std::int64_t reader_id);  // 32 hex digits

// One event-log row as it leaves the school: what happened, when, where and to
// which title, but no free text (a detail may name a card), no card and no account.
struct DistrictEvent {
    std::int64_t sequence = 0;  // the row's id: increasing, never reused
    std::string at;             // ISO 8601 UTC
    std::string station;
    std::string actor_role;
    std::string action;
    std::string reader;  // pseudonym; empty when the event names no reader
    std::string isbn;    // the title's; empty when it names no title or the title has none
    std::optional<std::int64_t> copy_id;
    std::optional<int> quantity;
};

// The events after `after`, oldest first, at most `limit` of them and none after `up_to`.
std::vector<DistrictEvent> district_events(SQLite::Database& db, const PseudonymKey& key, std::int64_t after,
                                           std::int64_t up_to, int limit);
std::int64_t last_event_sequence(SQLite::Database& db);
// The hash that chains event `sequence` into the log (core/audit/event_chain.hpp), in
// hex; nullopt when there is no such event. The district keeps the last one it was
// sent, so that a database that did not send it (restored from an older backup, or
// another school's under the same id) is told apart before its events are mixed in.
std::optional<std::string> district_event_hash(SQLite::Database& db, std::int64_t sequence);

// A title of the catalogue by ISBN (titles without one are not sent): its copies
// owned (title-level stock and labelled copies in the fund), those on loan, and
// the rest, free.
struct DistrictTitle {
    std::string isbn;
    std::string title;
    std::string authors;
    std::string kind;
    std::string language;
    std::string subject;
    std::optional<int> grade;
    int owned = 0;
    int on_loan = 0;
    int free = 0;
};

struct DistrictCurriculumLine {
    int grade = 0;
    std::string language;
    std::string isbn;
    int per_pupil = 1;
};

// The active pupils of a grade and language of instruction in the current school year.
struct DistrictClassSize {
    int grade = 0;
    std::string language;
    int classes = 0;
    int pupils = 0;
};

// The school's own provision report (`kitap report provision`) summed over the
// classes of a grade and language, per curriculum title.
struct DistrictProvision {
    int grade = 0;
    std::string language;
    std::string isbn;
    std::string title;
    int pupils = 0;
    int needed = 0;
    int issued = 0;
};

// A line of the school's own order for next year (`kitap order`): what it will
// need and what it will have of a curriculum title.
struct DistrictNeed {
    std::string isbn;
    std::string title;
    int needed = 0;
    int usable = 0;
    int to_order = 0;
};

// The school's annual statistics (`kitap report annual`) for one school year.
struct DistrictYear {
    std::string year;
    AnnualFigures figures;
};

struct DistrictSnapshot {
    std::string school_year;    // the current one, whose classes are counted
    std::string need_for_year;  // the year after it, which `need` is for
    std::vector<DistrictTitle> titles;
    std::vector<DistrictCurriculumLine> curriculum;
    std::vector<DistrictClassSize> class_sizes;
    std::vector<DistrictProvision> provision;
    std::vector<DistrictNeed> need;  // empty when the school has no classes to count
    // The school years whose figures may have changed since the district's last sync,
    // up to the current one: every year the event log reaches on a first sync or after
    // anything but circulation (an import or a year close can move earlier years'
    // readers and fund), else the years of the new events. The district keeps the rest.
    std::vector<DistrictYear> annual;
};

// Every figure of the snapshot read in one state of the database, for a district
// that holds the events up to `sent_up_to` (0: none).
DistrictSnapshot district_snapshot(SQLite::Database& db, Date today, std::int64_t sent_up_to);

}  // namespace kitap::core
