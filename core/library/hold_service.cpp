#include "core/library/hold_service.hpp"

#include "core/codes/code_classifier.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/library/library_core.hpp"

namespace kitap::core {
namespace {

// Candidates a person can read through to choose one.
constexpr int candidates_shown = 10;

std::optional<TitleRecord> title_named_exactly(LibraryCore& core, std::string_view text) {
    SQLite::Statement query(core.db, "SELECT id FROM title WHERE title = ? LIMIT 2");
    rebind(query, std::string(text));
    if (!query.executeStep()) return std::nullopt;
    const RowId id = query.getColumn(0).getInt64();
    if (query.executeStep()) return std::nullopt;  // two titles of that name: the words must choose
    return core.store.title_by_id(id);
}

// A unit of work on the holds: expired ones passed on first, then `action`, committed together.
template <typename Action>
auto with_holds(LibraryCore& core, const ActionStamp& by, Action&& action) {
    return guarded([&] {
        WriteTransaction transaction(core.db);
        Holds holds(core.store, core.rules.loans.hold_days);
        holds.expire(by.at, by.station);
        auto answer = action(holds);
        transaction.commit();
        return answer;
    });
}

}  // namespace

OrFault<TitleMatch> HoldService::find_title(std::string_view text) {
    return guarded([&] {
        const ClassifiedCode code = classify_code(text, core_.rules.codes, core_.store);
        if (code.copy) return TitleMatch{.title = code.copy->title};
        if (code.title) return TitleMatch{.title = code.title};
        if (auto exact = title_named_exactly(core_, text)) return TitleMatch{.title = std::move(exact)};
        auto found = catalog_search(core_.db, text, candidates_shown);
        if (found.size() == 1) return TitleMatch{.title = core_.store.title_by_id(found.front().title_id)};
        return TitleMatch{.candidates = std::move(found)};
    });
}

OrFault<HoldAnswer> HoldService::place(const std::string& card, RowId title_id, const ActionStamp& by) {
    return with_holds(core_, by, [&](Holds& holds) {
        // The card as scanned or typed, read as a station reads it (prefixes, check digits).
        const ClassifiedCode code = classify_code(card, core_.rules.codes, core_.store);
        return holds.place(code.reader ? code.reader->card : card, title_id, by.at, by.station, by.actor);
    });
}

OrFault<HoldAnswer> HoldService::cancel(RowId hold_id, const ActionStamp& by) {
    return with_holds(core_, by, [&](Holds& holds) { return holds.cancel(hold_id, by.at, by.station, by.actor); });
}

OrFault<std::vector<HoldRecord>> HoldService::open_holds(const ActionStamp& by) {
    return with_holds(core_, by, [&](Holds& holds) { return holds.open_holds(); });
}

}  // namespace kitap::core
