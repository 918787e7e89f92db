#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "kiosk/answers/answer_context.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/app/translator.hpp"

#include <optional>
#include <string>

// The librarian's desk beyond scans: a class's textbook sets, books taken back
// with their condition, compensations settled.
namespace kitap::answers {

// `kitap issue-set --class 5Ә [--title ISBN] [--dry-run]`, `POST /api/issue-set`.
struct IssueSetRequest {
    std::string class_name;
    std::optional<std::string> isbn;  // only this title of the set
    bool dry_run = false;
    core::Timestamp now;
    std::string station = "desk";
};
struct IssueSetDone {
    core::IssueSetResult result;
    bool dry_run = false;
};
// An unknown class or a title outside its curriculum is a bad request; a class
// without a curriculum is refused.
ProblemOr<IssueSetDone> issue_set(core::Library& library, const app::Translator& tr, const IssueSetRequest& request);
nlohmann::json issue_set_json(const IssueSetDone& done);
AnswerOr issue_set_answer(core::Library& library, const app::Translator& tr, const IssueSetRequest& request);

// `kitap return --card C (--isbn X | --copy CODE) [--count N] [--condition good|worn|damaged|lost]`.
struct ReturnRequest {
    std::string card;
    std::optional<std::string> isbn;  // a title-level textbook
    std::optional<std::string> copy;  // or a labelled copy: exactly one of the two
    int count = 1;
    std::string condition = "good";
    core::Timestamp now;
    std::string station = "desk";
};
struct ReturnDone {
    std::string card;
    std::string title;
    core::TakenBack taken;
};
// Books not on loan to the reader are refused; an unknown reader or item, a
// count above what they hold or a malformed request is a bad request.
ProblemOr<ReturnDone> take_back(core::Library& library, const app::Translator& tr, const ReturnRequest& request);
nlohmann::json return_json(const ReturnDone& done);
AnswerOr return_answer(core::Library& library, const app::Translator& tr, const ReturnRequest& request);

// `kitap settle CARD [--id N] [--as paid|replaced|waived]`.
struct SettleRequest {
    std::string card;
    std::optional<long long> id;  // only this compensation
    std::string how = "paid";
    core::Timestamp now;
};
struct SettleDone {
    std::string card;
    int settled = 0;  // none: nothing was owed (the CLI exits 1, the answer refuses)
    std::string message;
};
ProblemOr<SettleDone> settle(core::Library& library, const app::Translator& tr, const SettleRequest& request);
nlohmann::json settle_json(const SettleDone& done);
// {"card", "settled", "message"}; refused "nothing_to_settle" when nothing was owed.
AnswerOr settle_answer(core::Library& library, const app::Translator& tr, const SettleRequest& request);

// `kitap reader unblock CARD` and POST /api/readers/CARD/unblock: the card a SIP2
// terminal blocked works at self-service again. {"card", "unblocked", "message"};
// unblocked is false when it was not blocked; not_found "unknown_reader".
struct UnblockDone {
    std::string card;
    bool unblocked = false;
    std::string message;
};
ProblemOr<UnblockDone> unblock_card(const AnswerContext& context, const std::string& card, const std::string& station);
nlohmann::json unblock_json(const UnblockDone& done);

}  // namespace kitap::answers
