#pragma once

#include "devices/camera/frame_decoder.hpp"
#include "devices/camera/frame_reader.hpp"
#include "devices/camera/read_confirmer.hpp"
#include "devices/io/reconnect_options.hpp"
#include "devices/keyboard/wedge_decoder.hpp"

namespace kitap::devices {

struct CameraOptions {
    DecoderOptions decoder;
    ConfirmationOptions confirmation;
    CameraSettings camera;
    double folder_fps = 10;  // a folder of frames has no rate of its own
};

// Everything a source may be configured with; the defaults suit a school kiosk.
struct DeviceOptions {
    WedgeOptions wedge;
    ReconnectOptions reconnect;
    CameraOptions camera;
};

}  // namespace kitap::devices
