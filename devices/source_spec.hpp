#pragma once

#include "devices/device_error.hpp"

#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace kitap::devices {

struct WedgeSpec {};
struct PipeSpec {
    std::string path;  // "-" for standard input
};
struct EvdevSpec {
    std::string path;  // empty for `evdev:auto`
};
struct EventsSpec {
    std::string path;
};
struct SerialSpec {
    std::string path;
    int baud = 9600;
};
struct CameraSpec {
    int index = -1;    // camera:N
    std::string path;  // camera:/dev/videoN (index is -1)
};
struct VideoSpec {
    std::string path;  // a video file, or a folder of frames
};

using SourceSpec = std::variant<WedgeSpec, PipeSpec, EvdevSpec, EventsSpec, SerialSpec, CameraSpec, VideoSpec>;

// Reads the spec strings the kiosk configuration and `kitap listen` share:
//   wedge | pipe:PATH | evdev:PATH | evdev:auto | events:FILE |
//   serial:PATH[@BAUD] | camera:N | camera:/dev/videoN | video:FILE|FOLDER
// Errors say where in the string and why.
tl::expected<SourceSpec, DeviceError> parse_source_spec(std::string_view spec);

}  // namespace kitap::devices
