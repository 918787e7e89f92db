#include "kiosk/gui/trust_question.hpp"

#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/platform/signal_watcher.hpp"
#include "kiosk/gui/platform/window.hpp"
#include "kiosk/gui/screens/trust_screen.hpp"

namespace kitap::kiosk {

bool ask_trust(const KioskOptions& options, const std::string& server, const std::string& fingerprint) {
    SignalWatcher signals([] { KioskWindow::wake(); });
    KioskWindow window(options.windowed, "Kitap");
    window.set_close_allowed(true);
    const app::Translator tr(app::choose_language(options.lang));
    const TrustScreen screen{.server = server, .fingerprint = fingerprint};
    while (!signals.stop_requested() && !window.close_requested()) {
        window.wait(1.0);
        window.begin_frame();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        const ScreenContext context{tr, window.theme(), viewport->Pos, viewport->Size, core::local_date(wall_now())};
        const TrustIntent intent = draw(screen, context);
        window.end_frame(std::nullopt);
        if (intent.trust || intent.refuse) return intent.trust;
    }
    return false;
}

}  // namespace kitap::kiosk
