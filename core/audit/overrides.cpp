#include "core/audit/overrides.hpp"

#include "core/text/enum_names.hpp"

namespace kitap::core {

constexpr auto override_names = enum_names<OverrideKind>({
    {OverrideKind::loan_moved, "loan_moved"},
    {OverrideKind::off_curriculum, "off_curriculum"},
    {OverrideKind::debt_waived, "debt_waived"},
    {OverrideKind::early_close, "early_close"},
    {OverrideKind::hold_overridden, "hold_overridden"},
});

std::string_view to_string(OverrideKind kind) { return override_names.name_of(kind); }

std::optional<OverrideKind> override_in(std::string_view action, std::string_view detail) {
    if (action == "loan" && detail.starts_with(moved_from_mark)) return OverrideKind::loan_moved;
    if (action == "return" && detail.starts_with(moved_to_mark)) return OverrideKind::loan_moved;
    if (action == "loan" && detail == off_curriculum_mark) return OverrideKind::off_curriculum;
    if (action == "loan" && detail.starts_with(kept_for_mark)) return OverrideKind::hold_overridden;
    if (action == "settle" && detail == waived_mark) return OverrideKind::debt_waived;
    if (action == "year_closed" && detail.ends_with(early_close_mark)) return OverrideKind::early_close;
    return std::nullopt;
}

}  // namespace kitap::core
