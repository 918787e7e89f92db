#pragma once

#include "core/reports/annual_report.hpp"
#include "core/reports/order_report.hpp"
#include "core/reports/register_report.hpp"
#include "kiosk/app/translator.hpp"

#include <nlohmann/json.hpp>

#include <string>

// The fund's reports as JSON, CSV and the command line's text: the summary register
// of a school year, next year's order, the annual statistics (their PDF and XLSX
// are kitap_print's documents).
namespace kitap::answers {

nlohmann::json register_json(const core::RegisterReport& report);
std::string register_csv(const core::RegisterReport& report, const app::Translator& tr);
std::string register_text(const core::RegisterReport& report, const app::Translator& tr);

nlohmann::json order_json(const core::OrderReport& report);
std::string order_csv(const core::OrderReport& report);
std::string order_text(const core::OrderReport& report, const app::Translator& tr);

// The figures in the order the annual report lays them out (DOMAIN.md's table).
// A figure as the annual report's JSON gives it: a count, or tenge for a sum in tiyn.
nlohmann::ordered_json annual_figure_json(const core::AnnualLine& line);
nlohmann::ordered_json annual_json(const core::SchoolYearSpan& year, const core::AnnualFigures& figures);

}  // namespace kitap::answers
