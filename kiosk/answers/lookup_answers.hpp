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
// With `history` above 0 (GET /api/readers/{card}?history=N) the newest N past loans
// too, as "history": [{"code", "title", "loaned", "returned"}] (returned null while held).
AnswerOr reader_answer(const AnswerContext& context, const std::string& card, int history = 0);

// GET /api/readers?q=TEXT: readers whose name contains TEXT (any case) or whose card
// starts with it, by name: [{"card", "name", "class", "category", "status"}]; with
// `classes`, only those classes' readers (a teacher's). An empty or overlong text is
// bad_request "bad_query".
AnswerOr reader_search_answer(const AnswerContext& context, const std::string& text,
                              const std::optional<std::vector<std::string>>& classes);
// GET /api/titles/{isbn}/copies: the title's labelled copies by inventory number and
// where each is: [{"code", "status", "shelf", "holder", "holder_name", "due"}] (status
// as `kitap item` says it; holder, holder_name and due null unless on loan). An ISBN
// no title has is not_found "unknown_title".
AnswerOr title_copies_answer(const AnswerContext& context, const std::string& isbn);

// The most readers one search returns, and the most past loans a reader's page asks for.
inline constexpr int reader_search_limit = 50;
inline constexpr int max_reader_history = 500;

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
