#include "devices/source_factory.hpp"

#include "devices/camera/camera_source.hpp"
#include "devices/keyboard/wedge_source.hpp"
#include "tests/devices/support/event_waiting.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;

TEST(SourceFactory, MakesEverySourceItsSpecNames) {
    for (const auto* spec : {"wedge", "pipe:/tmp/x", "evdev:auto", "evdev:/dev/input/event3", "events:x.events",
                             "serial:/dev/ttyACM0@115200", "camera:0", "camera:/dev/video1", "video:clip.avi"}) {
        const auto source = make_source(spec);
        ASSERT_TRUE(source) << spec;
        EXPECT_EQ((*source)->name(), spec);
    }
    EXPECT_TRUE(dynamic_cast<WedgeSource*>(make_source("wedge")->get()));
    EXPECT_TRUE(dynamic_cast<CameraSource*>(make_source("video:x")->get()));
}

TEST(SourceFactory, PassesSpecAndOptionErrorsOn) {
    EXPECT_EQ(make_source("serial:/dev/ttyACM0@7").error().position, 20u);
    DeviceOptions options;
    options.camera.decoder.validation.patterns[Symbology::code128] = "[";
    EXPECT_EQ(make_source("camera:0", options).error().subject, "patterns.code128");
    EXPECT_TRUE(make_source("pipe:x", options));  // only cameras decode images
}

TEST(SourceFactory, MakesSourcesThatWork) {
    TempDir dir;
    std::ofstream(dir / "scans.txt") << "]E09786010000018\n";
    EventQueue queue;
    auto source = make_source("pipe:" + (dir / "scans.txt").string());
    ASSERT_TRUE(source);
    (*source)->start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::ended));
    EXPECT_EQ(scan_texts(events), std::vector<std::string>{"9786010000018"});
}

}  // namespace
}  // namespace kitap::devices
