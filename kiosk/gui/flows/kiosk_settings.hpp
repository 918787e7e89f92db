#pragma once

#include "kiosk/gui/flows/effects.hpp"

namespace kitap::kiosk {

// Runs on the worker: opens (or opens again) the library, gives its station the
// stored idle timeout and reads what else it keeps for the kiosk (with --demo, its
// sample cards), under core's keys and within core's limits (settings_service.hpp).
// The fault when it cannot be opened.
tl::expected<StoredSettings, Fault> open_library(KioskLibrary& library, bool demo);

}  // namespace kitap::kiosk
