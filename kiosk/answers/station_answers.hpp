#pragma once

#include "kiosk/answers/answer_context.hpp"
#include "kiosk/answers/problem.hpp"

#include <string>

// Stations on other PCs and the exceptions list their offline journals leave: what
// `kitap stations` and `kitap exceptions` print and the web console will serve.
namespace kitap::answers {

// [{"name", "online", "last_seen" (ISO 8601, or null), "journal_waiting"}], by name.
AnswerOr stations_answer(const AnswerContext& context);

// The open exceptions, oldest first: [{"id", "station", "scanned_at", "card", "code",
// "reason", "mode", "listed_at"}] (times ISO 8601 UTC).
AnswerOr exceptions_answer(const AnswerContext& context);

// `kitap exceptions accept ID`: the scan applied as the librarian's override at
// `station`: {"id", "settled": "accepted", "outcome" (as `kitap scan` prints it),
// "message"}. An id that is not a number is bad_request "bad_exception_id"; none
// such is not_found "unknown_exception"; one settled before is bad_request
// "already_settled"; refused by the desk's rules too, it stays open: `refused` with
// the rule's reason as the code.
AnswerOr accept_exception_answer(const AnswerContext& context, const std::string& id, const std::string& station);

// `kitap exceptions discard ID`: {"id", "settled": "discarded", "message"}; the same
// problems as accepting.
AnswerOr discard_exception_answer(const AnswerContext& context, const std::string& id, const std::string& station);

}  // namespace kitap::answers
