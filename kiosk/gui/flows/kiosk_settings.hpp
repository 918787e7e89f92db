#pragma once

#include "kiosk/gui/flows/effects.hpp"

namespace kitap::kiosk {

// Settings the librarian changes on screen, kept in the library database.
inline constexpr const char* language_setting = "kiosk_language";
inline constexpr const char* idle_setting = "kiosk_idle_timeout_seconds";
inline constexpr const char* lock_setting = "kiosk_librarian_lock_seconds";

// Runs on the worker: opens (or opens again) the library, gives its station the
// stored idle timeout and reads what else it keeps for the kiosk (with --demo, its
// sample cards). The fault when it cannot be opened.
tl::expected<StoredSettings, Fault> open_library(KioskLibrary& library, bool demo);

}  // namespace kitap::kiosk
