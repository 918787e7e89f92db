#include "kiosk/answers/answer.hpp"
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/lookup_answers.hpp"
#include "kiosk/app/outcome_text.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

// `kitap reader`, `item`, `stats`, `readers --class` and `catalog search`: the
// answers' JSON with --json, else the same facts as lines for people.
namespace kitap::cli {
namespace {

using nlohmann::json;
using TextPrinter = void (*)(const app::Translator&, const json&);

std::string text(const json& value) { return value.is_null() ? std::string() : value.get<std::string>(); }
std::string number(const json& value) { return std::to_string(value.get<long long>()); }

std::string shown_date(const json& iso, const app::Translator& tr) {
    const auto day = core::parse_iso_date(iso.get<std::string>());
    return day ? app::display_date(*day, tr.language()) : iso.get<std::string>();
}

void print_reader(const app::Translator& tr, const json& reader) {
    const auto class_name = text(reader["class"]);
    std::cout << tr("cli.reader.header", {{"name", text(reader["name"])},
                                          {"card", text(reader["card"])},
                                          {"category", tr("category." + text(reader["category"]))},
                                          {"class", class_name.empty() ? "" : " " + class_name},
                                          {"status", tr("reader_status." + text(reader["status"]))}})
              << '\n';
    if (reader["loans"].empty()) std::cout << tr("cli.reader.no_loans") << '\n';
    for (const auto& loan : reader["loans"])
        std::cout << tr("cli.reader.loan", {{"code", text(loan["code"])},
                                            {"title", text(loan["title"])},
                                            {"quantity", number(loan["quantity"])},
                                            {"due", shown_date(loan["due"], tr)}})
                  << '\n';
}

void print_item(const app::Translator& tr, const json& item) {
    if (item["kind"] == "copy") {
        std::string shown = tr("copy_status." + text(item["status"]));
        if (!item["holder"].is_null()) shown += " (" + text(item["holder"]) + ")";
        std::cout << tr("cli.item.copy",
                        {{"code", text(item["code"])}, {"title", text(item["title"])}, {"status", shown}})
                  << '\n';
        return;
    }
    std::cout << tr("cli.item.title", {{"isbn", text(item["isbn"])},
                                       {"title", text(item["title"])},
                                       {"stock", number(item["stock"])},
                                       {"on_loan", number(item["on_loan"])},
                                       {"free", number(item["free"])}})
              << '\n';
}

void print_stats(const app::Translator& tr, const json& stats) {
    app::MessageArgs readers;
    for (const auto& [category, count] : stats["readers"].items()) readers[category] = number(count);
    std::cout << tr("cli.stats.title", {{"titles", number(stats["titles"])},
                                        {"copies", number(stats["copies"])},
                                        {"stock", number(stats["title_stock"])}})
              << '\n'
              << tr("cli.stats.readers", readers) << '\n'
              << tr("cli.stats.loans",
                    {{"open", number(stats["open_loans"])}, {"overdue", number(stats["overdue_loans"])}})
              << '\n';
}

void print_class(const app::Translator& tr, const json& pupils_of_class) {
    std::cout << tr("answers.class.header", {{"class", text(pupils_of_class["class"])},
                                             {"pupils", std::to_string(pupils_of_class["pupils"].size())},
                                             {"complete", number(pupils_of_class["complete_sets"])}})
              << '\n';
    for (const auto& pupil : pupils_of_class["pupils"])
        std::cout << tr("answers.class.pupil", {{"card", text(pupil["card"])},
                                                {"name", text(pupil["name"])},
                                                {"held", number(pupil["set_held"])},
                                                {"needed", number(pupil["set_needed"])},
                                                {"holds", number(pupil["holds"])}})
                  << '\n';
}

void print_catalog(const app::Translator& tr, const json& found) {
    if (found["titles"].empty()) std::cout << tr("answers.catalog.none", {{"query", text(found["query"])}}) << '\n';
    for (const auto& title : found["titles"]) {
        std::string shelves;
        for (const auto& shelf : title["shelf"]) shelves += (shelves.empty() ? "" : ", ") + text(shelf);
        std::cout << tr("answers.catalog.title", {{"title", text(title["title"])},
                                                  {"author", text(title["author"])},
                                                  {"kind", tr("kiosk.kind." + text(title["kind"]))},
                                                  {"available", number(title["available"])},
                                                  {"total", number(title["total"])},
                                                  {"shelf", shelves.empty() ? "—" : shelves}})
                  << '\n';
    }
}

// The answer as JSON with --json, else as lines for people; a problem on stderr.
int show(const CliContext& context, const answers::AnswerOr& answer, bool as_json, TextPrinter print_text) {
    if (!answer) return answers::tell_cli(answer.error());
    const auto& value = std::get<json>(*answer);
    if (as_json)
        std::cout << value.dump(2) << '\n';
    else
        print_text(context.tr(), value);
    return exit_done;
}

}  // namespace

int run_reader(CliContext& context, const std::string& card, bool as_json) {
    return show(context, answers::reader_answer(answer_context(context), card), as_json, print_reader);
}

int run_item(CliContext& context, const std::string& code, bool as_json) {
    return show(context, answers::item_answer(answer_context(context), code), as_json, print_item);
}

int run_stats(CliContext& context, bool as_json) {
    return show(context, answers::stats_answer(answer_context(context)), as_json, print_stats);
}

int run_class_readers(CliContext& context, const std::string& class_name, bool as_json) {
    return show(context, answers::class_readers_answer(answer_context(context), class_name), as_json, print_class);
}

// With --json the titles alone, an array; GET /api/catalog gives them beside the query.
int run_catalog_search(CliContext& context, const std::string& text, bool as_json) {
    const auto answer = answers::catalog_search_answer(answer_context(context), text);
    if (answer && as_json) {
        std::cout << std::get<json>(*answer).at("titles").dump(2) << '\n';
        return exit_done;
    }
    return show(context, answer, as_json, print_catalog);
}

}  // namespace kitap::cli
