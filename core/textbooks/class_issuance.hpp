#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

struct IssueSetOptions {
    std::optional<std::string> isbn;  // only this title of the class set
    bool dry_run = false;
    Timestamp now;
    std::string station = "desk";
};

struct IssuedTitle {
    std::string isbn;
    std::string title;
    int count = 0;   // copies issued now
    int needed = 0;  // copies the class still lacked before

    friend bool operator==(const IssuedTitle&, const IssuedTitle&) = default;
};

// A pupil left without a title: `no_stock` when the fund ran short, `textbook_debt`
// when last year's book of the subject is still out.
struct Shortage {
    std::string card;
    std::string name;
    std::string isbn;
    std::string title;
    int missing = 1;
    std::string reason;

    friend bool operator==(const Shortage&, const Shortage&) = default;
};

struct IssueSetResult {
    std::string class_name;
    std::string school_year;
    int pupils = 0;
    int complete_sets = 0;  // pupils holding their whole set afterwards
    int loans = 0;          // loan rows written: one per pupil and title granted
    std::vector<IssuedTitle> issued;
    std::vector<Shortage> shortages;

    friend bool operator==(const IssueSetResult&, const IssueSetResult&) = default;
};

enum class IssueSetRefusal { unknown_class, no_curriculum, not_in_curriculum };
std::string_view to_string(IssueSetRefusal refusal);
std::optional<IssueSetRefusal> issue_set_refusal_from(std::string_view name);

struct IssueSetOutcome {
    std::optional<IssueSetResult> result;
    std::optional<IssueSetRefusal> refusal;

    friend bool operator==(const IssueSetOutcome&, const IssueSetOutcome&) = default;
};

// Gives every active pupil of the class the curriculum titles they do not hold
// yet, from title-level stock, in one transaction. When stock runs short, pupils
// who can get their whole set get it first (those missing the fewest books
// first), then the rest is shared title by title; who is left without what is
// listed. A dry run does the same work and writes nothing.
IssueSetOutcome issue_class_set(SQLite::Database& db, const std::string& class_name, const Rules& rules,
                                const IssueSetOptions& options);

// What a greedy fair split grants: pupils' needs in the order to serve them,
// stock per title; whole sets first, then title by title. Exposed for tests.
struct Need {
    std::size_t pupil = 0;
    RowId title_id = 0;
    int count = 0;
};
std::vector<Need> allocate_whole_sets_first(const std::vector<std::vector<Need>>& needs_by_pupil,
                                            std::map<RowId, int> free_stock);

}  // namespace kitap::core
