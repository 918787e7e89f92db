#include "kiosk/answers/problems.hpp"

#include "core/fund/writeoffs.hpp"

namespace kitap::answers {

Problem fault_problem(const core::Fault& fault) {
    return {ProblemKind::fault, std::string(to_string(fault.kind)), fault.detail};
}

Problem refusal_problem(const app::Translator& tr, const core::Refusal& refusal) {
    app::MessageArgs args(refusal.args.begin(), refusal.args.end());
    for (auto& [name, value] : args)
        if (name.ends_with("reason") && core::writeoff_reason_from(value)) value = tr("fund.reason." + value);
    const auto last_dot = refusal.key.rfind('.');
    return {refusal.kind == core::RefusalKind::bad_input ? ProblemKind::bad_request : ProblemKind::refused,
            last_dot == std::string::npos ? refusal.key : refusal.key.substr(last_dot + 1), tr(refusal.key, args)};
}

Problem bad_option(const app::Translator& tr, const std::string& key, const std::string& name,
                   const std::string& value) {
    return refusal_problem(tr, core::bad_input(key, {{name, value}}).value());
}

}  // namespace kitap::answers
