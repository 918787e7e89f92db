#include "kiosk/gui/screens/camera_panel.hpp"

#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {

void draw_camera_panel(const CameraView& view, ImVec2 pos, ImVec2 size, const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    list.AddRectFilled(pos, end, colours::ink, theme.px(16));
    const ImVec2 room(size.x - theme.px(16), size.y - theme.px(16));
    if (view.texture && view.size.x > 0 && view.size.y > 0) {
        const float fit = std::min(room.x / view.size.x, room.y / view.size.y);
        const ImVec2 shown(view.size.x * fit, view.size.y * fit);
        const ImVec2 at(pos.x + (size.x - shown.x) / 2, pos.y + theme.px(8) + (room.y - shown.y) / 2);
        list.AddImage(view.texture, at, ImVec2(at.x + shown.x, at.y + shown.y));
        // The guide box: hold the label level, inside it, and close.
        const ImVec2 guide(shown.x * 0.7f, shown.y * 0.4f);
        const ImVec2 g0(at.x + (shown.x - guide.x) / 2, at.y + (shown.y - guide.y) / 2);
        list.AddRect(g0, ImVec2(g0.x + guide.x, g0.y + guide.y), IM_COL32(255, 255, 255, 220), theme.px(8),
                     ImDrawFlags_None, theme.px(3));
    } else {
        draw_icon(list, Icon::camera, ImVec2(pos.x + size.x / 2, pos.y + room.y / 2), theme.px(64), colours::muted);
    }
}

}  // namespace kitap::kiosk
