#pragma once

#include "kiosk/answers/answer.hpp"
#include "kiosk/answers/answer_context.hpp"

#include <string>

// Read-only answers about the library's people and things: what `kitap stats`,
// `kitap reader`, `kitap item` print with --json, a class's pupils and the public
// catalogue's search. Each answer is JSON or a Problem.
namespace kitap::answers {

// GET /api/stats, `kitap stats --json`: readers by category, titles, copies, loans.
AnswerOr stats_answer(const AnswerContext& context);

// GET /api/readers/{card}, `kitap reader CARD --json`: the reader and what they hold.
// An unknown card is not_found "unknown_reader".
AnswerOr reader_answer(const AnswerContext& context, const std::string& card);

// GET /api/items/{code}, `kitap item CODE --json`: a copy by its inventory barcode
// (with its holder's card) or a title by its ISBN. Anything else is not_found "unknown_item".
AnswerOr item_answer(const AnswerContext& context, const std::string& code);

// GET /api/readers?class=5Ә, `kitap class CLASS --json`: the class's pupils this
// school year by name, each with their class set progress and how many books they
// hold. A malformed class is bad_request "bad_class"; one the year lacks not_found "unknown_class".
AnswerOr class_readers_answer(const AnswerContext& context, const std::string& class_name);

// GET /api/catalog?q=TEXT, `kitap catalog search TEXT --json`: titles whose title,
// authors or ISBN match, with kind, shelves and available/total copies; never who
// holds one. An empty or overlong text is bad_request "bad_query".
AnswerOr catalog_search_answer(const AnswerContext& context, const std::string& text);

// The most titles one catalogue search returns.
inline constexpr int catalog_search_limit = 50;

}  // namespace kitap::answers
