#pragma once

#include "devices/clock.hpp"
#include "devices/keyboard/key_stroke.hpp"
#include "devices/symbology.hpp"

#include <string>
#include <variant>
#include <vector>

namespace kitap::devices {

// One scan, whatever produced it.
struct ScanEvent {
    std::string text;  // without the AIM identifier, if the scanner sent one
    Symbology symbology = Symbology::unknown;
    std::string source;      // the spec the source was made from: "wedge", "evdev:auto", "camera:0"
    Clock::time_point time;  // monotonic: when the scan was complete
};

enum class SourceStatus {
    connected,  // opened (again): a scanner that came back reports this after `lost`
    lost,       // unplugged, or not there yet; the source keeps trying
    ended,      // a finite input (file, recording, stdin) was read to its end
    failed,     // cannot work at all (an unreadable video file); the source has stopped
};
std::string_view to_string(SourceStatus status);

struct StatusEvent {
    std::string source;
    SourceStatus status = SourceStatus::connected;
    std::string detail;  // for people: "no such file", "not grabbed: device busy"...
    Clock::time_point time;
};

// Keys a person typed at the kiosk keyboard while the wedge source watched for
// scanner bursts; the window hands them to whatever text field has focus.
struct TypedKeys {
    std::string source;
    std::vector<KeyStroke> keys;
};

using DeviceEvent = std::variant<ScanEvent, StatusEvent, TypedKeys>;

}  // namespace kitap::devices
