#pragma once

#include "core/circulation/station.hpp"
#include "kiosk/app/translator.hpp"

#include <nlohmann/json.hpp>

namespace kitap::app {

// One scan's outcome as the JSON object `kitap scan` prints per line and the kiosk
// prints with --print-outcomes: scripts and the crash harness read both alike.
nlohmann::json outcome_json(const core::StationOutcome& outcome, core::StationMode mode, const Translator& tr);

}  // namespace kitap::app
