#include "kiosk/answers/year_answers.hpp"

#include "core/fund/money.hpp"
#include "kiosk/answers/money_json.hpp"

namespace kitap::answers {
namespace {

using nlohmann::json;

core::ActionStamp stamp(const ActedAt& by) { return {.at = by.now, .station = by.station}; }

// A core call's checked value, or its fault or refusal as a Problem.
template <typename T>
ProblemOr<T> checked(const app::Translator& tr, core::OrFault<core::Checked<T>> outcome) {
    if (!outcome) return tl::unexpected(fault_problem(outcome.error()));
    if (!*outcome) return tl::unexpected(refusal_problem(outcome->error(), tr));
    return std::move(**outcome);
}

json copy_line_json(const core::StocktakeCopyLine& line, bool with_reason) {
    json out{{"code", line.code}, {"title", line.title}, {"shelf", line.shelf}};
    if (with_reason) out["reason"] = to_string(line.reason);
    return out;
}

}  // namespace

ProblemOr<ReceiveDone> receive(core::Library& library, const app::Translator& tr, const ReceiveRequest& request) {
    const auto price = core::tiyn_from_tenge(request.price);
    if (!price) return tl::unexpected(bad_option(tr, "fund.error.bad_price", "price", request.price));
    const auto date =
        request.date.empty() ? std::optional(core::local_date(request.by.now)) : core::parse_iso_date(request.date);
    if (!date) return tl::unexpected(bad_option(tr, "fund.error.bad_date", "date", request.date));
    auto receipt = checked(tr, library.fund().receive({.isbn = request.isbn,
                                                       .count = request.count,
                                                       .barcodes = request.copies,
                                                       .shelf = request.shelf,
                                                       .price_tiyn = *price,
                                                       .source = request.source,
                                                       .date = *date},
                                                      stamp(request.by)));
    if (!receipt) return tl::unexpected(receipt.error());
    auto message = tr("fund.receive.done", {{"copies", std::to_string(receipt->copies)},
                                            {"title", receipt->title},
                                            {"isbn", receipt->isbn},
                                            {"price", core::tenge_text(*price)},
                                            {"sum", core::tenge_text(receipt->sum_tiyn)}});
    return ReceiveDone{std::move(*receipt), *price, std::move(message)};
}

json receive_json(const ReceiveDone& done) {
    return {{"isbn", done.receipt.isbn},
            {"title", done.receipt.title},
            {"copies", done.receipt.copies},
            {"price", tenge_json(done.price_tiyn)},
            {"sum", tenge_json(done.receipt.sum_tiyn)},
            {"message", done.message}};
}

AnswerOr receive_answer(core::Library& library, const app::Translator& tr, const ReceiveRequest& request) {
    return answer_from(receive(library, tr, request), receive_json);
}

ProblemOr<WriteoffDone> write_off(core::Library& library, const app::Translator& tr, const WriteoffRequest& request) {
    const auto reason = core::writeoff_reason_from(request.reason);
    if (!reason) return tl::unexpected(bad_option(tr, "fund.error.bad_reason", "reason", request.reason));
    auto done =
        checked(tr, library.fund().write_off({.reason = *reason,
                                              .act = request.act.empty() ? std::nullopt : std::optional(request.act),
                                              .isbn = request.isbn,
                                              .count = request.count,
                                              .barcodes = request.copies},
                                             stamp(request.by)));
    if (!done) return tl::unexpected(done.error());
    auto message = tr(done->new_act ? "fund.writeoff.done_new_act" : "fund.writeoff.done",
                      {{"act", done->act.number},
                       {"reason", tr("fund.reason." + std::string(to_string(*reason)))},
                       {"copies", std::to_string(done->copies)},
                       {"sum", core::tenge_text(done->sum_tiyn)},
                       {"rows", std::to_string(done->act.rows)},
                       {"act_copies", std::to_string(done->act.copies)},
                       {"act_sum", core::tenge_text(done->act.sum_tiyn)}});
    return WriteoffDone{std::move(*done), std::move(message)};
}

json writeoff_json(const WriteoffDone& done) {
    const auto& act = done.writeoff.act;
    return {{"act",
             {{"number", act.number},
              {"date", act.date},
              {"reason", to_string(act.reason)},
              {"rows", act.rows},
              {"copies", act.copies},
              {"sum", tenge_json(act.sum_tiyn)}}},
            {"new_act", done.writeoff.new_act},
            {"copies", done.writeoff.copies},
            {"sum", tenge_json(done.writeoff.sum_tiyn)},
            {"message", done.message}};
}

AnswerOr writeoff_answer(core::Library& library, const app::Translator& tr, const WriteoffRequest& request) {
    return answer_from(write_off(library, tr, request), writeoff_json);
}

ProblemOr<StocktakeStarted> start_stocktake(core::Library& library, const app::Translator& tr,
                                            const StocktakeStartRequest& request) {
    auto id = checked(tr, library.stocktake().start(request.scope, stamp(request.by)));
    if (!id) return tl::unexpected(id.error());
    return StocktakeStarted{*id, request.scope, tr("stocktake.started", {{"scope", request.scope}})};
}

json stocktake_started_json(const StocktakeStarted& started) {
    return {{"stocktake", started.id}, {"scope", started.scope}, {"message", started.message}};
}

AnswerOr stocktake_start_answer(core::Library& library, const app::Translator& tr,
                                const StocktakeStartRequest& request) {
    return answer_from(start_stocktake(library, tr, request), stocktake_started_json);
}

ProblemOr<core::StocktakeReport> finish_stocktake(core::Library& library, const app::Translator& tr,
                                                  const ActedAt& by) {
    return checked(tr, library.stocktake().finish(stamp(by)));
}

json stocktake_json(const core::StocktakeReport& report) {
    json out{{"stocktake", report.id},
             {"scope", report.scope},
             {"started_at", report.started_at},
             {"finished_at", report.finished_at},
             {"scans", report.scans},
             {"expected_copies", report.expected_copies},
             {"found_copies", report.found_copies},
             {"missing", json::array()},
             {"unexpected", json::array()},
             {"titles", json::array()}};
    for (const auto& line : report.missing) out["missing"].push_back(copy_line_json(line, false));
    for (const auto& line : report.unexpected) out["unexpected"].push_back(copy_line_json(line, true));
    for (const auto& line : report.titles)
        out["titles"].push_back({{"isbn", line.isbn},
                                 {"title", line.title},
                                 {"expected", line.expected},
                                 {"counted", line.counted},
                                 {"difference", line.counted - line.expected}});
    return out;
}

AnswerOr stocktake_finish_answer(core::Library& library, const app::Translator& tr, const ActedAt& by) {
    return answer_from(finish_stocktake(library, tr, by), stocktake_json);
}

ProblemOr<core::YearClose> close_year(core::Library& library, const app::Translator& tr,
                                      const YearCloseRequest& request) {
    return checked(tr, library.year().close({.year = request.year, .dry_run = request.dry_run, .early = request.early},
                                            stamp(request.by)));
}

json year_close_json(const core::YearClose& close, const app::Translator& tr) {
    json out{{"year", close.year},        {"next_year", close.next_year}, {"dry_run", close.dry_run},
             {"promoted", json::array()}, {"graduates", json::array()},   {"debts", json::array()}};
    for (const auto& c : close.promoted)
        out["promoted"].push_back({{"from", c.from}, {"to", c.to}, {"pupils", c.pupils}});
    for (const auto& g : close.graduates)
        out["graduates"].push_back({{"card", g.card},
                                    {"name", g.name},
                                    {"class", g.class_name},
                                    {"open_loans", g.open_loans},
                                    {"open_compensations", g.open_compensations}});
    for (const auto& d : close.debts)
        out["debts"].push_back({{"card", d.card},
                                {"name", d.name},
                                {"class", d.class_name},
                                {"code", d.code},
                                {"title", d.title},
                                {"quantity", d.quantity}});
    out["message"] = tr(close.dry_run ? "year.close.would" : "year.close.done",
                        {{"year", close.year},
                         {"next", close.next_year},
                         {"classes", std::to_string(close.promoted.size())},
                         {"graduates", std::to_string(close.graduates.size())},
                         {"debts", std::to_string(close.debts.size())}});
    return out;
}

AnswerOr year_close_answer(core::Library& library, const app::Translator& tr, const YearCloseRequest& request) {
    return answer_from(close_year(library, tr, request),
                       [&tr](const core::YearClose& close) { return year_close_json(close, tr); });
}

}  // namespace kitap::answers
