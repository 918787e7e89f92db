#include "kiosk/gui/screens/find_book_screen.hpp"

#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {
namespace {

// The query as typed, in a box a finger can tap to bring the keyboard back.
bool draw_query(const FindBookScreen& screen, const Rect& box, const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::SetCursorScreenPos(ImVec2(box.x, box.y));
    const bool tapped = ImGui::InvisibleButton("##query", ImVec2(box.width, box.height));
    list.AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.width, box.y + box.height), colours::panel,
                       theme.px(10));
    list.AddRect(ImVec2(box.x, box.y), ImVec2(box.x + box.width, box.y + box.height), colours::primary, theme.px(10),
                 ImDrawFlags_None, theme.px(3));
    const float inset = theme.px(20);
    const float text_y = box.centre_y() - theme.fonts.large->FontSize / 2;
    if (screen.query.empty()) {
        text_at(list, theme.fonts.body, ImVec2(box.x + inset, box.centre_y() - theme.fonts.body->FontSize / 2),
                colours::muted, fit_text(theme.fonts.body, box.width - 2 * inset, context.tr("kiosk.find.hint")));
        return tapped;
    }
    // The end of a long query stays in view: it is where the next letter goes.
    std::string shown = screen.query;
    while (text_size(theme.fonts.large, shown + "|").x > box.width - 2 * inset && !shown.empty()) {
        std::size_t cut = 1;
        while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) ++cut;
        shown.erase(0, cut);
    }
    text_at(list, theme.fonts.large, ImVec2(box.x + inset, text_y), colours::ink, shown + "|");
    return tapped;
}

// One title: its name and authors, then where it stands and how many copies are in;
// "Reserve" beside a title that is all out. True when that was touched.
bool draw_entry(ImDrawList& list, const core::CatalogEntry& entry, ImVec2 at, float width,
                const ScreenContext& context) {
    const Theme& theme = context.theme;
    const float inset = theme.px(16), height = theme.px(82);
    bool reserve = false;
    if (reservable(entry)) {
        const float button_w = theme.px(200);
        const Rect button{at.x + width - button_w - theme.px(10), at.y + theme.px(10), button_w, theme.px(54)};
        const std::string id = "##reserve" + std::to_string(entry.title_id);
        reserve = touch_button(id.c_str(), context.tr("kiosk.find.reserve"), place_at(button), ButtonKind::primary,
                               theme.fonts.bold);
        width -= button_w + theme.px(20);
    }
    list.AddRectFilled(at, ImVec2(at.x + width, at.y + height - theme.px(8)), colours::panel, theme.px(10));
    const float name_w = text_size(theme.fonts.bold, entry.title).x;
    text_at(list, theme.fonts.bold, ImVec2(at.x + inset, at.y + theme.px(8)), colours::ink,
            fit_text(theme.fonts.bold, width - 2 * inset, entry.title));
    if (!entry.authors.empty() && name_w + theme.px(40) < width - 2 * inset)
        text_at(list, theme.fonts.body, ImVec2(at.x + inset + name_w + theme.px(20), at.y + theme.px(8)),
                colours::muted, fit_text(theme.fonts.body, width - 2 * inset - name_w - theme.px(20), entry.authors));
    std::string where;
    for (const auto& shelf : entry.shelves) where += (where.empty() ? "" : ", ") + shelf;
    const bool in = entry.available > 0;
    std::string line = in ? context.tr("kiosk.find.in", {{"available", std::to_string(entry.available)},
                                                         {"total", std::to_string(entry.total)}})
                          : context.tr("kiosk.find.all_out");
    if (!where.empty()) line = context.tr("kiosk.find.shelf", {{"shelf", where}}) + "  ·  " + line;
    text_at(list, theme.fonts.small, ImVec2(at.x + inset, at.y + theme.px(44)),
            in ? colours::success : colours::warning, fit_text(theme.fonts.small, width - 2 * inset, line));
    return reserve;
}

// What a reservation says: scan your card, then what the library answered.
std::string reservation_text(const Reservation& reservation, const ScreenContext& context) {
    if (reservation.unavailable) return context.tr("kiosk.find.unavailable");
    if (!reservation.placed) return context.tr("kiosk.find.reserve_prompt", {{"title", reservation.title}});
    const wire::HoldPlaced& placed = *reservation.placed;
    if (placed.refusal == core::HoldRefusal::none)
        return context.tr("kiosk.find.reserved",
                          {{"title", placed.title}, {"position", std::to_string(placed.position)}});
    return context.tr("kiosk.find.hold." + std::string(to_string(placed.refusal)), {{"title", reservation.title}});
}

bool draw_reservation(const Reservation& reservation, const Rect& area, const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const Rect panel{area.x, area.y + theme.px(12), area.width, std::min(area.height, theme.px(360))};
    const bool placed = reservation.placed && reservation.placed->refusal == core::HoldRefusal::none;
    list.AddRectFilled(ImVec2(panel.x, panel.y), ImVec2(panel.x + panel.width, panel.y + panel.height), colours::panel,
                       theme.px(14));
    list.AddRect(ImVec2(panel.x, panel.y), ImVec2(panel.x + panel.width, panel.y + panel.height),
                 placed                    ? colours::success
                 : !reservation.answered() ? colours::primary
                                           : colours::warning,
                 theme.px(14), ImDrawFlags_None, theme.px(4));
    const float inset = theme.px(28);
    text_wrapped(list, theme.fonts.large, ImVec2(panel.x + inset, panel.y + inset), panel.width - 2 * inset,
                 colours::ink, reservation_text(reservation, context));
    const float button_w = theme.px(260), button_h = theme.px(72);
    const Rect button{panel.x + panel.width - button_w - inset, panel.y + panel.height - button_h - inset, button_w,
                      button_h};
    const bool waiting = reservation.awaits_card();
    return touch_button("##reservation", context.tr(waiting ? "kiosk.find.cancel" : "kiosk.find.ok"), place_at(button),
                        waiting ? ButtonKind::secondary : ButtonKind::primary, theme.fonts.bold);
}

void draw_results(const FindBookScreen& screen, const Rect& area, FindBookIntent& intent,
                  const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    if (screen.query.empty() && !screen.unavailable) return;  // the box's hint says what to do
    std::string message;
    if (screen.unavailable)
        message = context.tr("kiosk.find.unavailable");
    else if (screen.found && screen.found->empty())
        message = context.tr("kiosk.find.none", {{"query", screen.query}});
    if (!message.empty() || !screen.found) {
        text_wrapped(list, theme.fonts.body, ImVec2(area.x + theme.px(8), area.y + theme.px(12)), area.width,
                     screen.unavailable ? colours::warning : colours::muted, message);
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.x, area.y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::paper);  // each title a card of its own
    ImGui::BeginChild("##found", ImVec2(area.width, area.height), false, ImGuiWindowFlags_NoScrollWithMouse);
    drag_to_scroll();
    ImDrawList& rows = *ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    for (std::size_t i = 0; i < screen.found->size(); ++i) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (draw_entry(rows, (*screen.found)[i], at, width, context)) intent.reserve = i;
        ImGui::SetCursorScreenPos(at);  // past the card, wherever its button left the cursor
        ImGui::Dummy(ImVec2(width, theme.px(82)));
    }
    if (screen.more) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const std::string more = context.tr("kiosk.find.more", {{"count", std::to_string(screen.found->size())}});
        text_at(rows, theme.fonts.small, ImVec2(at.x + theme.px(8), at.y), colours::muted, more);
        ImGui::Dummy(ImVec2(width, theme.px(40)));
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// A layout's key is named alike in every language, as keyboards name it: Қаз, Рус, Eng.
const char* layout_name_key(KeyboardLayout layout) {
    switch (layout) {
        case KeyboardLayout::kk:
            return "kiosk.find.layout.kk";
        case KeyboardLayout::ru:
            return "kiosk.find.layout.ru";
        case KeyboardLayout::en:
            break;
    }
    return "kiosk.find.layout.en";
}

std::string key_label(const KeyboardKey& key, const ScreenContext& context) {
    switch (key.kind) {
        case KeyboardKey::Kind::space:
            return context.tr("kiosk.find.space");
        case KeyboardKey::Kind::erase:
            return context.tr("kiosk.find.erase");
        case KeyboardKey::Kind::clear:
            return context.tr("kiosk.find.clear");
        case KeyboardKey::Kind::search:
            return context.tr("kiosk.find.search");
        case KeyboardKey::Kind::layout:
            return context.tr(layout_name_key(key.switch_to));
        case KeyboardKey::Kind::letter:
            break;
    }
    return key.label;
}

void draw_keyboard(const FindBookScreen& screen, const FindBookLayout& layout, FindBookIntent& intent,
                   const ScreenContext& context) {
    const Theme& theme = context.theme;
    for (std::size_t i = 0; i < layout.keys.size(); ++i) {
        const KeyboardKey& key = layout.keys[i];
        const bool chosen = key.kind == KeyboardKey::Kind::layout && key.switch_to == screen.layout;
        const ButtonKind kind = key.kind == KeyboardKey::Kind::search ? ButtonKind::primary
                                : chosen                              ? ButtonKind::selected
                                                                      : ButtonKind::secondary;
        ImFont* font = key.kind == KeyboardKey::Kind::letter ? theme.fonts.large : theme.fonts.body;
        const std::string id = "##key" + std::to_string(i);
        if (!touch_button(id.c_str(), key_label(key, context), place_at(key.rect), kind, font)) continue;
        switch (key.kind) {
            case KeyboardKey::Kind::letter:
            case KeyboardKey::Kind::space:
                intent.typed = key.label;
                break;
            case KeyboardKey::Kind::erase:
                intent.erase = true;
                break;
            case KeyboardKey::Kind::clear:
                intent.clear = true;
                break;
            case KeyboardKey::Kind::layout:
                intent.layout = key.switch_to;
                break;
            case KeyboardKey::Kind::search:
                intent.hide_keyboard = true;
                break;
        }
    }
}

}  // namespace

bool reservable(const core::CatalogEntry& entry) {
    return entry.available == 0 && entry.total > 0 && entry.kind != core::TitleKind::textbook;
}

FindBookIntent draw(const FindBookScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    FindBookIntent intent;
    begin_area("##find_book", context.origin, context.size, colours::paper);
    intent.top = draw_top_bar(screen.top, context);
    const float top = top_bar_height(theme.scale);
    const FindBookLayout layout =
        find_book_layout({context.origin.x, context.origin.y + top, context.size.x, context.size.y - top}, theme.scale,
                         screen.layout, screen.keyboard_shown);
    intent.show_keyboard = draw_query(screen, layout.query, context) && !screen.keyboard_shown;
    intent.back = touch_button("##back", context.tr("kiosk.find.back"), place_at(layout.back), ButtonKind::secondary,
                               theme.fonts.bold);
    if (screen.reservation)
        intent.reservation_closed = draw_reservation(*screen.reservation, layout.results, context);
    else
        draw_results(screen, layout.results, intent, context);
    draw_keyboard(screen, layout, intent, context);
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
