#pragma once

#include "core/circulation/holds.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/fund/refusal.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

enum class WriteoffReason { worn, curriculum, lost, damaged, transfer };  // transfer: to another school
inline constexpr std::array<WriteoffReason, 5> writeoff_reasons{WriteoffReason::worn, WriteoffReason::curriculum,
                                                                WriteoffReason::lost, WriteoffReason::damaged,
                                                                WriteoffReason::transfer};
std::string_view to_string(WriteoffReason reason);
std::optional<WriteoffReason> writeoff_reason_from(std::string_view name);

// Books leaving the fund: `count` title-level copies of the ISBN's title, or the
// labelled copies named (exactly one of the two), on one act.
struct WriteoffRequest {
    WriteoffReason reason = WriteoffReason::worn;
    std::optional<std::string> act;  // append to this act, created when new; else a new act
    std::string isbn;
    int count = 0;
    std::vector<std::string> barcodes;
};

// A write-off act as the accountant reads it.
struct ActSummary {
    std::string number;  // "2024-001"
    std::string date;    // ISO date the act was opened
    WriteoffReason reason = WriteoffReason::worn;
    int rows = 0;
    int copies = 0;
    std::int64_t sum_tiyn = 0;
};

struct WriteoffDone {
    ActSummary act;  // the whole act after this write-off
    bool new_act = false;
    int copies = 0;  // written off by this command
    std::int64_t sum_tiyn = 0;
};

// Writes books off in one transaction: an act (numbered "<year>-NNN" by the
// calendar year, unless the request names one), a row per title or copy priced
// at the title's price (core/fund/title_price.hpp), title-level stock decreased
// or copies marked 'written_off', and a 'writeoff' event per row ('writeoff_act'
// for a new act).
// Refused by a rule, nothing written: more title-level copies than are free (the
// stock less what is on loan), a copy on loan (a lost copy comes back through a
// return with condition lost first) or already written off. Bad input: an ISBN
// or copy that names nothing, neither or both of count and copies, a named act
// whose reason differs. A copy kept for a reader who reserved it goes: their hold
// waits again at the head of its queue, for the next copy back (`holds`, on `db`).
Checked<WriteoffDone> write_off(SQLite::Database& db, Holds& holds, const WriteoffRequest& request,
                                const ActionStamp& by);

// Every act, oldest first.
std::vector<ActSummary> writeoff_acts(SQLite::Database& db);

}  // namespace kitap::core
