#include "kiosk/app/outcome_text.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

using nlohmann::json;

// `kitap reader` and `kitap item` show no past loans.
constexpr int no_history = 0;

json nullable(const std::optional<std::string>& value) { return value ? json(*value) : json(); }

int print_reader(CliContext& context, const core::ReaderFacts& facts, bool as_json) {
    const auto& reader = facts.reader;
    const auto& loans = facts.held;
    const std::string status = reader.active ? "active" : "left";
    if (as_json) {
        json out{{"card", reader.card},
                 {"name", reader.name},
                 {"category", to_string(reader.category)},
                 {"class", reader.class_name.empty() ? json() : json(reader.class_name)},
                 {"status", status},
                 {"loans", json::array()}};
        for (const auto& loan : loans)
            out["loans"].push_back({{"code", loan.code},
                                    {"title", loan.title},
                                    {"quantity", loan.quantity},
                                    {"due", core::iso_date(loan.due)}});
        std::cout << out.dump(2) << '\n';
        return exit_done;
    }
    const auto& tr = context.tr();
    std::cout << tr("cli.reader.header", {{"name", reader.name},
                                          {"card", reader.card},
                                          {"category", tr("category." + std::string(to_string(reader.category)))},
                                          {"class", reader.class_name.empty() ? "" : " " + reader.class_name},
                                          {"status", tr("reader_status." + status)}})
              << '\n';
    if (loans.empty()) std::cout << tr("cli.reader.no_loans") << '\n';
    for (const auto& loan : loans)
        std::cout << tr("cli.reader.loan", {{"code", loan.code},
                                            {"title", loan.title},
                                            {"quantity", std::to_string(loan.quantity)},
                                            {"due", app::display_date(loan.due, tr.language())}})
                  << '\n';
    return exit_done;
}

int print_copy(CliContext& context, const core::CopyFacts& facts, bool as_json) {
    const auto& copy = facts.copy;
    const std::string status(to_string(facts.whereabouts));
    if (as_json) {
        std::cout << json{{"code", copy.barcode},
                          {"kind", "copy"},
                          {"title", copy.title.title},
                          {"isbn", nullable(copy.title.isbn)},
                          {"status", status},
                          {"holder", facts.holder_card ? json(*facts.holder_card) : json()}}
                         .dump(2)
                  << '\n';
        return exit_done;
    }
    std::string shown = context.tr()("copy_status." + status);
    if (facts.holder_card) shown += " (" + *facts.holder_card + ")";
    std::cout << context.tr()("cli.item.copy", {{"code", copy.barcode}, {"title", copy.title.title}, {"status", shown}})
              << '\n';
    return exit_done;
}

int print_title(CliContext& context, const core::TitleFacts& facts, bool as_json) {
    const auto& title = facts.title;
    const int on_loan = facts.on_loan;
    const int free = facts.free();
    if (as_json) {
        std::cout << json{{"isbn", *title.isbn},        {"kind", "title"}, {"title", title.title},
                          {"stock", title.stock},       {"free", free},    {"on_loan", on_loan},
                          {"copies", title.item_copies}}
                         .dump(2)
                  << '\n';
        return exit_done;
    }
    std::cout << context.tr()("cli.item.title", {{"isbn", *title.isbn},
                                                 {"title", title.title},
                                                 {"stock", std::to_string(title.stock)},
                                                 {"on_loan", std::to_string(on_loan)},
                                                 {"free", std::to_string(free)}})
              << '\n';
    return exit_done;
}

}  // namespace

int run_reader(CliContext& context, const std::string& card, bool as_json) {
    const auto reader = or_fault(context.library().lookup().reader(card, no_history));
    if (!reader) {
        std::cerr << context.tr()("cli.reader.unknown", {{"card", card}}) << '\n';
        return exit_bad_input;
    }
    return print_reader(context, *reader, as_json);
}

int run_item(CliContext& context, const std::string& code, bool as_json) {
    const auto item = or_fault(context.library().lookup().item(code, no_history));
    if (item.copy) return print_copy(context, *item.copy, as_json);
    if (item.title) return print_title(context, *item.title, as_json);
    std::cerr << context.tr()("cli.item.unknown", {{"code", code}}) << '\n';
    return exit_bad_input;
}

int run_stats(CliContext& context, bool as_json) {
    const auto stats = or_fault(context.library().reports().stats(core::local_date(CliContext::now())));
    if (as_json) {
        std::cout << json{{"readers", stats.readers},       {"titles", stats.titles},
                          {"copies", stats.copies},         {"title_stock", stats.title_stock},
                          {"open_loans", stats.open_loans}, {"overdue_loans", stats.overdue_loans}}
                         .dump(2)
                  << '\n';
        return exit_done;
    }
    const auto& tr = context.tr();
    app::MessageArgs readers;
    for (const auto& [category, count] : stats.readers) readers[category] = std::to_string(count);
    std::cout << tr("cli.stats.title", {{"titles", std::to_string(stats.titles)},
                                        {"copies", std::to_string(stats.copies)},
                                        {"stock", std::to_string(stats.title_stock)}})
              << '\n'
              << tr("cli.stats.readers", readers) << '\n'
              << tr("cli.stats.loans",
                    {{"open", std::to_string(stats.open_loans)}, {"overdue", std::to_string(stats.overdue_loans)}})
              << '\n';
    return exit_done;
}

}  // namespace kitap::cli
