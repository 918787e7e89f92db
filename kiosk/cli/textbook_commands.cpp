#include "kiosk/cli/textbook_commands.hpp"

#include "core/text/control_chars.hpp"
#include "kiosk/app/outcome_text.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/report_output.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

namespace kitap::cli {
namespace {

using nlohmann::json;

std::optional<core::ClassName> class_filter(const std::optional<std::string>& text, bool& bad) {
    bad = false;
    if (!text) return std::nullopt;
    auto parsed = core::parse_class_name(*text);
    if (!parsed.name) {
        std::cerr << "--class: \"" << *text << "\" is not a class such as 5Ә or 11А\n";
        bad = true;
    }
    return parsed.name;
}

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

std::string provision_text(CliContext& context, const core::ProvisionReport& report, const std::string& format) {
    std::ostringstream out;
    if (format == "json") {
        json doc{{"school_year", report.school_year}, {"lines", json::array()}, {"grades", json::array()}};
        for (const auto& line : report.lines)
            doc["lines"].push_back({{"class", line.class_name},
                                    {"grade", line.grade},
                                    {"language", line.language},
                                    {"isbn", line.isbn},
                                    {"title", line.title},
                                    {"subject", line.subject},
                                    {"pupils", line.pupils},
                                    {"needed", line.needed},
                                    {"issued", line.issued},
                                    {"provision_pct", line.provision_pct},
                                    {"free_stock", line.free_stock}});
        for (const auto& grade : report.grades)
            doc["grades"].push_back({{"grade", grade.grade},
                                     {"pupils", grade.pupils},
                                     {"needed", grade.needed},
                                     {"issued", grade.issued},
                                     {"provision_pct", grade.provision_pct}});
        out << doc.dump(2) << '\n';
        return out.str();
    }
    if (format == "text") {
        for (const auto& line : report.lines)
            out << line.class_name << "  " << core::printable(line.title) << "  " << line.issued << "/" << line.needed
                << "  " << format_number(line.provision_pct, 1) << "%  " << context.tr()("textbooks.provision.free")
                << ' ' << line.free_stock << '\n';
        for (const auto& grade : report.grades)
            out << context.tr()("textbooks.provision.grade_total", {{"grade", std::to_string(grade.grade)}}) << "  "
                << grade.issued << "/" << grade.needed << "  " << format_number(grade.provision_pct, 1) << "%\n";
        return out.str();
    }
    std::vector<CsvRow> rows;
    for (const auto& line : report.lines)
        rows.push_back({line.class_name, line.language, line.isbn, line.title, line.subject,
                        std::to_string(line.pupils), std::to_string(line.needed), std::to_string(line.issued),
                        format_number(line.provision_pct, 1), std::to_string(line.free_stock)});
    for (const auto& grade : report.grades)
        rows.push_back({context.tr()("textbooks.provision.grade_total", {{"grade", std::to_string(grade.grade)}}), "",
                        "", "", "", std::to_string(grade.pupils), std::to_string(grade.needed),
                        std::to_string(grade.issued), format_number(grade.provision_pct, 1), ""});
    write_csv(
        out,
        {"class", "language", "isbn", "title", "subject", "pupils", "needed", "issued", "provision_pct", "free_stock"},
        rows);
    return out.str();
}

std::string debtors_text(CliContext& context, const std::vector<core::ClassDebtors>& classes,
                         const std::string& format) {
    std::ostringstream out;
    if (format == "json") {
        json doc = json::array();
        for (const auto& group : classes) {
            json debtors = json::array();
            for (const auto& debtor : group.debtors) {
                json items = json::array();
                for (const auto& item : debtor.items)
                    items.push_back({{"code", item.code},
                                     {"title", item.title},
                                     {"kind", item.kind},
                                     {"quantity", item.quantity},
                                     {"due", core::iso_date(item.due)}});
                debtors.push_back({{"card", debtor.card}, {"name", debtor.name}, {"items", items}});
            }
            doc.push_back(
                {{"class", group.class_name.empty() ? json() : json(group.class_name)}, {"debtors", debtors}});
        }
        out << doc.dump(2) << '\n';
        return out.str();
    }
    std::vector<CsvRow> rows;
    for (const auto& group : classes)
        for (const auto& debtor : group.debtors)
            for (const auto& item : debtor.items)
                rows.push_back({group.class_name, debtor.card, debtor.name, item.code, item.title, item.kind,
                                std::to_string(item.quantity), core::iso_date(item.due)});
    if (format == "csv") {
        write_csv(out, {"class", "card", "name", "code", "title", "kind", "quantity", "due"}, rows);
        return out.str();
    }
    for (const auto& group : classes) {
        out << context.tr()("textbooks.debtors.class", {{"class", group.class_name}}) << '\n';
        for (const auto& debtor : group.debtors) {
            out << "  " << core::printable(debtor.name) << " (" << core::printable(debtor.card) << ")\n";
            for (const auto& item : debtor.items)
                out << "    " << core::printable(item.code) << "  " << core::printable(item.title) << " ×"
                    << item.quantity << "  " << app::display_date(item.due, context.tr().language()) << '\n';
        }
    }
    return out.str();
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
    if (!done) return report_problem(done.error());
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
    if (!done) return report_problem(done.error());
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
    if (!done) return report_problem(done.error());
    if (args.json)
        print_json(answers::settle_json(*done));
    else
        std::cout << done->message << '\n';
    return done->settled > 0 ? exit_done : exit_refused;
}

int run_clearance(CliContext& context, const std::string& card, bool as_json) {
    const auto clearance = or_fault(context.library().circulation().clearance(card));
    if (!clearance) {
        std::cerr << context.tr()("cli.reader.unknown", {{"card", card}}) << '\n';
        return exit_bad_input;
    }
    json items = json::array();
    for (const auto& loan : clearance->loans)
        items.push_back({{"type", "loan"},
                         {"code", loan.code},
                         {"title", loan.title},
                         {"quantity", loan.quantity},
                         {"due", core::iso_date(loan.due)}});
    for (const auto& owed : clearance->compensations)
        items.push_back({{"type", "compensation"},
                         {"id", owed.id},
                         {"code", owed.code},
                         {"title", owed.title},
                         {"quantity", owed.quantity},
                         {"condition", to_string(owed.condition)},
                         {"amount", static_cast<double>(owed.amount_tiyn) / 100.0}});
    if (as_json) {
        std::cout << json{{"card", clearance->reader.card},
                          {"name", clearance->reader.name},
                          {"class", clearance->reader.class_name},
                          {"clear", clearance->clear()},
                          {"items", items}}
                         .dump(2)
                  << '\n';
        return exit_done;
    }
    const auto& tr = context.tr();
    std::cout << tr(clearance->clear() ? "textbooks.clearance.clear" : "textbooks.clearance.owes",
                    {{"name", clearance->reader.name}, {"card", card}})
              << '\n';
    for (const auto& item : items)
        std::cout << "  " << core::printable(item["code"].get<std::string>()) << "  "
                  << core::printable(item["title"].get<std::string>()) << " ×" << item["quantity"].get<int>() << '\n';
    return exit_done;
}

int run_report_provision(CliContext& context, const ReportArguments& args) {
    bool bad = false;
    const auto only = class_filter(args.class_name, bad);
    if (bad) return exit_bad_input;
    const auto report = or_fault(context.library().textbooks().provision(only, core::local_date(CliContext::now())));
    return write_report(context.tr(), args.out, provision_text(context, report, args.format)) ? exit_done
                                                                                              : exit_bad_input;
}

int run_report_debtors(CliContext& context, const ReportArguments& args) {
    bool bad = false;
    const auto only = class_filter(args.class_name, bad);
    const auto as_of = args.as_of ? core::parse_iso_date(*args.as_of) : core::local_date(CliContext::now());
    if (bad || !as_of) {
        if (!as_of) std::cerr << "--as-of: \"" << *args.as_of << "\" is not a date such as 2024-06-01\n";
        return exit_bad_input;
    }
    const auto classes = or_fault(context.library().textbooks().debtors(only, *as_of));
    return write_report(context.tr(), args.out, debtors_text(context, classes, args.format)) ? exit_done
                                                                                             : exit_bad_input;
}

}  // namespace kitap::cli
