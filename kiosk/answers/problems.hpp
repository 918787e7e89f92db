#pragma once

#include "core/fund/refusal.hpp"
#include "core/library/fault.hpp"
#include "kiosk/answers/answer.hpp"
#include "kiosk/app/translator.hpp"

#include <string>
#include <utility>

// The Problems the actions share: broken storage, a fund or year rule's refusal,
// a malformed option.
namespace kitap::answers {

// What a step gives back: its value, or why there is no answer.
template <typename T>
using ProblemOr = tl::expected<T, Problem>;

// Broken storage: the fault's kind as the code ("locked", "disk_full"), what the
// system said as the message.
Problem fault_problem(const core::Fault& fault);

// A core::Refusal in the request's language (write-off reasons translated too):
// bad input is a bad request, a rule refuses. The code is the key's last part
// ("fund.error.unknown_isbn" -> "unknown_isbn").
Problem refusal_problem(const app::Translator& tr, const core::Refusal& refusal);

// A malformed option or field, told by the message `key` with `name` = `value`.
Problem bad_option(const app::Translator& tr, const std::string& key, const std::string& name,
                   const std::string& value);

// An answer from a step's value turned into JSON, or the step's Problem.
template <typename T, typename ToJson>
AnswerOr answer_from(const ProblemOr<T>& step, ToJson to_json) {
    if (!step) return tl::unexpected(step.error());
    return Answer(nlohmann::json(to_json(*step)));
}

}  // namespace kitap::answers
