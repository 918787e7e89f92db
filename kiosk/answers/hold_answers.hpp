#pragma once

#include "core/fund/action_stamp.hpp"
#include "core/library.hpp"
#include "kiosk/answers/answer_context.hpp"
#include "kiosk/answers/problem.hpp"

#include <optional>
#include <string>

// Reservations as the command line and the web console answer them.
namespace kitap::answers {

// `kitap hold add CARD TITLE`, `POST /api/holds` {"card", "title"} or {"card", "title_id"}.
struct HoldRequest {
    std::string card;
    std::string title;  // an ISBN, a copy's barcode, the title or words only it matches
    std::optional<long long> title_id;
    core::ActionStamp by;
};

// {"id", "card", "reader", "class", "title", "title_id", "isbn", "state", "placed_at",
// "station", "position", "kept", "until"}.
nlohmann::json hold_json(const core::HoldRecord& hold);

// The hold placed, with "message"; a title the words do not choose alone is a bad
// request whose "candidates" list the titles they match.
AnswerOr place_hold_answer(const AnswerContext& context, const HoldRequest& request);
// `kitap hold cancel ID`, `POST /api/holds/{id}/cancel`.
AnswerOr cancel_hold_answer(const AnswerContext& context, core::RowId hold_id, const core::ActionStamp& by);
// `kitap hold list --json`, `GET /api/holds`: every waiting and ready hold.
AnswerOr hold_list_answer(const AnswerContext& context, const core::ActionStamp& by);

// A hold refusal told in the request's language.
Problem hold_problem(const app::Translator& tr, core::HoldRefusal refusal, const std::string& card,
                     const std::string& title, const std::string& hold_id = "");

}  // namespace kitap::answers
