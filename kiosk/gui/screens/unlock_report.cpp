#include "kiosk/gui/screens/unlock_report.hpp"

#include "kiosk/app/outcome_text.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <ctime>

namespace kitap::kiosk {
namespace {

// "01.12.2026 22:40" in the kiosk's time zone.
std::string display_moment(core::Timestamp at, app::Language language) {
    const std::time_t t = std::chrono::system_clock::to_time_t(at);
    std::tm local{};
    localtime_r(&t, &local);
    char clock[8];
    std::strftime(clock, sizeof clock, "%H:%M", &local);
    return app::display_date(core::local_date(at), language) + " " + clock;
}

}  // namespace

std::vector<std::string> unlock_report_text(const UnlockReport& report, const app::Translator& tr) {
    std::vector<std::string> paragraphs;
    if (report.wrong_tries > 0) {
        app::MessageArgs args{{"count", std::to_string(report.wrong_tries)}};
        if (report.last_wrong) args["last"] = display_moment(*report.last_wrong, tr.language());
        if (report.previous_unlock) args["since"] = display_moment(*report.previous_unlock, tr.language());
        paragraphs.push_back(
            tr(report.previous_unlock ? "kiosk.unlock_report.wrong" : "kiosk.unlock_report.wrong_first", args));
        paragraphs.push_back(tr("kiosk.unlock_report.not_you"));
    }
    if (report.short_pin())
        paragraphs.push_back(tr("kiosk.unlock_report.short_pin", {{"digits", std::to_string(report.pin_digits)},
                                                                  {"min", std::to_string(min_new_pin_length)},
                                                                  {"max", std::to_string(max_pin_length)}}));
    return paragraphs;
}

bool draw_unlock_report(const UnlockReport& report, const LibrarianLayout& layout, const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const Rect& box = layout.unlock_report;
    list.AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.width, box.y + box.height), colours::panel,
                       theme.px(20));
    const float inset = theme.px(32), width = box.width - 2 * inset;
    float y = box.y + theme.px(28);
    const bool warning = report.wrong_tries > 0;
    draw_icon(list, warning ? Icon::warning : Icon::lock, ImVec2(box.x + inset + theme.px(20), y + theme.px(20)),
              theme.px(40), warning ? colours::warning : colours::bar);
    const float title_x = box.x + inset + theme.px(56);
    y += text_wrapped(list, theme.fonts.large, ImVec2(title_x, y), width - theme.px(56), colours::ink,
                      context.tr("kiosk.unlock_report.title")) +
         theme.px(16);
    for (const auto& paragraph : unlock_report_text(report, context.tr))
        y += text_wrapped(list, theme.fonts.body, ImVec2(box.x + inset, y), width, colours::ink, paragraph) +
             theme.px(12);
    return touch_button("##unlock_report_ok", context.tr("kiosk.unlock_report.ok"), place_at(layout.unlock_report_ok),
                        ButtonKind::primary, theme.fonts.bold);
}

}  // namespace kitap::kiosk
