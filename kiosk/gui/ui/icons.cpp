#include "kiosk/gui/ui/icons.hpp"

#include "kiosk/gui/ui/theme.hpp"

#include <cmath>
#include <initializer_list>

namespace kitap::kiosk {
namespace {

ImVec2 at(ImVec2 centre, float size, float x, float y) { return {centre.x + x * size, centre.y + y * size}; }

void draw_check(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddCircleFilled(c, s * 0.5f, colour, 48);
    const ImVec2 points[] = {at(c, s, -0.24f, 0.02f), at(c, s, -0.07f, 0.19f), at(c, s, 0.25f, -0.16f)};
    list.AddPolyline(points, 3, colours::panel, ImDrawFlags_None, s * 0.1f);
}

void draw_cross(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddCircleFilled(c, s * 0.5f, colour, 48);
    const float d = 0.18f;
    list.AddLine(at(c, s, -d, -d), at(c, s, d, d), colours::panel, s * 0.1f);
    list.AddLine(at(c, s, -d, d), at(c, s, d, -d), colours::panel, s * 0.1f);
}

void draw_info(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddCircleFilled(c, s * 0.5f, colour, 48);
    list.AddCircleFilled(at(c, s, 0, -0.2f), s * 0.065f, colours::panel, 16);
    list.AddLine(at(c, s, 0, -0.06f), at(c, s, 0, 0.27f), colours::panel, s * 0.11f);
}

void draw_warning(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddTriangleFilled(at(c, s, 0, -0.48f), at(c, s, 0.5f, 0.42f), at(c, s, -0.5f, 0.42f), colour);
    list.AddLine(at(c, s, 0, -0.16f), at(c, s, 0, 0.14f), colours::panel, s * 0.1f);
    list.AddCircleFilled(at(c, s, 0, 0.28f), s * 0.06f, colours::panel, 16);
}

// "Stop, please": an open hand on a circle.
void draw_hand(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddCircleFilled(c, s * 0.5f, colour, 48);
    const ImU32 w = colours::panel;
    list.AddRectFilled(at(c, s, -0.17f, -0.02f), at(c, s, 0.17f, 0.3f), w, s * 0.08f);
    const float fingers[][2] = {{-0.14f, -0.24f}, {-0.05f, -0.3f}, {0.04f, -0.3f}, {0.13f, -0.24f}};
    for (const auto& f : fingers)
        list.AddRectFilled(at(c, s, f[0] - 0.035f, f[1]), at(c, s, f[0] + 0.035f, 0.05f), w, s * 0.035f);
    list.AddLine(at(c, s, -0.17f, 0.1f), at(c, s, -0.28f, -0.02f), w, s * 0.07f);
}

void draw_wave(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddCircleFilled(c, s * 0.5f, colour, 48);
    // A smile: the session is over, in a friendly way.
    list.AddCircleFilled(at(c, s, -0.15f, -0.1f), s * 0.055f, colours::panel, 16);
    list.AddCircleFilled(at(c, s, 0.15f, -0.1f), s * 0.055f, colours::panel, 16);
    list.PathArcTo(at(c, s, 0, 0.02f), s * 0.22f, 0.2f * 3.14159f, 0.8f * 3.14159f, 24);
    list.PathStroke(colours::panel, ImDrawFlags_None, s * 0.07f);
}

void draw_clock(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddCircle(c, s * 0.44f, colour, 48, s * 0.09f);
    list.AddLine(c, at(c, s, 0, -0.28f), colour, s * 0.08f);
    list.AddLine(c, at(c, s, 0.2f, 0.08f), colour, s * 0.08f);
}

// An open book: two pages rising from the spine, with lines of text.
void draw_book(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    const ImVec2 left[] = {at(c, s, -0.5f, -0.3f), at(c, s, -0.03f, -0.22f), at(c, s, -0.03f, 0.38f),
                           at(c, s, -0.5f, 0.3f)};
    const ImVec2 right[] = {at(c, s, 0.03f, -0.22f), at(c, s, 0.5f, -0.3f), at(c, s, 0.5f, 0.3f),
                            at(c, s, 0.03f, 0.38f)};
    list.AddConvexPolyFilled(left, 4, colour);
    list.AddConvexPolyFilled(right, 4, colour);
    for (float y : {-0.1f, 0.03f, 0.16f}) {
        list.AddLine(at(c, s, -0.4f, y - 0.05f), at(c, s, -0.13f, y), colours::panel, s * 0.04f);
        list.AddLine(at(c, s, 0.13f, y), at(c, s, 0.4f, y - 0.05f), colours::panel, s * 0.04f);
    }
}

void draw_card(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddRectFilled(at(c, s, -0.48f, -0.3f), at(c, s, 0.48f, 0.3f), colour, s * 0.07f);
    // a barcode on the card
    const float bars[] = {0.0f, 0.05f, 0.08f, 0.14f, 0.17f, 0.2f, 0.27f, 0.3f, 0.36f, 0.41f, 0.44f, 0.5f, 0.56f};
    for (float b : bars)
        list.AddRectFilled(at(c, s, -0.36f + b * 1.3f, -0.14f), at(c, s, -0.36f + b * 1.3f + 0.025f, 0.18f),
                           colours::panel);
}

void draw_scanner(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddRectFilled(at(c, s, -0.3f, -0.45f), at(c, s, 0.3f, -0.05f), colour, s * 0.1f);
    list.AddRectFilled(at(c, s, -0.12f, -0.1f), at(c, s, 0.12f, 0.45f), colour, s * 0.06f);
    list.AddLine(at(c, s, -0.3f, -0.25f), at(c, s, -0.5f, -0.25f), colours::danger, s * 0.06f);
}

void draw_camera(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddRectFilled(at(c, s, -0.46f, -0.26f), at(c, s, 0.46f, 0.34f), colour, s * 0.08f);
    list.AddRectFilled(at(c, s, -0.16f, -0.38f), at(c, s, 0.16f, -0.2f), colour, s * 0.04f);
    list.AddCircleFilled(at(c, s, 0, 0.04f), s * 0.19f, colours::panel, 32);
    list.AddCircleFilled(at(c, s, 0, 0.04f), s * 0.11f, colour, 32);
}

void draw_lock(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddRectFilled(at(c, s, -0.34f, -0.06f), at(c, s, 0.34f, 0.44f), colour, s * 0.06f);
    list.PathArcTo(at(c, s, 0, -0.1f), s * 0.22f, 3.14159f, 2 * 3.14159f, 24);
    list.PathStroke(colour, ImDrawFlags_None, s * 0.09f);
    list.AddLine(at(c, s, -0.22f, -0.1f), at(c, s, -0.22f, -0.04f), colour, s * 0.09f);
    list.AddLine(at(c, s, 0.22f, -0.1f), at(c, s, 0.22f, -0.04f), colour, s * 0.09f);
    list.AddCircleFilled(at(c, s, 0, 0.17f), s * 0.07f, colours::panel, 16);
}

void draw_plus(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddLine(at(c, s, -0.4f, 0), at(c, s, 0.4f, 0), colour, s * 0.14f);
    list.AddLine(at(c, s, 0, -0.4f), at(c, s, 0, 0.4f), colour, s * 0.14f);
}

void draw_minus(ImDrawList& list, ImVec2 c, float s, ImU32 colour) {
    list.AddLine(at(c, s, -0.4f, 0), at(c, s, 0.4f, 0), colour, s * 0.14f);
}

}  // namespace

void draw_icon(ImDrawList& list, Icon icon, ImVec2 centre, float size, ImU32 colour) {
    switch (icon) {
        case Icon::check:
            return draw_check(list, centre, size, colour);
        case Icon::cross:
            return draw_cross(list, centre, size, colour);
        case Icon::info:
            return draw_info(list, centre, size, colour);
        case Icon::warning:
            return draw_warning(list, centre, size, colour);
        case Icon::hand:
            return draw_hand(list, centre, size, colour);
        case Icon::wave:
            return draw_wave(list, centre, size, colour);
        case Icon::clock:
            return draw_clock(list, centre, size, colour);
        case Icon::book:
            return draw_book(list, centre, size, colour);
        case Icon::card:
            return draw_card(list, centre, size, colour);
        case Icon::scanner:
            return draw_scanner(list, centre, size, colour);
        case Icon::camera:
            return draw_camera(list, centre, size, colour);
        case Icon::lock:
            return draw_lock(list, centre, size, colour);
        case Icon::plus:
            return draw_plus(list, centre, size, colour);
        case Icon::minus:
            return draw_minus(list, centre, size, colour);
    }
}

}  // namespace kitap::kiosk
