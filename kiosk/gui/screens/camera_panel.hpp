#pragma once

#include "kiosk/gui/screens/screen_context.hpp"

#include <imgui.h>

namespace kitap::kiosk {

// The camera's live picture (with the decoder's outlines already painted in) and
// a guide box showing where to hold the label.
struct CameraView {
    ImTextureID texture = nullptr;
    ImVec2 size;  // of the frame, in pixels
};

void draw_camera_panel(const CameraView& view, ImVec2 pos, ImVec2 size, const ScreenContext& context);

}  // namespace kitap::kiosk
