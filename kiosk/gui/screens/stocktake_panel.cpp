#include "kiosk/gui/screens/stocktake_panel.hpp"

#include "kiosk/gui/screens/outcome_banner.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

constexpr float button_height = 76, banner_height = 150;
constexpr std::size_t shown_missing = 4;

std::string scope_key(const std::string& scope) {
    std::string key = "kiosk.stocktake.scope." + scope;
    std::replace(key.begin(), key.end(), ':', '_');
    return key;
}

std::string scope_words(const std::string& scope, const app::Translator& tr) {
    if (scope.rfind("shelf:", 0) == 0) return tr("kiosk.stocktake.scope.shelf", {{"shelf", scope.substr(6)}});
    return tr(scope_key(scope));
}

void draw_start(const StocktakePanel& panel, const ScreenContext& context, Rect area, float y,
                StocktakeIntent& intent) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    y += text_wrapped(list, theme.fonts.body, ImVec2(area.x, y), area.width, colours::muted,
                      tr("kiosk.stocktake.none_open")) +
         theme.px(16);
    if (panel.report) {
        const auto& report = *panel.report;
        auto line = [&](ImFont* font, ImU32 colour, const std::string& text) {
            y += text_wrapped(list, font, ImVec2(area.x, y), area.width, colour, text) + theme.px(4);
        };
        line(theme.fonts.bold, colours::ink,
             tr("kiosk.stocktake.finished", {{"scope", scope_words(report.scope, tr)}}));
        line(theme.fonts.body, colours::ink,
             tr("kiosk.stocktake.found", {{"found", std::to_string(report.found_copies)},
                                          {"expected", std::to_string(report.expected_copies)}}));
        line(theme.fonts.body, report.missing.empty() ? colours::ink : colours::warning,
             tr("kiosk.stocktake.missing", {{"count", std::to_string(report.missing.size())}}));
        line(theme.fonts.body, report.unexpected.empty() ? colours::ink : colours::warning,
             tr("kiosk.stocktake.unexpected", {{"count", std::to_string(report.unexpected.size())}}));
        // The first of the missing copies; `kitap stocktake finish --format pdf` prints them all.
        const std::size_t shown = std::min(report.missing.size(), shown_missing);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& copy = report.missing[i];
            line(theme.fonts.small, colours::ink,
                 tr(copy.shelf.empty() ? "kiosk.stocktake.missing_line" : "kiosk.stocktake.missing_line_shelf",
                    {{"code", copy.code}, {"title", copy.title}, {"shelf", copy.shelf}}));
        }
        if (report.missing.size() > shown)
            line(theme.fonts.small, colours::muted,
                 tr("kiosk.stocktake.more", {{"count", std::to_string(report.missing.size() - shown)}}));
    }
    y += theme.px(16);
    for (const char* scope : stocktake_scopes) {
        const std::string id = std::string("##start_") + scope;
        if (touch_button(id.c_str(), tr("kiosk.stocktake.start", {{"scope", scope_words(scope, tr)}}),
                         place_at({area.x, y, std::min(area.width, theme.px(520)), theme.px(button_height)}),
                         ButtonKind::secondary, theme.fonts.bold))
            intent.start_scope = scope;
        y += theme.px(button_height + 12);
    }
}

void draw_open(const StocktakePanel& panel, const ScreenContext& context, Rect area, float y, StocktakeIntent& intent) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const auto& status = *panel.status;
    y += text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::ink,
                      tr("kiosk.stocktake.open",
                         {{"scope", scope_words(status.scope, tr)}, {"started", status.started_at.substr(0, 10)}})) +
         theme.px(4);
    y += text_wrapped(list, theme.fonts.body, ImVec2(area.x, y), area.width, colours::ink,
                      tr("kiosk.stocktake.progress",
                         {{"scans", std::to_string(status.scans)}, {"copies", std::to_string(status.copies_found)}})) +
         theme.px(6);
    y += text_wrapped(list, theme.fonts.small, ImVec2(area.x, y), area.width, colours::muted,
                      tr("kiosk.stocktake.hint")) +
         theme.px(14);
    if (panel.banner)
        draw_banner(list, banner_text(*panel.banner, tr), ImVec2(area.x, y),
                    ImVec2(area.width, theme.px(banner_height)), theme);

    const float bottom_y = area.y + area.height - theme.px(button_height);
    if (!panel.confirm_finish) {
        intent.ask_finish = touch_button("##finish", tr("kiosk.stocktake.finish"),
                                         place_at({area.x, bottom_y, area.width * 0.5f, theme.px(button_height)}),
                                         ButtonKind::primary, theme.fonts.bold);
        return;
    }
    const float text_h = wrapped_height(theme.fonts.bold, area.width, tr("kiosk.stocktake.finish_question"));
    text_wrapped(list, theme.fonts.bold, ImVec2(area.x, bottom_y - theme.px(12) - text_h), area.width, colours::warning,
                 tr("kiosk.stocktake.finish_question"));
    const float half = (area.width - theme.px(16)) / 2;
    intent.cancel_finish = touch_button("##finish_cancel", tr("kiosk.stocktake.keep_scanning"),
                                        place_at({area.x, bottom_y, half, theme.px(button_height)}),
                                        ButtonKind::secondary, theme.fonts.bold);
    intent.confirm_finish =
        touch_button("##finish_confirm", tr("kiosk.stocktake.finish_now"),
                     place_at({area.x + half + theme.px(16), bottom_y, half, theme.px(button_height)}),
                     ButtonKind::primary, theme.fonts.bold);
}

}  // namespace

StocktakeIntent draw(const StocktakePanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    StocktakeIntent intent;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    float y = area.y;
    text_at(list, theme.fonts.large, ImVec2(area.x, y), colours::ink, context.tr("kiosk.stocktake.title"));
    y += theme.fonts.large->FontSize + theme.px(10);
    if (panel.refusal) {
        y += text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::warning,
                          context.tr(panel.refusal->key, panel.refusal->args)) +
             theme.px(8);
    }
    if (panel.status)
        draw_open(panel, context, area, y, intent);
    else
        draw_start(panel, context, area, y, intent);
    return intent;
}

}  // namespace kitap::kiosk
