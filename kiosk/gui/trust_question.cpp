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
    // --screenshot-dir: the question too, once ImGui's layout has settled (its second frame).
    constexpr int screenshot_frame = 2;
    int frames = 0;
    while (!signals.stop_requested() && !window.close_requested()) {
        window.wait(frames < screenshot_frame ? 0.0 : 1.0);
        window.begin_frame();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        const ScreenContext context{tr, window.theme(), viewport->Pos, viewport->Size, core::local_date(wall_now())};
        const TrustIntent intent = draw(screen, context);
        std::optional<std::filesystem::path> screenshot;
        if (++frames == screenshot_frame && options.screenshot_dir)
            screenshot = *options.screenshot_dir / "0000-trust.png";
        window.end_frame(screenshot);
        if (intent.trust || intent.refuse) return intent.trust;
    }
    return false;
}

}  // namespace kitap::kiosk
