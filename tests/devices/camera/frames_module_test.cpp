#include "devices/camera/frames_module.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace kitap::devices {
namespace {

using kitap::testing::TempDir;

TEST(FramesModule, SaysWhereItLookedWhenTheModuleIsMissing) {
    TempDir first;
    TempDir second;
    const auto module = load_frames_module({first.path(), second.path()});
    ASSERT_FALSE(module);
    EXPECT_EQ(module.error().message(), "camera support: kitap-frames module not found at " +
                                            (first / "kitap-frames.so").string() + ", " +
                                            (second / "kitap-frames.so").string());
}

TEST(FramesModule, SaysWhyAFileOfThatNameCannotBeLoaded) {
    TempDir dir;
    std::ofstream(dir / "kitap-frames.so") << "not a shared object";
    const auto module = load_frames_module({dir.path()});
    ASSERT_FALSE(module);
    EXPECT_EQ(module.error().reason.rfind(
                  "cannot load the kitap-frames module " + (dir / "kitap-frames.so").string() + ": ", 0),
              0u)
        << module.error().message();
}

TEST(FramesModule, LoadsTheBuiltModuleFromTheDirectoryTheEnvironmentNames) {
    const auto directories = frames_module_directories();
    ASSERT_GE(directories.size(), 3u);
    const char* module_dir = std::getenv("KITAP_MODULE_DIR");  // set by ctest
    ASSERT_NE(module_dir, nullptr);
    EXPECT_EQ(directories.front(), module_dir);
    const auto module = load_frames_module(directories);
    ASSERT_TRUE(module) << module.error().message();
    EXPECT_EQ((*module)->version, FramesModule::current_version);
    EXPECT_TRUE((*module)->read_image("/nonexistent/kitap.png").empty());
}

}  // namespace
}  // namespace kitap::devices
