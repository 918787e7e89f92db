#include "kiosk/answers/station_answers.hpp"

#include "core/remote/exception_review.hpp"
#include "kiosk/app/outcome_json.hpp"
#include "kiosk/app/outcome_text.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace kitap::answers {
namespace {

using nlohmann::json;

json exception_json(const core::ScanException& exception) {
    return {{"id", exception.id},
            {"station", exception.station},
            {"scanned_at", core::iso_timestamp(exception.scanned_at)},
            {"card", exception.card},
            {"code", exception.code},
            {"reason", to_string(exception.reason)},
            {"mode", to_string(exception.mode)},
            {"listed_at", core::iso_timestamp(exception.listed_at)}};
}

// The number `kitap exceptions` shows, as typed or sent.
ProblemOr<core::RowId> exception_id(const app::Translator& tr, const std::string& text) {
    core::RowId id = 0;
    const char* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, id);
    if (parsed.ec != std::errc{} || parsed.ptr != end || id <= 0)
        return tl::unexpected(bad_request("bad_exception_id", tr("exceptions.error.bad_id", {{"id", text}})));
    return id;
}

Problem settle_problem(const app::Translator& tr, core::ExceptionProblem problem, core::RowId id) {
    const std::string code(to_string(problem));
    std::string message = tr("exceptions.error." + code, {{"id", std::to_string(id)}});
    if (problem == core::ExceptionProblem::unknown_exception) return not_found(code, std::move(message));
    return bad_request(code, std::move(message));
}

// The open exception with this id, or why it cannot be settled.
ProblemOr<core::ScanException> open_exception(const AnswerContext& context, const std::string& id_text) {
    const auto id = exception_id(context.tr, id_text);
    if (!id) return tl::unexpected(id.error());
    const auto found = stored(context.library.stations().exception(*id));
    if (!found) return tl::unexpected(settle_problem(context.tr, core::ExceptionProblem::unknown_exception, *id));
    if (found->settled) return tl::unexpected(settle_problem(context.tr, core::ExceptionProblem::already_settled, *id));
    return *found;
}

core::ActionStamp stamp(const AnswerContext& context, const std::string& station) {
    return {.at = context.now, .station = station};
}

}  // namespace

AnswerOr stations_answer(const AnswerContext& context) {
    return answering([&]() -> AnswerOr {
        json out = json::array();
        for (const auto& station : stored(context.library.stations().list(context.now)))
            out.push_back({{"name", station.name},
                           {"online", station.online},
                           {"last_seen", station.last_seen ? json(core::iso_timestamp(*station.last_seen)) : json()},
                           {"journal_waiting", station.journal_waiting}});
        return out;
    });
}

AnswerOr exceptions_answer(const AnswerContext& context) {
    return answering([&]() -> AnswerOr {
        json out = json::array();
        for (const auto& exception : stored(context.library.stations().exceptions()))
            out.push_back(exception_json(exception));
        return out;
    });
}

AnswerOr accept_exception_answer(const AnswerContext& context, const std::string& id, const std::string& station) {
    return answering([&]() -> AnswerOr {
        const auto exception = open_exception(context, id);
        if (!exception) return tl::unexpected(exception.error());
        const auto accepted = stored(context.library.stations().accept(exception->id, stamp(context, station)));
        if (!accepted) return tl::unexpected(settle_problem(context.tr, accepted.error(), exception->id));
        const std::string message = app::outcome_message(*accepted, context.tr);
        const app::MessageArgs args{{"id", std::to_string(exception->id)}, {"outcome", message}};
        if (accepted->outcome == core::Outcome::refused)
            return tl::unexpected(Problem{ProblemKind::refused, std::string(to_string(accepted->reason)),
                                          context.tr("exceptions.accept_refused", args)});
        return json({{"id", exception->id},
                     {"settled", to_string(core::ExceptionSettlement::accepted)},
                     {"outcome", app::outcome_json(*accepted, core::override_mode(exception->mode), context.tr)},
                     {"message", context.tr("exceptions.accepted", args)}});
    });
}

AnswerOr discard_exception_answer(const AnswerContext& context, const std::string& id, const std::string& station) {
    return answering([&]() -> AnswerOr {
        const auto exception = open_exception(context, id);
        if (!exception) return tl::unexpected(exception.error());
        if (const auto problem = stored(context.library.stations().discard(exception->id, stamp(context, station))))
            return tl::unexpected(settle_problem(context.tr, *problem, exception->id));
        return json({{"id", exception->id},
                     {"settled", to_string(core::ExceptionSettlement::discarded)},
                     {"message", context.tr("exceptions.discarded", {{"id", std::to_string(exception->id)},
                                                                     {"station", exception->station},
                                                                     {"card", exception->card},
                                                                     {"code", exception->code}})}});
    });
}

}  // namespace kitap::answers
