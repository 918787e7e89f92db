#include "kiosk/answers/problem.hpp"

#include "core/fund/writeoffs.hpp"

namespace kitap::answers {

Problem bad_request(std::string code, std::string message) {
    return {ProblemKind::bad_request, std::move(code), std::move(message)};
}

Problem not_found(std::string code, std::string message) {
    return {ProblemKind::not_found, std::move(code), std::move(message)};
}

Problem fault_problem(const core::Fault& fault) {
    return {ProblemKind::fault, std::string(to_string(fault.kind)), fault.detail};
}

Problem refusal_problem(const core::Refusal& refusal, const app::Translator& tr) {
    app::MessageArgs args(refusal.args.begin(), refusal.args.end());
    for (auto& [name, value] : args)
        if (name.ends_with("reason") && core::writeoff_reason_from(value)) value = tr("fund.reason." + value);
    const auto last_dot = refusal.key.rfind('.');
    return {refusal.kind == core::RefusalKind::bad_input ? ProblemKind::bad_request : ProblemKind::refused,
            last_dot == std::string::npos ? refusal.key : refusal.key.substr(last_dot + 1), tr(refusal.key, args)};
}

}  // namespace kitap::answers
