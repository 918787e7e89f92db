#include "kiosk/answers/desk_answers.hpp"

#include "kiosk/answers/money_json.hpp"

namespace kitap::answers {

using nlohmann::json;

ProblemOr<IssueSetDone> issue_set(core::Library& library, const app::Translator& tr, const IssueSetRequest& request) {
    const auto outcome = library.textbooks().issue_class_set(
        request.class_name,
        {.isbn = request.isbn, .dry_run = request.dry_run, .now = request.now, .station = request.station});
    if (!outcome) return tl::unexpected(fault_problem(outcome.error()));
    if (const auto refusal = outcome->refusal)
        return tl::unexpected(
            Problem{*refusal == core::IssueSetRefusal::no_curriculum ? ProblemKind::refused : ProblemKind::bad_request,
                    std::string(to_string(*refusal)),
                    tr("textbooks.issue_set." + std::string(to_string(*refusal)),
                       {{"class", request.class_name}, {"isbn", request.isbn.value_or("")}})});
    return IssueSetDone{*outcome->result, request.dry_run};
}

json issue_set_json(const IssueSetDone& done) {
    const auto& result = done.result;
    json out{{"class", result.class_name}, {"school_year", result.school_year},
             {"pupils", result.pupils},    {"complete_sets", result.complete_sets},
             {"loans", result.loans},      {"dry_run", done.dry_run},
             {"issued", json::array()},    {"shortages", json::array()}};
    for (const auto& title : result.issued)
        out["issued"].push_back(
            {{"isbn", title.isbn}, {"title", title.title}, {"count", title.count}, {"needed", title.needed}});
    for (const auto& shortage : result.shortages)
        out["shortages"].push_back({{"card", shortage.card},
                                    {"name", shortage.name},
                                    {"isbn", shortage.isbn},
                                    {"title", shortage.title},
                                    {"missing", shortage.missing},
                                    {"reason", shortage.reason}});
    return out;
}

AnswerOr issue_set_answer(core::Library& library, const app::Translator& tr, const IssueSetRequest& request) {
    return answer_from(issue_set(library, tr, request), issue_set_json);
}

ProblemOr<ReturnDone> take_back(core::Library& library, const app::Translator& tr, const ReturnRequest& request) {
    const auto condition = core::condition_from(request.condition);
    if (!condition || request.isbn.has_value() == request.copy.has_value() || request.count < 1)
        return tl::unexpected(Problem{
            ProblemKind::bad_request, "bad_return",
            "return: give --isbn or --copy, a --count from 1, and a --condition of good, worn, damaged or lost"});
    const auto outcome = library.circulation().return_from_reader({.card = request.card,
                                                                   .code = request.isbn ? *request.isbn : *request.copy,
                                                                   .count = request.count,
                                                                   .condition = *condition,
                                                                   .now = request.now,
                                                                   .station = request.station});
    if (!outcome) return tl::unexpected(fault_problem(outcome.error()));
    if (const auto refusal = outcome->refusal)
        return tl::unexpected(Problem{
            *refusal == core::DeskReturnRefusal::not_on_loan ? ProblemKind::refused : ProblemKind::bad_request,
            std::string(to_string(*refusal)),
            tr("textbooks.return." + std::string(to_string(*refusal)), {{"card", request.card},
                                                                        {"title", outcome->title},
                                                                        {"count", std::to_string(request.count)},
                                                                        {"held", std::to_string(outcome->held)}})});
    return ReturnDone{request.card, outcome->title, *outcome->taken};
}

json return_json(const ReturnDone& done) {
    json out{{"card", done.card},
             {"title", done.title},
             {"returned", done.taken.quantity},
             {"condition", to_string(done.taken.condition)}};
    if (done.taken.compensation_tiyn) out["compensation"] = tenge_json(*done.taken.compensation_tiyn);
    if (done.taken.kept_for) {
        out["hold_for"] = done.taken.kept_for->card;
        out["hold_for_name"] = done.taken.kept_for->name;
        out["hold_for_class"] = done.taken.kept_for->class_name;
    }
    return out;
}

AnswerOr return_answer(core::Library& library, const app::Translator& tr, const ReturnRequest& request) {
    return answer_from(take_back(library, tr, request), return_json);
}

ProblemOr<SettleDone> settle(core::Library& library, const app::Translator& tr, const SettleRequest& request) {
    auto circulation = library.circulation();
    const auto reader = circulation.reader(request.card);
    if (!reader) return tl::unexpected(fault_problem(reader.error()));
    if (!*reader)
        return tl::unexpected(not_found("unknown_reader", tr("cli.reader.unknown", {{"card", request.card}})));
    const auto settlement = core::settlement_from(request.how);
    if (!settlement)
        return tl::unexpected(
            Problem{ProblemKind::bad_request, "bad_settlement", "--as: use paid, replaced or waived"});
    const auto settled = circulation.settle_compensations((*reader)->id, request.id, *settlement, request.now);
    if (!settled) return tl::unexpected(fault_problem(settled.error()));
    return SettleDone{request.card, *settled,
                      tr("textbooks.settle.done", {{"count", std::to_string(*settled)}, {"card", request.card}})};
}

ProblemOr<UnblockDone> unblock_card(const AnswerContext& context, const std::string& card, const std::string& station) {
    const auto change = context.library.circulation().unblock_card(card, context.now, station);
    if (!change) return tl::unexpected(fault_problem(change.error()));
    const auto& tr = context.tr;
    switch (*change) {
        case core::CardBlockChange::done:
            return UnblockDone{card, true, tr("cli.reader.unblocked", {{"card", card}})};
        case core::CardBlockChange::unchanged:
            return UnblockDone{card, false, tr("cli.reader.not_blocked", {{"card", card}})};
        case core::CardBlockChange::unknown_card:
            break;
    }
    return tl::unexpected(not_found("unknown_reader", tr("cli.reader.unknown", {{"card", card}})));
}

json unblock_json(const UnblockDone& done) {
    return {{"card", done.card}, {"unblocked", done.unblocked}, {"message", done.message}};
}

json settle_json(const SettleDone& done) {
    return {{"card", done.card}, {"settled", done.settled}, {"message", done.message}};
}

AnswerOr settle_answer(core::Library& library, const app::Translator& tr, const SettleRequest& request) {
    auto done = settle(library, tr, request);
    if (done && done->settled == 0)
        return tl::unexpected(Problem{ProblemKind::refused, "nothing_to_settle", done->message});
    return answer_from(done, settle_json);
}

}  // namespace kitap::answers
