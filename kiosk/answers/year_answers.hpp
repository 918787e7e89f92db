#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/app/translator.hpp"

#include <optional>
#include <string>
#include <vector>

// The librarian's year beyond circulation: receipts and write-off acts, the
// stocktake, closing the school year. Each is one transaction in core, refused
// with the same rules whoever asks.
namespace kitap::answers {

// Who acted and when, for the event log.
struct ActedAt {
    core::Timestamp now;
    std::string station = "cli";
};

// `kitap receive --isbn X (--count N | --copy CODE...) --price P [--source S] [--date D] [--shelf S]`.
struct ReceiveRequest {
    std::string isbn;
    int count = 0;
    std::vector<std::string> copies;
    std::string shelf;
    std::string price;  // tenge as typed: "1 500,50"
    std::string source;
    std::string date;  // ISO; empty: today
    ActedAt by;
};
struct ReceiveDone {
    core::ReceiptDone receipt;
    std::int64_t price_tiyn = 0;
    std::string message;
};
ProblemOr<ReceiveDone> receive(core::Library& library, const app::Translator& tr, const ReceiveRequest& request);
// {"isbn", "title", "copies", "price", "sum", "message"} (price and sum in tenge).
nlohmann::json receive_json(const ReceiveDone& done);
AnswerOr receive_answer(core::Library& library, const app::Translator& tr, const ReceiveRequest& request);

// `kitap writeoff --reason worn|curriculum|lost|damaged [--act N] (--isbn X --count N | --copy CODE...)`.
struct WriteoffRequest {
    std::string reason;
    std::string act;  // empty: a new act numbered by year
    std::string isbn;
    int count = 0;
    std::vector<std::string> copies;
    ActedAt by;
};
struct WriteoffDone {
    core::WriteoffDone writeoff;
    std::string message;
};
ProblemOr<WriteoffDone> write_off(core::Library& library, const app::Translator& tr, const WriteoffRequest& request);
// {"act": {"number", "date", "reason", "rows", "copies", "sum"}, "new_act", "copies", "sum", "message"}.
nlohmann::json writeoff_json(const WriteoffDone& done);
AnswerOr writeoff_answer(core::Library& library, const app::Translator& tr, const WriteoffRequest& request);

// `kitap stocktake start [--scope all|kind:KIND|shelf:NAME]`.
struct StocktakeStartRequest {
    std::string scope = "all";
    ActedAt by;
};
struct StocktakeStarted {
    core::RowId id = 0;
    std::string scope;
    std::string message;
};
ProblemOr<StocktakeStarted> start_stocktake(core::Library& library, const app::Translator& tr,
                                            const StocktakeStartRequest& request);
// {"stocktake", "scope", "message"}.
nlohmann::json stocktake_started_json(const StocktakeStarted& started);
AnswerOr stocktake_start_answer(core::Library& library, const app::Translator& tr,
                                const StocktakeStartRequest& request);

// `kitap stocktake finish`: the open stocktake closed into its report.
ProblemOr<core::StocktakeReport> finish_stocktake(core::Library& library, const app::Translator& tr, const ActedAt& by);
nlohmann::json stocktake_json(const core::StocktakeReport& report);
AnswerOr stocktake_finish_answer(core::Library& library, const app::Translator& tr, const ActedAt& by);

// `kitap year close [--year Y] [--dry-run] [--early]`.
struct YearCloseRequest {
    std::optional<std::string> year;  // default: the current school year
    bool dry_run = false;
    bool early = false;
    ActedAt by;
};
ProblemOr<core::YearClose> close_year(core::Library& library, const app::Translator& tr,
                                      const YearCloseRequest& request);
nlohmann::json year_close_json(const core::YearClose& close, const app::Translator& tr);
AnswerOr year_close_answer(core::Library& library, const app::Translator& tr, const YearCloseRequest& request);

}  // namespace kitap::answers
