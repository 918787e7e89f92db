#include "kiosk/gui/screens/pin_screen.hpp"

#include "kiosk/app/outcome_text.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {

std::string wait_text(int seconds, const app::Translator& tr) {
    if (seconds < 60) return tr("kiosk.seconds", {{"seconds", std::to_string(seconds)}});
    if (seconds < 3600)
        return tr("kiosk.minutes_seconds",
                  {{"minutes", std::to_string(seconds / 60)}, {"seconds", std::to_string(seconds % 60)}});
    return tr("kiosk.hours_minutes",
              {{"hours", std::to_string(seconds / 3600)}, {"minutes", std::to_string(seconds % 3600 / 60)}});
}

PinIntent draw(const PinScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    PinIntent intent;
    begin_area("##pin", context.origin, context.size, colours::paper);
    intent.top = draw_top_bar(screen.top, context);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float top = top_bar_height(theme.scale);
    const KeypadLayout layout =
        keypad_layout({context.origin.x, context.origin.y + top, context.size.x, context.size.y - top}, theme.scale);

    // The dots (or, before the first digit, what this is).
    const Rect& dots = layout.dots;
    if (screen.digits_entered == 0) {
        const std::string title = context.tr(screen.for_reader ? "kiosk.reader_pin.title" : "kiosk.pin.title");
        const float icon = theme.px(44), gap = theme.px(16);
        const float title_w = text_size(theme.fonts.large, title).x;
        const float x = dots.centre_x() - (icon + gap + title_w) / 2;
        draw_icon(list, Icon::lock, ImVec2(x + icon / 2, dots.centre_y()), icon, colours::bar);
        text_at(list, theme.fonts.large, ImVec2(x + icon + gap, dots.centre_y() - theme.fonts.large->FontSize / 2),
                colours::ink, title);
    } else {
        const float r = theme.px(13), step = theme.px(40);
        const float x = dots.centre_x() - step * (static_cast<float>(screen.digits_entered) - 1) / 2;
        for (std::size_t i = 0; i < screen.digits_entered; ++i)
            list.AddCircleFilled(ImVec2(x + step * static_cast<float>(i), dots.centre_y()), r, colours::ink, 24);
    }

    std::string message;
    ImU32 message_colour = colours::warning;
    switch (screen.message) {
        case PinScreen::Message::none:
            message_colour = colours::muted;
            message = context.tr(screen.for_reader  ? "kiosk.reader_pin.hint"
                                 : screen.demo_hint ? "kiosk.pin.demo_hint"
                                                    : "kiosk.pin.hint");
            break;
        case PinScreen::Message::wrong:
            message = context.tr("kiosk.pin.wrong", {{"tries", std::to_string(screen.tries_left)}});
            break;
        case PinScreen::Message::locked:
            message = context.tr("kiosk.pin.locked", {{"wait", wait_text(screen.locked_seconds, context.tr)}});
            break;
        case PinScreen::Message::no_pin_set:
            message = context.tr("kiosk.pin.not_set");
            break;
    }
    if (screen.reader_refusal) {
        message_colour = colours::warning;
        message = app::outcome_message(*screen.reader_refusal, context.tr);
    }
    const Rect& m = layout.message;
    const float message_h = wrapped_height(theme.fonts.body, m.width, message);
    const float message_w = std::min(m.width, text_size(theme.fonts.body, message).x);
    text_wrapped(list, theme.fonts.body, ImVec2(m.centre_x() - message_w / 2, m.centre_y() - message_h / 2), m.width,
                 message_colour, message);

    const bool locked = screen.message == PinScreen::Message::locked;
    for (int key = 0; key < 12; ++key) {
        const Rect& r = layout.keys[key];
        ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
        const std::string id = "##key" + std::to_string(key);
        std::string label(1, keypad_digit(key));
        ButtonKind kind = ButtonKind::secondary;
        bool enabled = !locked;
        if (key == KeypadLayout::erase) label = context.tr("kiosk.pin.erase");
        if (key == KeypadLayout::ok) {
            label = context.tr("kiosk.pin.ok");
            kind = ButtonKind::primary;
            enabled = enabled && screen.digits_entered >= screen.min_digits;
        }
        if (!touch_button(id.c_str(), label, ImVec2(r.width, r.height), kind,
                          key == KeypadLayout::erase ? theme.fonts.body : theme.fonts.large, enabled))
            continue;
        if (key == KeypadLayout::erase)
            intent.erase = true;
        else if (key == KeypadLayout::ok)
            intent.submit = true;
        else
            intent.digit = keypad_digit(key);
    }
    const Rect& c = layout.cancel;
    ImGui::SetCursorScreenPos(ImVec2(c.x, c.y));
    intent.cancel = touch_button("##cancel", context.tr("kiosk.pin.cancel"), ImVec2(c.width, c.height),
                                 ButtonKind::secondary, theme.fonts.bold);
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
