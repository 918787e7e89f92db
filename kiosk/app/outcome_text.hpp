#pragma once

#include "core/calendar.hpp"
#include "core/circulation/station.hpp"
#include "kiosk/app/translator.hpp"

#include <cstdint>
#include <string>

namespace kitap::app {

// How a date reads to this person: 09.12.2026 in Kazakh and Russian, 2026-12-09 in English.
// "Қара сөздер; Абай жолы": the titles of a reader's reserved books kept for them.
std::string reserved_titles(const std::vector<core::WaitingHold>& holds);

std::string display_date(core::Date date, Language language);

// Tenge as the reader expects them: 2 500,00 in Kazakh and Russian, 2,500.00 in English.
std::string display_tenge(std::int64_t tiyn, Language language);

// What a scan did, in words the person at the station understands.
std::string outcome_message(const core::StationOutcome& outcome, const Translator& tr);

}  // namespace kitap::app
