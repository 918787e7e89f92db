#include "kiosk/cli/hold_commands.hpp"

#include "core/text/control_chars.hpp"
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/hold_answers.hpp"
#include "kiosk/cli/answer_output.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

using nlohmann::json;

core::ActionStamp cli_stamp() { return {.at = CliContext::now()}; }

// A problem on stderr, with the titles to choose from when the words matched several.
int tell(const answers::Problem& problem) {
    const int code = answers::tell_cli(problem);
    if (problem.details.contains("candidates"))
        for (const auto& candidate : problem.details["candidates"])
            std::cerr << "  " << candidate["isbn"].get<std::string>() << "  "
                      << core::printable(candidate["title"].get<std::string>()) << "  "
                      << core::printable(candidate["authors"].get<std::string>()) << '\n';
    return code;
}

// A placed or cancelled hold: its message, or the whole hold as JSON.
int print_hold(const answers::AnswerOr& answer, bool as_json) {
    if (!answer) return tell(answer.error());
    const auto& hold = std::get<json>(*answer);
    if (as_json)
        print_json(hold);
    else
        std::cout << core::printable(hold["message"].get<std::string>()) << '\n';
    return exit_done;
}

std::string text(const json& value) { return value.is_string() ? core::printable(value.get<std::string>()) : ""; }

int list_holds(CliContext& context, bool as_json) {
    const auto answer = answers::hold_list_answer(answer_context(context), cli_stamp());
    if (!answer) return tell(answer.error());
    const auto& holds = std::get<json>(*answer);
    if (as_json) {
        print_json(holds);
        return exit_done;
    }
    if (holds.empty()) std::cout << context.tr()("holds.list.none") << '\n';
    for (const auto& hold : holds)
        std::cout << context.tr()(hold["state"] == "ready" ? "holds.list.ready" : "holds.list.waiting",
                                  {{"id", std::to_string(hold["id"].get<std::int64_t>())},
                                   {"title", text(hold["title"])},
                                   {"card", text(hold["card"])},
                                   {"reader", text(hold["reader"])},
                                   {"class", hold["class"] == "" ? "" : ", " + text(hold["class"])},
                                   {"position", std::to_string(hold["position"].get<int>())},
                                   {"kept", text(hold["kept"])},
                                   {"until", text(hold["until"])}})
                  << '\n';
    return exit_done;
}

}  // namespace

void add_hold_commands(CLI::App& app, HoldArguments& args,
                       const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen) {
    auto* hold = app.add_subcommand("hold", "Reservations: readers waiting for a title that is all out");
    hold->require_subcommand(1);

    auto* add = hold->add_subcommand("add", "Reserve a title for a reader; a copy coming back is kept for them");
    add->add_option("CARD", args.card, "The reader's card")->required();
    add->add_option("TITLE", args.title, "The title's ISBN, a copy's barcode, or words only its title has")->required();
    add->add_flag("--json", args.json, "Print the hold as JSON");
    add->callback(chosen([&args](CliContext& c) {
        return print_hold(
            answers::place_hold_answer(answer_context(c), {.card = args.card, .title = args.title, .by = cli_stamp()}),
            args.json);
    }));

    auto* list = hold->add_subcommand("list", "Readers waiting, and copies kept for them, by title and queue");
    list->add_flag("--json", args.json, "Print JSON");
    list->callback(chosen([&args](CliContext& c) { return list_holds(c, args.json); }));

    auto* cancel = hold->add_subcommand("cancel", "Cancel a reservation; a copy kept for it passes to the next reader");
    cancel->add_option("ID", args.id, "The hold's number, as hold list shows it")->required();
    cancel->add_flag("--json", args.json, "Print the hold as JSON");
    cancel->callback(chosen([&args](CliContext& c) {
        return print_hold(answers::cancel_hold_answer(answer_context(c), args.id, cli_stamp()), args.json);
    }));
}

}  // namespace kitap::cli
