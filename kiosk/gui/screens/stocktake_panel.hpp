#pragma once

#include "core/circulation/station.hpp"
#include "core/fund/refusal.hpp"
#include "core/stocktake/stocktake.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"

#include <array>
#include <optional>
#include <string>

namespace kitap::kiosk {

// A stocktake from the kiosk: start one for the whole fund or a kind of book,
// scan shelf after shelf (the desk station in stocktake mode records each scan),
// finish and see what is missing and what should not be there.
struct StocktakePanel {
    std::optional<core::StocktakeStatus> status;  // the open stocktake
    std::optional<core::StationOutcome> banner;   // what the last scan was
    std::optional<core::StocktakeReport> report;  // the stocktake just finished
    std::optional<core::Refusal> refusal;
    bool confirm_finish = false;
};

struct StocktakeIntent {
    std::optional<std::string> start_scope;  // "all", "kind:textbook"...
    bool ask_finish = false;
    bool confirm_finish = false;
    bool cancel_finish = false;
};

StocktakeIntent draw(const StocktakePanel& panel, const ScreenContext& context, Rect area);

// The scopes a stocktake can be started with from the screen.
inline constexpr std::array<const char*, 3> stocktake_scopes{"all", "kind:textbook", "kind:fiction"};

}  // namespace kitap::kiosk
