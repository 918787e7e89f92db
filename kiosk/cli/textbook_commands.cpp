#include "kiosk/cli/textbook_commands.hpp"

#include "core/text/control_chars.hpp"
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/app/outcome_text.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/report_output.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

namespace kitap::cli {
namespace {

using nlohmann::json;

void print_issue_set(CliContext& context, const answers::IssueSetDone& done) {
    const auto& result = done.result;
    const auto& tr = context.tr();
    int issued = 0;
    for (const auto& title : result.issued) issued += title.count;
    std::cout << tr("textbooks.issue_set.summary", {{"class", result.class_name},
                                                    {"pupils", std::to_string(result.pupils)},
                                                    {"issued", std::to_string(issued)},
                                                    {"complete", std::to_string(result.complete_sets)}})
              << '\n';
    for (const auto& title : result.issued)
        std::cout << "  " << title.isbn << "  " << core::printable(title.title) << "  " << title.count << "/"
                  << title.needed << '\n';
    if (!result.shortages.empty()) std::cout << tr("textbooks.issue_set.shortages") << '\n';
    for (const auto& shortage : result.shortages)
        std::cout << "  " << core::printable(shortage.card) << "  " << core::printable(shortage.name) << "  "
                  << core::printable(shortage.title) << " ×" << shortage.missing << "  ("
                  << tr("textbooks.shortage." + shortage.reason) << ")\n";
    if (done.dry_run) std::cout << tr("import.dry_run") << '\n';
}

}  // namespace

int run_curriculum_show(CliContext& context, std::optional<int> grade, std::optional<std::string> language,
                        bool as_json) {
    std::optional<core::ClassLanguage> class_language;
    if (language && !(class_language = core::class_language_from(*language))) {
        std::cerr << "--language: \"" << *language << "\" is not kk or ru\n";
        return exit_bad_input;
    }
    const auto entries = or_fault(context.library().textbooks().curriculum(grade, class_language));
    if (as_json) {
        json out = json::array();
        for (const auto& entry : entries)
            out.push_back({{"grade", entry.grade},
                           {"language", to_string(entry.language)},
                           {"isbn", entry.isbn},
                           {"title", entry.title},
                           {"subject", entry.subject},
                           {"per_pupil", entry.per_pupil}});
        std::cout << out.dump(2) << '\n';
        return exit_done;
    }
    for (const auto& entry : entries)
        std::cout << entry.grade << ' ' << to_string(entry.language) << "  " << entry.isbn << "  "
                  << core::printable(entry.title) << " ×" << entry.per_pupil << "  (" << core::printable(entry.subject)
                  << ")\n";
    return exit_done;
}

int run_issue_set(CliContext& context, const IssueSetArguments& args) {
    auto request = args.request;
    request.now = CliContext::now();
    const auto done = answers::issue_set(context.library(), context.tr(), request);
    if (!done) return answers::tell_cli(done.error());
    if (args.json)
        print_json(answers::issue_set_json(*done));
    else
        print_issue_set(context, *done);
    return exit_done;
}

int run_return(CliContext& context, const ReturnArguments& args) {
    auto request = args.request;
    request.now = CliContext::now();
    const auto done = answers::take_back(context.library(), context.tr(), request);
    if (!done) return answers::tell_cli(done.error());
    if (args.json) {
        print_json(answers::return_json(*done));
        return exit_done;
    }
    const auto& tr = context.tr();
    const auto& taken = done->taken;
    app::MessageArgs message{{"title", done->title},
                             {"count", std::to_string(taken.quantity)},
                             {"condition", tr("condition." + std::string(to_string(taken.condition)))}};
    if (taken.compensation_tiyn) message["amount"] = app::display_tenge(*taken.compensation_tiyn, tr.language());
    std::cout << tr(taken.compensation_tiyn ? "textbooks.return.done_compensation" : "textbooks.return.done", message)
              << '\n';
    return exit_done;
}

int run_settle(CliContext& context, const SettleArguments& args) {
    auto request = args.request;
    request.now = CliContext::now();
    const auto done = answers::settle(context.library(), context.tr(), request);
    if (!done) return answers::tell_cli(done.error());
    if (args.json)
        print_json(answers::settle_json(*done));
    else
        std::cout << done->message << '\n';
    return done->settled > 0 ? exit_done : exit_refused;
}

}  // namespace kitap::cli
