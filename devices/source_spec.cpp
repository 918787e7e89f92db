#include "devices/source_spec.hpp"

#include "devices/io/serial_source.hpp"

#include <charconv>

namespace kitap::devices {
namespace {

using Result = tl::expected<SourceSpec, DeviceError>;

tl::unexpected<DeviceError> error(std::string_view spec, std::size_t position, std::string reason) {
    return tl::unexpected(DeviceError{std::string(spec), position, std::move(reason)});
}

std::optional<int> parse_number(std::string_view digits) {
    int value = 0;
    const auto [end, problem] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || problem != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

Result parse_serial(std::string_view spec, std::size_t argument_at) {
    const auto argument = spec.substr(argument_at);
    const auto at = argument.rfind('@');
    SerialSpec serial{.path = std::string(argument.substr(0, at))};
    if (serial.path.empty()) return error(spec, argument_at, "expected a device path, as in serial:/dev/ttyACM0");
    if (at == std::string_view::npos) return serial;
    const auto baud_at = argument_at + at + 1;
    const auto baud = parse_number(spec.substr(baud_at));
    if (!baud) return error(spec, baud_at, "expected a baud rate after '@', as in @9600");
    if (!baud_constant(*baud)) return error(spec, baud_at, "unsupported baud rate " + std::to_string(*baud));
    serial.baud = *baud;
    return serial;
}

Result parse_camera(std::string_view spec, std::size_t argument_at) {
    const auto argument = spec.substr(argument_at);
    if (argument.starts_with('/')) return CameraSpec{.index = -1, .path = std::string(argument)};
    const auto index = parse_number(argument);
    if (!index || *index < 0) return error(spec, argument_at, "expected a camera number or a /dev/video path");
    return CameraSpec{.index = *index, .path = {}};
}

Result parse_with_argument(std::string_view spec, std::string_view kind, std::size_t argument_at) {
    const auto argument = std::string(spec.substr(argument_at));
    if (argument.empty()) return error(spec, argument_at, "expected a path after '" + std::string(kind) + ":'");
    if (kind == "pipe") return PipeSpec{argument};
    if (kind == "evdev") return EvdevSpec{argument == "auto" ? std::string() : argument};
    if (kind == "events") return EventsSpec{argument};
    if (kind == "serial") return parse_serial(spec, argument_at);
    if (kind == "camera") return parse_camera(spec, argument_at);
    if (kind == "video") return VideoSpec{argument};
    return error(spec, 0,
                 "unknown source '" + std::string(kind) +
                     "'; expected wedge, pipe:, evdev:, events:, serial:, camera: or video:");
}

}  // namespace

tl::expected<SourceSpec, DeviceError> parse_source_spec(std::string_view spec) {
    if (spec == "wedge") return WedgeSpec{};
    const auto colon = spec.find(':');
    if (colon == std::string_view::npos) {
        if (spec == "pipe" || spec == "evdev" || spec == "events" || spec == "serial" || spec == "camera" ||
            spec == "video")
            return error(spec, spec.size(), "expected ':' and an argument");
        return error(spec, 0,
                     "unknown source '" + std::string(spec) +
                         "'; expected wedge, pipe:, evdev:, events:, serial:, camera: or video:");
    }
    return parse_with_argument(spec, spec.substr(0, colon), colon + 1);
}

}  // namespace kitap::devices
