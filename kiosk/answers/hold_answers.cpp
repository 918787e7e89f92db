#include "kiosk/answers/hold_answers.hpp"

namespace kitap::answers {
namespace {

using nlohmann::json;

// The title the request names: by its number (the console's and the kiosk's choice from
// a list), or as a person typed it.
ProblemOr<core::RowId> chosen_title(const AnswerContext& context, const HoldRequest& request) {
    if (request.title_id) return *request.title_id;
    auto match = stored(context.library.holds().find_title(request.title));
    if (match.title) return match.title->id;
    if (match.candidates.empty())
        return tl::unexpected(hold_problem(context.tr, core::HoldRefusal::unknown_title, request.card, request.title));
    Problem ambiguous = bad_request(
        "ambiguous_title", context.tr("holds.ambiguous_title",
                                      {{"title", request.title}, {"count", std::to_string(match.candidates.size())}}));
    ambiguous.details["candidates"] = json::array();
    for (const auto& entry : match.candidates)
        ambiguous.details["candidates"].push_back({{"title_id", entry.title_id},
                                                   {"title", entry.title},
                                                   {"authors", entry.authors},
                                                   {"isbn", entry.isbn.value_or("")}});
    return tl::unexpected(std::move(ambiguous));
}

json answered_hold(const app::Translator& tr, const core::HoldRecord& hold, const std::string& key) {
    json out = hold_json(hold);
    out["message"] = tr(key, {{"title", hold.title},
                              {"name", hold.reader.name},
                              {"position", std::to_string(hold.position)},
                              {"id", std::to_string(hold.id)}});
    return out;
}

}  // namespace

json hold_json(const core::HoldRecord& hold) {
    return {{"id", hold.id},
            {"card", hold.reader.card},
            {"reader", hold.reader.name},
            {"class", hold.reader.class_name},
            {"title", hold.title},
            {"title_id", hold.title_id},
            {"isbn", hold.isbn},
            {"state", to_string(hold.state)},
            {"placed_at", core::local_iso_timestamp(hold.placed_at)},
            {"station", hold.station},
            {"position", hold.position},
            {"kept", hold.kept},
            {"until", hold.expires_on ? json(core::iso_date(*hold.expires_on)) : json()}};
}

Problem hold_problem(const app::Translator& tr, core::HoldRefusal refusal, const std::string& card,
                     const std::string& title, const std::string& hold_id) {
    const std::string code(to_string(refusal));
    const std::string message = tr("holds.refusal." + code, {{"card", card}, {"title", title}, {"id", hold_id}});
    if (refusal == core::HoldRefusal::unknown_reader || refusal == core::HoldRefusal::unknown_title ||
        refusal == core::HoldRefusal::unknown_hold)
        return not_found(code, message);
    return Problem{ProblemKind::refused, code, message};
}

AnswerOr place_hold_answer(const AnswerContext& context, const HoldRequest& request) {
    return answering([&]() -> AnswerOr {
        const auto title = chosen_title(context, request);
        if (!title) return tl::unexpected(title.error());
        const auto placed = stored(context.library.holds().place(request.card, *title, request.by));
        if (placed.refusal != core::HoldRefusal::none)
            return tl::unexpected(hold_problem(context.tr, placed.refusal, request.card,
                                               placed.title.empty() ? request.title : placed.title));
        return answered_hold(context.tr, *placed.hold, "holds.placed");
    });
}

AnswerOr cancel_hold_answer(const AnswerContext& context, core::RowId hold_id, const core::ActionStamp& by) {
    return answering([&]() -> AnswerOr {
        const auto cancelled = stored(context.library.holds().cancel(hold_id, by));
        if (cancelled.refusal != core::HoldRefusal::none)
            return tl::unexpected(
                hold_problem(context.tr, cancelled.refusal, "", cancelled.title, std::to_string(hold_id)));
        return answered_hold(context.tr, *cancelled.hold, "holds.cancelled");
    });
}

AnswerOr hold_list_answer(const AnswerContext& context, const core::ActionStamp& by) {
    return answering([&]() -> AnswerOr {
        json list = json::array();
        for (const auto& hold : stored(context.library.holds().open_holds(by))) list.push_back(hold_json(hold));
        return list;
    });
}

}  // namespace kitap::answers
