#pragma once

#include <string>
#include <vector>

namespace kitap::district {

// The district methodologist's proposal for one curriculum textbook title: which
// schools with copies to spare next year send how many to which schools that are
// short, covering as much of the shortage as the spare copies allow with as few
// transfers (trips, acts of transfer) as a quick deterministic search finds.
// Pure computation: the district sync gathers the balances, the reports print the plan.

// One school's balance of one title for the coming year.
struct SchoolBalance {
    std::string school;
    int surplus = 0;
    int shortage = 0;  // at most one of the two > 0
};

struct Transfer {
    std::string from_school;
    std::string to_school;
    int count = 0;

    friend bool operator==(const Transfer&, const Transfer&) = default;
};

struct TitlePlan {
    std::vector<Transfer> transfers;  // sorted by to_school, then from_school; each pair at most once
    int shortage = 0;                 // copies missing in all the schools together
    int surplus = 0;                  // copies to spare in all the schools together
    int covered = 0;                  // copies moved: always min(surplus, shortage)
};

// The plan for one title. Inputs are read leniently rather than refused, since they
// come from many schools' data: a negative surplus or shortage counts as zero; a
// school listed with both, or more than once, is taken at its net balance (its own
// spare copies cover its own need first); a school whose net balance is zero takes
// no part. Covers min(surplus, shortage) copies in at most
// (#donors + #recipients - 1) transfers; exact minimality is NP-hard, see the .cpp.
TitlePlan plan_title_transfers(const std::vector<SchoolBalance>& balances);

}  // namespace kitap::district
