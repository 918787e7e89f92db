#pragma once

#include "core/library/settings_service.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/model/lookup.hpp"
#include "kiosk/gui/model/scanner_hub.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/screens/issuance_panel.hpp"
#include "kiosk/gui/screens/reports_panel.hpp"
#include "kiosk/gui/screens/returns_panel.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/stocktake_panel.hpp"
#include "kiosk/gui/screens/top_bar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// In the order of the menu.
enum class LibrarianTab { classes, returns, stocktake, lookup, reports, kiosk };

// Behind the PIN: class issuance, year-end returns, stocktake, looking anything
// up by scanning it, provision and debtors at a glance, the scanners' state with
// the kiosk's language and timeouts, and the only way out of the kiosk. What a
// scan does depends on the tab: the desk station in desk, return or stocktake
// mode, or a lookup.
struct LibrarianScreen {
    TopBar top;
    LibrarianTab tab = LibrarianTab::classes;
    IssuancePanel issuance;
    ReturnsPanel returns;
    StocktakePanel stocktake;
    ReportsPanel reports;
    std::string typed;                   // a code typed on a keyboard, until Enter
    std::optional<LookupResult> lookup;  // the last thing scanned or typed
    std::vector<SourceState> sources;
    std::size_t dropped_events = 0;
    std::string database_path;
    app::Language kiosk_language = app::Language::kk;
    int idle_seconds = core::kiosk_idle_timeout_setting.fallback;
    int lock_seconds = core::kiosk_librarian_lock_setting.fallback;
    int seconds_to_lock = core::kiosk_librarian_lock_setting.fallback;  // this screen locks itself when left alone
    bool confirm_leave = false;
    std::optional<UnlockReport> unlock_report;  // shown over the screen until read
};

struct LibrarianIntent {
    TopBarIntent top;
    std::optional<LibrarianTab> tab;
    IssuanceIntent issuance;
    ReturnsIntent returns;
    StocktakeIntent stocktake;
    std::optional<app::Language> kiosk_language;
    int idle_step = 0;  // -1 / +1: shorter / longer pupil sessions
    int lock_step = 0;  // -1 / +1: this screen locks sooner / later
    bool back_to_pupils = false;
    bool ask_leave = false;
    bool leave = false;
    bool keep_running = false;
    bool unlock_report_read = false;
};

LibrarianIntent draw(const LibrarianScreen& screen, const ScreenContext& context);

}  // namespace kitap::kiosk
