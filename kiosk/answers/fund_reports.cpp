#include "kiosk/answers/fund_reports.hpp"

#include "core/fund/money.hpp"
#include "kiosk/answers/tables.hpp"

#include <cmath>
#include <functional>
#include <sstream>

namespace kitap::answers {
namespace {

using nlohmann::json;

template <typename Number>
std::string number(Number value) {
    return std::to_string(value);
}

json tenge(std::int64_t tiyn) { return static_cast<double>(tiyn) / 100.0; }

// ---- Register ---------------------------------------------------------------------

using Measure = std::pair<std::string, std::function<std::string(const core::RegisterSection&)>>;

void add_movement_measures(std::vector<Measure>& measures, const std::string& name,
                           std::function<core::FundMovement(const core::RegisterSection&)> movement) {
    measures.emplace_back(name + "_copies",
                          [movement](const core::RegisterSection& s) { return number(movement(s).copies); });
    measures.emplace_back(
        name + "_sum", [movement](const core::RegisterSection& s) { return core::tenge_text(movement(s).sum_tiyn); });
}

// The register's lines, top to bottom.
std::vector<Measure> register_measures() {
    using Section = core::RegisterSection;
    std::vector<Measure> measures{{"fund_start", [](const Section& s) { return number(s.fund_start); }}};
    add_movement_measures(measures, "received", [](const Section& s) { return s.received; });
    add_movement_measures(measures, "written_off", [](const Section& s) { return s.written_off; });
    for (const auto reason : core::writeoff_reasons)
        add_movement_measures(measures, "written_off_" + std::string(to_string(reason)),
                              [reason](const Section& s) { return s.written_off_by_reason.at(reason); });
    add_movement_measures(measures, "lost_on_return", [](const Section& s) { return s.lost_on_return; });
    measures.emplace_back("fund_end", [](const Section& s) { return number(s.fund_end); });
    return measures;
}

Table register_table(const core::RegisterReport& report, const Label& label) {
    Table table{{"measure", "textbooks", "other", "total"}, {}};
    for (const auto& [name, value] : register_measures())
        table.rows.push_back({label(name), value(report.textbooks), value(report.other), value(report.total)});
    return table;
}

json movement_json(const core::FundMovement& movement) {
    return {{"copies", movement.copies}, {"sum", tenge(movement.sum_tiyn)}};
}

json section_json(const core::RegisterSection& section) {
    json written_off = movement_json(section.written_off);
    written_off["by_reason"] = json::object();
    for (const auto& [reason, movement] : section.written_off_by_reason)
        written_off["by_reason"][std::string(to_string(reason))] = movement_json(movement);
    written_off["lost_on_return"] = movement_json(section.lost_on_return);
    return {{"fund_start", section.fund_start},
            {"received", movement_json(section.received)},
            {"written_off", written_off},
            {"fund_end", section.fund_end}};
}

// ---- Order ------------------------------------------------------------------------

template <typename T>
std::string spaced(const std::vector<T>& values) {
    std::ostringstream text;
    for (std::size_t i = 0; i < values.size(); ++i) text << (i ? " " : "") << values[i];
    return text.str();
}

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

json order_line_json(const core::OrderLine& line) {
    return {{"isbn", line.isbn},
            {"title", line.title},
            {"subject", line.subject},
            {"grades", line.grades},
            {"languages", line.languages},
            {"pupils", line.pupils},
            {"needed", line.needed},
            {"free", line.free},
            {"expected_returns", line.expected_returns},
            {"wear_rate", rounded(line.wear.fraction())},
            {"wear_from", line.school_wear ? "school" : "title"},
            {"worn", line.worn},
            {"usable", line.usable},
            {"to_order", line.to_order},
            {"price", tenge(line.price_tiyn)},
            {"sum", tenge(line.sum_tiyn)}};
}

Table order_table(const core::OrderReport& report) {
    Table table{{"isbn", "title", "grades", "languages", "pupils", "needed", "free", "expected_returns", "wear_rate",
                 "worn", "usable", "to_order", "price", "sum"},
                {}};
    for (const auto& line : report.lines)
        table.rows.push_back({line.isbn, line.title, spaced(line.grades), spaced(line.languages), number(line.pupils),
                              number(line.needed), number(line.free), number(line.expected_returns),
                              format_number(line.wear.fraction(), 3), number(line.worn), number(line.usable),
                              number(line.to_order), core::tenge_text(line.price_tiyn),
                              core::tenge_text(line.sum_tiyn)});
    return table;
}

}  // namespace

json register_json(const core::RegisterReport& report) {
    return {{"year", report.school_year},
            {"from", report.first_day},
            {"to", report.last_day},
            {"textbooks", section_json(report.textbooks)},
            {"other", section_json(report.other)},
            {"total", section_json(report.total)}};
}

std::string register_csv(const core::RegisterReport& report, const app::Translator& tr) {
    const auto table = register_table(report, label_for(true, tr, "fund.register.measure."));
    std::ostringstream out;
    write_csv(out, table.columns, table.rows);
    return out.str();
}

std::string register_text(const core::RegisterReport& report, const app::Translator& tr) {
    std::ostringstream out;
    out << tr("fund.register.header",
              {{"year", report.school_year}, {"from", report.first_day}, {"to", report.last_day}})
        << '\n';
    write_text_table(out, register_table(report, label_for(false, tr, "fund.register.measure.")), tr,
                     "fund.register.column.");
    return out.str();
}

json order_json(const core::OrderReport& report) {
    json out{{"for_year", report.for_year},
             {"based_on", report.based_on},
             {"pupils", json::array()},
             {"school_wear_rate", rounded(report.school_wear.fraction())},
             {"titles", json::array()},
             {"total", {{"to_order", report.total_to_order}, {"sum", tenge(report.total_sum_tiyn)}}}};
    for (const auto& group : report.pupils)
        out["pupils"].push_back({{"grade", group.grade},
                                 {"language", to_string(group.language)},
                                 {"pupils", group.pupils},
                                 {"estimated", group.estimated}});
    for (const auto& line : report.lines) out["titles"].push_back(order_line_json(line));
    return out;
}

std::string order_csv(const core::OrderReport& report) {
    const auto table = order_table(report);
    std::ostringstream out;
    write_csv(out, table.columns, table.rows);
    return out.str();
}

// What the text order says around its table: whom it counts, how wear is estimated, the total.
std::string order_text(const core::OrderReport& report, const app::Translator& tr) {
    std::ostringstream out;
    out << tr("order.text.header", {{"year", report.for_year}, {"based_on", report.based_on}}) << '\n';
    for (const auto& group : report.pupils)
        out << tr(group.estimated ? "order.text.pupils_estimated" : "order.text.pupils",
                  {{"grade", number(group.grade)},
                   {"language", std::string(to_string(group.language))},
                   {"pupils", number(group.pupils)}})
            << '\n';
    out << tr("order.text.wear", {{"rate", format_number(report.school_wear.fraction(), 3)},
                                  {"worn", number(report.school_wear.worn)},
                                  {"returned", number(report.school_wear.returned)}})
        << '\n';
    write_text_table(out, order_table(report), tr, "order.column.");
    out << tr("order.text.total",
              {{"to_order", number(report.total_to_order)}, {"sum", core::tenge_text(report.total_sum_tiyn)}})
        << '\n';
    return out.str();
}

nlohmann::ordered_json annual_figure_json(const core::AnnualLine& line) {
    if (line.tenge) return static_cast<double>(line.value) / 100.0;
    return line.value;
}

nlohmann::ordered_json annual_json(const core::SchoolYearSpan& year, const core::AnnualFigures& figures) {
    nlohmann::ordered_json out{{"school_year", year.name},
                               {"first_day", core::iso_date(year.first_day)},
                               {"last_day", core::iso_date(year.last_day)}};
    for (const auto& line : core::annual_lines(figures)) out[std::string(line.key)] = annual_figure_json(line);
    auto& months = out["loans_by_month"] = nlohmann::ordered_json::array();
    for (const auto& month : figures.loans_by_month) months.push_back({{"month", month.month}, {"loans", month.loans}});
    return out;
}

}  // namespace kitap::answers
