#include "core/circulation/library_store.hpp"
#include "core/codes/check_digits.hpp"
#include "core/reports/library_stats.hpp"
#include "kiosk/app/outcome_text.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

using nlohmann::json;

json nullable(const std::optional<std::string>& value) { return value ? json(*value) : json(); }

int print_reader(CliContext& context, const core::ReaderRecord& reader, bool as_json) {
    core::LibraryStore store(context.db());
    const auto loans = store.held_items(reader.id);
    const std::string status = reader.active ? "active" : "left";
    if (as_json) {
        json out{{"card", reader.card},
                 {"name", reader.name},
                 {"category", to_string(reader.category)},
                 {"class", reader.class_name.empty() ? json() : json(reader.class_name)},
                 {"status", status},
                 {"loans", json::array()}};
        for (const auto& loan : loans)
            out["loans"].push_back({{"code", loan.code}, {"title", loan.title}, {"quantity", loan.quantity},
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

int print_copy(CliContext& context, core::LibraryStore& store, const core::CopyRecord& copy, bool as_json) {
    const auto loan = store.open_loan_of_copy(copy.id);
    std::string status = loan ? "on_loan" : "available";
    if (copy.status == core::CopyStatus::written_off) status = "written_off";
    if (copy.status == core::CopyStatus::lost) status = "lost";
    if (as_json) {
        std::cout << json{{"code", copy.barcode},
                          {"kind", "copy"},
                          {"title", copy.title.title},
                          {"isbn", nullable(copy.title.isbn)},
                          {"status", status},
                          {"holder", loan ? json(loan->reader_card) : json()}}
                         .dump(2)
                  << '\n';
        return exit_done;
    }
    std::string shown = context.tr()("copy_status." + status);
    if (loan) shown += " (" + loan->reader_card + ")";
    std::cout << context.tr()("cli.item.copy", {{"code", copy.barcode}, {"title", copy.title.title}, {"status", shown}})
              << '\n';
    return exit_done;
}

int print_title(CliContext& context, core::LibraryStore& store, const core::TitleRecord& title, bool as_json) {
    const int on_loan = store.title_quantity_on_loan(title.id);
    const int free = title.stock - on_loan;
    if (as_json) {
        std::cout << json{{"isbn", *title.isbn},     {"kind", "title"},      {"title", title.title},
                          {"stock", title.stock},    {"free", free},         {"on_loan", on_loan},
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
    core::LibraryStore store(context.db());
    auto reader = store.reader_by_card(card);
    if (!reader) {
        std::cerr << context.tr()("cli.reader.unknown", {{"card", card}}) << '\n';
        return exit_bad_input;
    }
    return print_reader(context, *reader, as_json);
}

int run_item(CliContext& context, const std::string& code, bool as_json) {
    core::LibraryStore store(context.db());
    if (auto copy = store.copy_by_barcode(code)) return print_copy(context, store, *copy, as_json);
    if (auto isbn = core::normalize_isbn(code))
        if (auto title = store.title_by_isbn(*isbn)) return print_title(context, store, *title, as_json);
    std::cerr << context.tr()("cli.item.unknown", {{"code", code}}) << '\n';
    return exit_bad_input;
}

int run_stats(CliContext& context, bool as_json) {
    const auto stats = core::library_stats(context.db(), core::local_date(CliContext::now()));
    if (as_json) {
        std::cout << json{{"readers", stats.readers},         {"titles", stats.titles},
                          {"copies", stats.copies},           {"title_stock", stats.title_stock},
                          {"open_loans", stats.open_loans},   {"overdue_loans", stats.overdue_loans}}
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
              << tr("cli.stats.loans", {{"open", std::to_string(stats.open_loans)},
                                        {"overdue", std::to_string(stats.overdue_loans)}})
              << '\n';
    return exit_done;
}

}  // namespace kitap::cli
