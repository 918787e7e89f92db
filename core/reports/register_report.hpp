#pragma once

#include "core/db/sqlite_fwd.hpp"
#include "core/fund/refusal.hpp"
#include "core/fund/writeoffs.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace kitap::core {

struct FundMovement {
    long long copies = 0;
    std::int64_t sum_tiyn = 0;
};

// One part of the fund (textbooks, the rest, or the whole) over a school year.
struct RegisterSection {
    long long fund_start = 0;  // copies on the books on 1 September
    FundMovement received;
    FundMovement written_off;                                      // on acts, and lost on return
    std::map<WriteoffReason, FundMovement> written_off_by_reason;  // on acts: every reason, zero when none
    FundMovement lost_on_return;  // title-level stock a return with condition lost took out of the fund
    long long fund_end = 0;       // copies on the books on 31 August
};

// The summary register (книга суммарного учёта) for one school year.
struct RegisterReport {
    std::string school_year;
    std::string first_day;  // ISO dates the year runs between
    std::string last_day;
    RegisterSection textbooks;
    RegisterSection other;
    RegisterSection total;
};

// The fund on the books is title-level stock plus labelled copies not written
// off (lost copies stay on the books until an act writes them off). Receipts
// (by received_on), write-off rows (by the act's date) and title-level returns
// with condition lost (which shrink the stock at once) are the movements; the
// fund at the end of the year is today's fund less what came after, the fund at
// the start that less the year's movement. Stock changed outside receipts and
// write-offs (a catalogue import) counts as present all along. Sums are at the
// receipt's price, the act row's, and the title's price for losses.
// Bad input: a malformed year name.
Checked<RegisterReport> register_report(SQLite::Database& db, const std::string& school_year);

}  // namespace kitap::core
