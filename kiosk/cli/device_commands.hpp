#pragma once

#include "devices/device_options.hpp"

#include <string>
#include <vector>

namespace kitap::cli {

// `kitap listen SPEC...`: starts the scan sources the specs name (the kiosk's
// spec strings: pipe:, evdev:, events:, serial:, camera:, video:) and prints
// each event as one JSON line until every finite source has ended or the user
// presses Ctrl+C: {"event":"scan","source","text","symbology","time_ms"} or
// {"event":"status","source","status","detail"}. `wedge` needs the kiosk
// window and is refused. Exit: 0 done, 2 a bad spec, 3 a source failed.
int run_listen(const std::vector<std::string>& specs, const devices::DeviceOptions& options);

// `kitap decode [--stream] PATH...`: per image (a folder: its images in name
// order) one JSON line {"file","text","format","ms"} from the kiosk's
// single-frame decoder, "text" and "format" null when no valid code was found.
// With --stream each PATH is a video file or a folder of frames run through the
// whole camera pipeline at the recording's own clock; each accepted scan prints
// {"file","frame","text","format"}. Exit: 0 done, 2 a path that is no
// image/recording (the others are still decoded), 3 a fault.
int run_decode(const std::vector<std::string>& paths, bool stream, const devices::DeviceOptions& options);

}  // namespace kitap::cli
