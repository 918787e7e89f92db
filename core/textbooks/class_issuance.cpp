#include "core/textbooks/class_issuance.hpp"

#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/text/enum_names.hpp"
#include "core/textbooks/class_roster.hpp"
#include "core/textbooks/curriculum.hpp"
#include "core/textbooks/textbook_ledger.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <numeric>

namespace kitap::core {
namespace {

bool fits(const std::vector<Need>& needs, const std::map<RowId, int>& stock) {
    return std::all_of(needs.begin(), needs.end(),
                       [&](const Need& need) { return stock.at(need.title_id) >= need.count; });
}

int total(const std::vector<Need>& needs) {
    return std::accumulate(needs.begin(), needs.end(), 0, [](int sum, const Need& need) { return sum + need.count; });
}

// Everything one class issuance works with, gathered before anything is written.
class ClassSetPlan {
public:
    ClassSetPlan(SQLite::Database& db, std::vector<CurriculumEntry> entries, std::vector<Pupil> pupils, Date today)
        : entries_(std::move(entries)), pupils_(std::move(pupils)) {
        TextbookLedger ledger(db);
        LibraryStore store(db);
        for (const auto& entry : entries_) {
            const auto title = store.title_by_isbn(entry.isbn);
            free_stock_[entry.title_id] = title ? title->stock - store.title_quantity_on_loan(entry.title_id) : 0;
        }
        needs_.resize(pupils_.size());
        for (std::size_t pupil = 0; pupil < pupils_.size(); ++pupil)
            for (const auto& entry : entries_) add_need(ledger, pupil, entry, school_year_start(today));
    }

    // Pupils missing the fewest books are served first, so the most whole sets go out.
    std::vector<Need> allocate() const {
        std::vector<std::size_t> order(pupils_.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return total(needs_[a]) < total(needs_[b]); });
        std::vector<std::vector<Need>> ordered;
        for (std::size_t pupil : order) ordered.push_back(needs_[pupil]);
        return allocate_whole_sets_first(ordered, free_stock_);
    }

    IssueSetResult result(const std::vector<Need>& granted) const {
        IssueSetResult result;
        result.pupils = static_cast<int>(pupils_.size());
        std::map<std::pair<std::size_t, RowId>, int> got;
        for (const auto& need : granted) got[{need.pupil, need.title_id}] += need.count;
        for (const auto& entry : entries_) result.issued.push_back({entry.isbn, entry.title, 0, 0});
        std::vector<bool> complete(pupils_.size(), true);
        for (std::size_t pupil = 0; pupil < pupils_.size(); ++pupil) {
            for (const auto& need : needs_[pupil]) {
                auto& issued = issued_line(result, need.title_id);
                issued.needed += need.count;
                const int given = got[{pupil, need.title_id}];
                issued.count += given;
                if (given < need.count) {
                    complete[pupil] = false;
                    add_shortage(result, pupil, need.title_id, need.count - given, "no_stock");
                }
            }
        }
        for (const auto& [pupil, title_id] : debts_) {
            complete[pupil] = false;
            add_shortage(result, pupil, title_id, per_pupil(title_id), "textbook_debt");
        }
        result.complete_sets = static_cast<int>(std::count(complete.begin(), complete.end(), true));
        return result;
    }

    const Pupil& pupil(std::size_t index) const { return pupils_[index]; }

private:
    void add_need(TextbookLedger& ledger, std::size_t pupil, const CurriculumEntry& entry, Date year_start) {
        const int missing = entry.per_pupil - ledger.held(pupils_[pupil].id, entry.title_id);
        if (missing <= 0) return;
        if (ledger.earlier_year_debt(pupils_[pupil].id, entry.subject, year_start))
            debts_.emplace_back(pupil, entry.title_id);
        else
            needs_[pupil].push_back({pupil, entry.title_id, missing});
    }

    IssuedTitle& issued_line(IssueSetResult& result, RowId title_id) const {
        return result.issued[entry_index(title_id)];
    }

    void add_shortage(IssueSetResult& result, std::size_t pupil, RowId title_id, int missing,
                      const char* reason) const {
        const auto& entry = entries_[entry_index(title_id)];
        result.shortages.push_back(
            {pupils_[pupil].card, pupils_[pupil].name, entry.isbn, entry.title, missing, reason});
    }

    std::size_t entry_index(RowId title_id) const {
        return static_cast<std::size_t>(
            std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.title_id == title_id; }) -
            entries_.begin());
    }

    int per_pupil(RowId title_id) const { return entries_[entry_index(title_id)].per_pupil; }

    std::vector<CurriculumEntry> entries_;
    std::vector<Pupil> pupils_;
    std::vector<std::vector<Need>> needs_;
    std::vector<std::pair<std::size_t, RowId>> debts_;
    std::map<RowId, int> free_stock_;
};

void write_loans(SQLite::Database& db, const ClassSetPlan& plan, const std::vector<Need>& granted, Date due,
                 const std::string& class_name, const IssueSetOptions& options) {
    LibraryStore store(db);
    for (const auto& need : granted) {
        const RowId reader_id = plan.pupil(need.pupil).id;
        store.insert_loan({.reader_id = reader_id,
                           .title_id = need.title_id,
                           .quantity = need.count,
                           .at = options.now,
                           .due = due,
                           .station = options.station});
        store.log_event({.at = options.now,
                         .station = options.station,
                         .actor = {ActorRole::librarian},
                         .action = "loan",
                         .reader_id = reader_id,
                         .title_id = need.title_id,
                         .quantity = need.count,
                         .detail = "issue-set " + class_name});
    }
}

}  // namespace

constexpr auto issue_set_refusal_names = enum_names<IssueSetRefusal>({
    {IssueSetRefusal::unknown_class, "unknown_class"},
    {IssueSetRefusal::no_curriculum, "no_curriculum"},
    {IssueSetRefusal::not_in_curriculum, "not_in_curriculum"},
});

std::string_view to_string(IssueSetRefusal refusal) { return issue_set_refusal_names.name_of(refusal); }
std::optional<IssueSetRefusal> issue_set_refusal_from(std::string_view name) {
    return issue_set_refusal_names.value_of(name);
}

std::vector<Need> allocate_whole_sets_first(const std::vector<std::vector<Need>>& needs_by_pupil,
                                            std::map<RowId, int> free_stock) {
    std::vector<Need> granted;
    std::vector<bool> served(needs_by_pupil.size(), false);
    for (std::size_t i = 0; i < needs_by_pupil.size(); ++i) {
        if (!fits(needs_by_pupil[i], free_stock)) continue;
        for (const auto& need : needs_by_pupil[i]) {
            free_stock[need.title_id] -= need.count;
            granted.push_back(need);
        }
        served[i] = true;
    }
    for (std::size_t i = 0; i < needs_by_pupil.size(); ++i) {
        if (served[i]) continue;
        for (auto need : needs_by_pupil[i]) {
            need.count = std::min(need.count, free_stock[need.title_id]);
            if (need.count <= 0) continue;
            free_stock[need.title_id] -= need.count;
            granted.push_back(need);
        }
    }
    return granted;
}

IssueSetOutcome issue_class_set(SQLite::Database& db, const std::string& class_name, const Rules& rules,
                                const IssueSetOptions& options) {
    const Date today = local_date(options.now);
    const auto school_class = find_current_class(db, class_name, today);
    if (!school_class) return {.refusal = IssueSetRefusal::unknown_class};
    auto entries = curriculum_entries(db, school_class->name.grade, school_class->language);
    if (entries.empty()) return {.refusal = IssueSetRefusal::no_curriculum};
    if (options.isbn) {
        const auto isbn = normalize_isbn(*options.isbn).value_or(*options.isbn);
        std::erase_if(entries, [&](const CurriculumEntry& entry) { return entry.isbn != isbn; });
        if (entries.empty()) return {.refusal = IssueSetRefusal::not_in_curriculum};
    }
    WriteTransaction transaction(db);
    const ClassSetPlan plan(db, std::move(entries), active_pupils(db, school_class->id), today);
    const auto granted = plan.allocate();
    write_loans(db, plan, granted, next_occurrence(today, rules.loans.textbook_due), school_class->name.text(),
                options);
    if (!options.dry_run) transaction.commit();
    auto result = plan.result(granted);
    result.loans = static_cast<int>(granted.size());
    result.class_name = school_class->name.text();
    result.school_year = school_class->school_year;
    return {.result = std::move(result)};
}

}  // namespace kitap::core
