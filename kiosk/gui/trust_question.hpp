#pragma once

#include "kiosk/gui/kiosk_options.hpp"

#include <string>

namespace kitap::kiosk {

// The first-run question of a kiosk whose https server is not trusted yet, on a window
// of its own before the kiosk's: the fingerprint the server showed, for the librarian
// to compare with the one `kitap serve` printed. True when she trusts it; false when
// she refuses or the kiosk is told to stop.
bool ask_trust(const KioskOptions& options, const std::string& server, const std::string& fingerprint);

}  // namespace kitap::kiosk
