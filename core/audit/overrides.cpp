#include "core/audit/overrides.hpp"

namespace kitap::core {

std::string_view to_string(OverrideKind kind) {
    switch (kind) {
        case OverrideKind::loan_moved:
            return "loan_moved";
        case OverrideKind::off_curriculum:
            return "off_curriculum";
        case OverrideKind::debt_waived:
            return "debt_waived";
        case OverrideKind::early_close:
            break;
    }
    return "early_close";
}

std::optional<OverrideKind> override_in(std::string_view action, std::string_view detail) {
    if (action == "loan" && detail.starts_with(moved_from_mark)) return OverrideKind::loan_moved;
    if (action == "return" && detail.starts_with(moved_to_mark)) return OverrideKind::loan_moved;
    if (action == "loan" && detail == off_curriculum_mark) return OverrideKind::off_curriculum;
    if (action == "settle" && detail == waived_mark) return OverrideKind::debt_waived;
    if (action == "year_closed" && detail.ends_with(early_close_mark)) return OverrideKind::early_close;
    return std::nullopt;
}

}  // namespace kitap::core
