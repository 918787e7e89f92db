#pragma once

#include "core/circulation/reader_account.hpp"
#include "core/textbooks/textbook_reports.hpp"
#include "kiosk/app/translator.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// The textbook reports and a leaving pupil's clearance as JSON, CSV and the
// command line's text (their PDF and XLSX are kitap_print's documents).
namespace kitap::answers {

nlohmann::json provision_json(const core::ProvisionReport& report);
std::string provision_csv(const core::ProvisionReport& report, const app::Translator& tr);
std::string provision_text(const core::ProvisionReport& report, const app::Translator& tr);

nlohmann::json debtors_json(const std::vector<core::ClassDebtors>& classes);
std::string debtors_csv(const std::vector<core::ClassDebtors>& classes);
std::string debtors_text(const std::vector<core::ClassDebtors>& classes, const app::Translator& tr);

nlohmann::json clearance_json(const core::Clearance& clearance);
std::string clearance_text(const core::Clearance& clearance, const app::Translator& tr);

}  // namespace kitap::answers
