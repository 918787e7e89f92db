#pragma once

#include "core/fund/refusal.hpp"
#include "core/library/fault.hpp"
#include "kiosk/answers/answer.hpp"
#include "kiosk/app/translator.hpp"

#include <exception>
#include <string>
#include <type_traits>
#include <utility>

namespace kitap::answers {

Problem bad_request(std::string code, std::string message);
Problem not_found(std::string code, std::string message);

// Storage that broke: the fault's kind is the code ("locked", "disk_full"), its detail the message.
Problem fault_problem(const core::Fault& fault);

// A core refusal in the request's language: bad input is a bad_request, a rule's no
// is `refused`; the code is the key's last word ("unknown_isbn"). Write-off reasons
// among the arguments are translated as the rest of the message is.
Problem refusal_problem(const core::Refusal& refusal, const app::Translator& tr);

// A storage fault met in the middle of building an answer. `stored` throws it and
// `answering` turns it into the answer's Problem, so an answer reads as a sequence of
// core calls instead of a check after each (the CLI's or_fault, as a value at the end).
class FaultMet : public std::exception {
public:
    explicit FaultMet(core::Fault fault) : fault_(std::move(fault)) {}
    const core::Fault& fault() const { return fault_; }
    const char* what() const noexcept override { return fault_.detail.c_str(); }

private:
    core::Fault fault_;
};

template <typename T>
T stored(core::OrFault<T> result) {
    if (!result) throw FaultMet(std::move(result.error()));
    if constexpr (!std::is_void_v<T>) return std::move(*result);
}

// Runs `action` (returning tl::expected<T, Problem>); a FaultMet becomes its fault Problem.
template <typename Action>
auto answering(Action&& action) -> std::invoke_result_t<Action> {
    try {
        return std::forward<Action>(action)();
    } catch (const FaultMet& met) {
        return tl::unexpected(fault_problem(met.fault()));
    }
}

}  // namespace kitap::answers
