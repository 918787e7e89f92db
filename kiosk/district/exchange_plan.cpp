#include "kiosk/district/exchange_plan.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

// Why a heuristic: even when the surplus equals the shortage, the fewest
// transfers is (#donors + #recipients) minus the most groups the schools can be
// split into, each group's surplus equal to its shortage; whether they split into
// even two such groups is subset-sum, NP-complete. So the plan is greedy, and
// deterministic so that two runs on the same data agree:
//   1. Exact matches: a donor whose surplus equals a recipient's shortage closes
//      both schools in one transfer. Recipients by shortage descending, each
//      paired with the first such donor by school id.
//   2. The rest, recipients by remaining shortage descending: if a donor can cover
//      the whole remaining shortage, the one with the smallest such surplus gives
//      it (best fit: the big donors stay for the big needs); otherwise the largest
//      donor gives all it has, and the recipient's search goes on.
// Ties go to the smallest school id.
//
// The bound, transfers <= #donors + #recipients - 1 (when there is at least one of
// each; otherwise no transfer at all). Call a school closed once its remaining
// surplus or shortage is zero; a closed school takes part in no further transfer.
// Every transfer closes at least one school: an exact match closes both, a best
// fit closes the recipient, a largest donor that cannot cover the need gives all
// and closes itself. So transfers <= closings <= #donors + #recipients. If the
// surplus exceeds the shortage, some donor is never closed; if the shortage
// exceeds the surplus, some recipient; if they are equal, the last transfer moves
// exactly what is left in the whole district, from one donor to one recipient, and
// so closes both. Each case saves one, hence the - 1.
// The plan covers min(surplus, shortage): it stops only when every recipient is
// closed or no donor has a copy left.

namespace kitap::district {
namespace {

// A school still taking part: how many copies it has left to give, or still needs.
struct Party {
    std::string school;
    int left = 0;
};

struct Parties {
    std::vector<Party> donors;      // by school id
    std::vector<Party> recipients;  // by shortage descending, then school id
};

Parties split_by_net_balance(const std::vector<SchoolBalance>& balances) {
    std::map<std::string, int> net;  // ordered by school id, which settles the ties
    for (const auto& balance : balances)
        net[balance.school] += std::max(balance.surplus, 0) - std::max(balance.shortage, 0);
    Parties parties;
    for (const auto& [school, copies] : net) {
        if (copies > 0) parties.donors.push_back({school, copies});
        if (copies < 0) parties.recipients.push_back({school, -copies});
    }
    std::stable_sort(parties.recipients.begin(), parties.recipients.end(),
                     [](const Party& a, const Party& b) { return a.left > b.left; });
    return parties;
}

int total_left(const std::vector<Party>& parties) {
    return std::accumulate(parties.begin(), parties.end(), 0, [](int sum, const Party& p) { return sum + p.left; });
}

void move_copies(Party& donor, Party& recipient, int count, std::vector<Transfer>& transfers) {
    transfers.push_back({donor.school, recipient.school, count});
    donor.left -= count;
    recipient.left -= count;
}

// A closed donor (left 0) never matches: every recipient here still needs copies.
void pair_exact_matches(std::vector<Party>& donors, std::vector<Party>& recipients, std::vector<Transfer>& transfers) {
    for (auto& recipient : recipients) {
        auto match = std::find_if(donors.begin(), donors.end(),
                                  [&](const Party& donor) { return donor.left == recipient.left; });
        if (match != donors.end()) move_copies(*match, recipient, recipient.left, transfers);
    }
}

// The donor with the smallest surplus that still covers the whole need, or end().
std::vector<Party>::iterator best_fit(std::vector<Party>& donors, int need) {
    auto best = donors.end();
    for (auto donor = donors.begin(); donor != donors.end(); ++donor)
        if (donor->left >= need && (best == donors.end() || donor->left < best->left)) best = donor;
    return best;
}

void fill_from_donors(Party& recipient, std::vector<Party>& donors, std::vector<Transfer>& transfers) {
    while (recipient.left > 0) {
        if (auto fit = best_fit(donors, recipient.left); fit != donors.end()) {
            move_copies(*fit, recipient, recipient.left, transfers);
            return;
        }
        // max_element returns the first of equals: the smallest school id.
        auto largest = std::max_element(donors.begin(), donors.end(),
                                        [](const Party& a, const Party& b) { return a.left < b.left; });
        if (largest == donors.end() || largest->left == 0) return;  // the district has no copy left
        move_copies(*largest, recipient, largest->left, transfers);
    }
}

// Every transfer closes its donor or its recipient, so no pair of schools appears
// twice and this order is total.
void sort_by_recipient(std::vector<Transfer>& transfers) {
    std::sort(transfers.begin(), transfers.end(), [](const Transfer& a, const Transfer& b) {
        return std::tie(a.to_school, a.from_school) < std::tie(b.to_school, b.from_school);
    });
}

}  // namespace

TitlePlan plan_title_transfers(const std::vector<SchoolBalance>& balances) {
    auto [donors, recipients] = split_by_net_balance(balances);
    TitlePlan plan;
    plan.surplus = total_left(donors);
    plan.shortage = total_left(recipients);
    pair_exact_matches(donors, recipients, plan.transfers);
    for (auto& recipient : recipients) fill_from_donors(recipient, donors, plan.transfers);
    plan.covered = plan.shortage - total_left(recipients);
    sort_by_recipient(plan.transfers);
    return plan;
}

}  // namespace kitap::district
