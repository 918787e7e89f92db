#pragma once

#include <optional>
#include <string_view>

namespace kitap::core {

// What the librarian may do that a pupil is refused, as the audit names it.
enum class OverrideKind {
    loan_moved,       // desk: a copy on loan to one reader lent to another (its return and its loan)
    off_curriculum,   // desk: a textbook outside the pupil's class set
    debt_waived,      // a compensation for a damaged or lost book settled as waived
    early_close,      // a school year closed before 1 May (`year close --early`)
    hold_overridden,  // desk: a copy kept for a reader who reserved it lent to another
};
std::string_view to_string(OverrideKind kind);

// The marks the writers of those events put in `detail`, so the audit can tell
// an override from the ordinary action; the station and the year close write
// these constants, and a settle's detail is the settlement's name.
inline constexpr std::string_view moved_from_mark = "moved from ";  // a loan's detail, then the previous card
inline constexpr std::string_view moved_to_mark = "moved to ";      // the previous holder's return, then the new card
inline constexpr std::string_view off_curriculum_mark = "off_curriculum";  // a desk loan's detail
inline constexpr std::string_view waived_mark = "waived";                  // a settle's detail: the settlement
inline constexpr std::string_view early_close_mark = "closed early";       // the end of a year_closed detail
inline constexpr std::string_view kept_for_mark = "kept for ";  // a desk loan's detail, then the waiting reader's card

// The override an event records, if any.
std::optional<OverrideKind> override_in(std::string_view action, std::string_view detail);

}  // namespace kitap::core
