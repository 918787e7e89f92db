#include "devices/source_spec.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

template <typename Spec>
Spec parsed_as(std::string_view text) {
    const auto spec = parse_source_spec(text);
    EXPECT_TRUE(spec) << text << ": " << (spec ? "" : spec.error().message());
    EXPECT_TRUE(spec && std::holds_alternative<Spec>(*spec)) << text;
    return spec && std::holds_alternative<Spec>(*spec) ? std::get<Spec>(*spec) : Spec{};
}

DeviceError error_of(std::string_view text) {
    const auto spec = parse_source_spec(text);
    EXPECT_FALSE(spec) << text;
    return spec ? DeviceError{} : spec.error();
}

TEST(SourceSpec, ReadsEveryKind) {
    parsed_as<WedgeSpec>("wedge");
    EXPECT_EQ(parsed_as<PipeSpec>("pipe:/tmp/scans").path, "/tmp/scans");
    EXPECT_EQ(parsed_as<PipeSpec>("pipe:-").path, "-");
    EXPECT_EQ(parsed_as<EvdevSpec>("evdev:/dev/input/event3").path, "/dev/input/event3");
    EXPECT_EQ(parsed_as<EvdevSpec>("evdev:auto").path, "");
    EXPECT_EQ(parsed_as<EventsSpec>("events:scans.events").path, "scans.events");
    EXPECT_EQ(parsed_as<VideoSpec>("video:frames/").path, "frames/");
}

TEST(SourceSpec, ReadsSerialPortsWithAndWithoutBaud) {
    const auto plain = parsed_as<SerialSpec>("serial:/dev/ttyACM0");
    EXPECT_EQ(plain.path, "/dev/ttyACM0");
    EXPECT_EQ(plain.baud, 9600);
    const auto fast = parsed_as<SerialSpec>("serial:/dev/serial/by-id/usb-Honeywell@115200");
    EXPECT_EQ(fast.path, "/dev/serial/by-id/usb-Honeywell");
    EXPECT_EQ(fast.baud, 115200);
}

TEST(SourceSpec, ReadsCamerasByNumberOrPath) {
    EXPECT_EQ(parsed_as<CameraSpec>("camera:0").index, 0);
    EXPECT_EQ(parsed_as<CameraSpec>("camera:12").index, 12);
    const auto by_path = parsed_as<CameraSpec>("camera:/dev/video2");
    EXPECT_EQ(by_path.index, -1);
    EXPECT_EQ(by_path.path, "/dev/video2");
}

TEST(SourceSpec, SaysWhereAndWhyItCannotRead) {
    auto error = error_of("scanner");
    EXPECT_EQ(error.position, 0u);
    EXPECT_NE(error.reason.find("unknown source 'scanner'"), std::string::npos);

    error = error_of("serial:/dev/ttyUSB0@9601");
    EXPECT_EQ(error.position, 20u);
    EXPECT_EQ(error.reason, "unsupported baud rate 9601");
    EXPECT_EQ(error.message(), "serial:/dev/ttyUSB0@9601: at 20: unsupported baud rate 9601");

    error = error_of("serial:/dev/ttyUSB0@fast");
    EXPECT_EQ(error.position, 20u);

    error = error_of("serial:@9600");
    EXPECT_EQ(error.position, 7u);

    error = error_of("camera:front");
    EXPECT_EQ(error.position, 7u);

    error = error_of("pipe:");
    EXPECT_EQ(error.position, 5u);

    error = error_of("video");
    EXPECT_EQ(error.position, 5u);

    error = error_of("usb:/dev/x");
    EXPECT_EQ(error.position, 0u);
}

}  // namespace
}  // namespace kitap::devices
