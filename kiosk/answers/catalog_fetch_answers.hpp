#pragma once

#include "kiosk/answers/answer.hpp"
#include "kiosk/answers/answer_context.hpp"
#include "kiosk/marc/catalog_fetch.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace kitap::answers {

// Copy cataloguing, for `kitap catalog fetch` and the web console's receive page.

// {"server", "found", "records": [{"title", "authors", "isbn", "year"}]}: `kitap catalog fetch --json`.
nlohmann::json fetched_json(const marc::FetchedRecords& fetched);

// GET /api/catalog/fetch?isbn=X: the record of a book not catalogued yet from the
// configuration's [catalogue] servers, asked in turn; fetched_json's keys with "isbn",
// "catalogued" (null, or the title's name when the ISBN is the catalogue's already: then
// no server is asked) and "unreachable" ([{"server", "reason"}] of those that could not be).
AnswerOr catalog_fetch_answer(const AnswerContext& context, const std::string& isbn);

// POST /api/catalog/fetch {"isbn"}: the first record found becomes the catalogue's
// title for the ISBN (its copies come after, by receiving them). Fetched again here, so
// nothing a client sends but the ISBN reaches the catalogue. An ISBN already catalogued
// is refused (the librarian's own entry is not overwritten from outside).
AnswerOr catalog_fetch_import_answer(const AnswerContext& context, const std::string& isbn);

}  // namespace kitap::answers
