#include "kiosk/answers/catalog_fetch_answers.hpp"

#include "core/codes/check_digits.hpp"
#include "kiosk/answers/problem.hpp"

#include <chrono>

namespace kitap::answers {
namespace {

using nlohmann::json;

// A web request waits for one server's step at most this long (the CLI, 10 s).
constexpr std::chrono::seconds web_server_timeout{5};

// The ISBN as 13 digits and the title already under it, if any.
struct FetchPlan {
    std::string isbn;
    std::optional<std::string> catalogued;
};

ProblemOr<FetchPlan> plan(const AnswerContext& context, const std::string& typed) {
    const auto isbn = core::normalize_isbn(typed);
    if (!isbn)
        return tl::unexpected(bad_request("bad_isbn", context.tr("answers.catalog_fetch.bad_isbn", {{"isbn", typed}})));
    FetchPlan found{.isbn = *isbn};
    const auto item = stored(context.library.lookup().item(*isbn, 0));
    if (item.title) found.catalogued = item.title->title.title;
    return found;
}

std::optional<Problem> no_server(const AnswerContext& context) {
    if (!context.config.catalogue_servers.empty()) return std::nullopt;
    return Problem{ProblemKind::refused, "no_catalogue_server", context.tr("answers.catalog_fetch.no_server")};
}

json unreachable_json(const marc::FetchedRecords& fetched) {
    auto list = json::array();
    for (const auto& failure : fetched.failures)
        list.push_back({{"server", failure.server}, {"reason", failure.reason}});
    return list;
}

// Every server failed: what each said, as one message.
Problem unreachable(const AnswerContext& context, const marc::FetchedRecords& fetched) {
    std::string servers;
    for (const auto& failure : fetched.failures)
        servers += (servers.empty() ? "" : "; ") + failure.server + ": " + failure.reason;
    return Problem{ProblemKind::refused, "servers_unreachable",
                   context.tr("answers.catalog_fetch.unreachable", {{"servers", servers}}),
                   json{{"unreachable", unreachable_json(fetched)}}};
}

}  // namespace

json fetched_json(const marc::FetchedRecords& fetched) {
    auto list = json::array();
    for (const auto& record : fetched.records) {
        const auto& d = record.description;
        list.push_back({{"title", d.title},
                        {"authors", d.authors},
                        {"isbn", d.isbn ? json(*d.isbn) : json(nullptr)},
                        {"year", d.year ? json(*d.year) : json(nullptr)}});
    }
    return {{"server", fetched.server}, {"found", fetched.found}, {"records", list}};
}

AnswerOr catalog_fetch_answer(const AnswerContext& context, const std::string& isbn) {
    return answering([&]() -> AnswerOr {
        const auto asked = plan(context, isbn);
        if (!asked) return tl::unexpected(asked.error());
        if (asked->catalogued)  // nothing to offer: no server is asked
            return json{{"isbn", asked->isbn}, {"catalogued", *asked->catalogued}, {"server", nullptr},
                        {"found", 0},          {"records", json::array()},         {"unreachable", json::array()}};
        if (const auto problem = no_server(context)) return tl::unexpected(*problem);
        const auto fetched = marc::fetch_by_isbn(context.config.catalogue_servers, asked->isbn, web_server_timeout);
        if (!fetched.answered()) return tl::unexpected(unreachable(context, fetched));
        auto answer = fetched_json(fetched);
        answer["isbn"] = asked->isbn;
        answer["catalogued"] = nullptr;
        answer["unreachable"] = unreachable_json(fetched);
        return answer;
    });
}

AnswerOr catalog_fetch_import_answer(const AnswerContext& context, const std::string& isbn) {
    return answering([&]() -> AnswerOr {
        const auto asked = plan(context, isbn);
        if (!asked) return tl::unexpected(asked.error());
        if (asked->catalogued)
            return tl::unexpected(Problem{ProblemKind::refused, "already_catalogued",
                                          context.tr("answers.catalog_fetch.catalogued",
                                                     {{"isbn", asked->isbn}, {"title", *asked->catalogued}})});
        if (const auto problem = no_server(context)) return tl::unexpected(*problem);
        auto fetched = marc::fetch_by_isbn(context.config.catalogue_servers, asked->isbn, web_server_timeout);
        if (!fetched.answered()) return tl::unexpected(unreachable(context, fetched));
        if (fetched.records.empty())
            return tl::unexpected(not_found(
                "no_record",
                context.tr("answers.catalog_fetch.none", {{"isbn", asked->isbn}, {"server", fetched.server}})));
        auto record = std::move(fetched.records.front());
        record.number = 1;
        record.description.isbn = asked->isbn;  // the book in hand's, whatever the record gives
        const auto result = stored(context.library.imports().catalog_records({record}, {.now = context.now}));
        if (!result.ok()) {
            const auto& problem = result.problems.front();
            return tl::unexpected(bad_request(
                "bad_record", fetched.server + ": " +
                                  context.tr(problem.key, app::MessageArgs(problem.args.begin(), problem.args.end()))));
        }
        return json{{"isbn", asked->isbn},
                    {"server", fetched.server},
                    {"title", record.description.title},
                    {"authors", record.description.authors},
                    {"titles_added", result.titles_added}};
    });
}

}  // namespace kitap::answers
