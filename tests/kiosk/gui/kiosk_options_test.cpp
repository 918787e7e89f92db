#include "kiosk/gui/kiosk_options.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace kitap::kiosk {
namespace {

std::variant<KioskOptions, int> parse(std::vector<const char*> args, std::string* err = nullptr) {
    args.insert(args.begin(), "kitap-kiosk");
    std::ostringstream out, error;
    auto parsed = parse_kiosk_options(static_cast<int>(args.size()), args.data(), out, error);
    if (err) *err = error.str();
    return parsed;
}

TEST(KioskOptions, DefaultsToFullScreenAndTheWindowKeyboard) {
    const auto parsed = parse({});
    ASSERT_TRUE(std::holds_alternative<KioskOptions>(parsed));
    const auto& options = std::get<KioskOptions>(parsed);
    EXPECT_FALSE(options.windowed);
    EXPECT_EQ(options.scanners, std::vector<std::string>{"wedge"});
    EXPECT_FALSE(options.demo);
    EXPECT_FALSE(options.screenshot_dir);
}

TEST(KioskOptions, ReadsTheServersOptions) {
    const auto parsed = parse({"--server", "https://kitap-pc:8443", "--station", "hall", "--token-file", "/etc/t",
                               "--trust", "3A:F0", "--journal", "/var/j.db"});
    ASSERT_TRUE(std::holds_alternative<KioskOptions>(parsed));
    const auto& options = std::get<KioskOptions>(parsed);
    EXPECT_EQ(options.server, "https://kitap-pc:8443");
    EXPECT_EQ(options.station, "hall");
    EXPECT_EQ(options.token_file, std::filesystem::path("/etc/t"));
    EXPECT_EQ(options.trust, "3A:F0");
    EXPECT_EQ(options.journal, std::filesystem::path("/var/j.db"));
}

TEST(KioskOptions, ReadsEveryOption) {
    const auto parsed = parse({"--db", "/tmp/k.db", "--config", "k.toml", "--scanner", "pipe:/tmp/scans", "--scanner",
                               "wedge", "--camera", "camera:0", "--windowed", "1280x800", "--lang", "kk",
                               "--screenshot-dir", "shots", "--demo", "--mute"});
    ASSERT_TRUE(std::holds_alternative<KioskOptions>(parsed));
    const auto& options = std::get<KioskOptions>(parsed);
    EXPECT_EQ(options.db, "/tmp/k.db");
    EXPECT_EQ(options.config, "k.toml");
    EXPECT_EQ(options.scanners, (std::vector<std::string>{"pipe:/tmp/scans", "wedge"}));
    EXPECT_EQ(options.camera, "camera:0");
    ASSERT_TRUE(options.windowed);
    EXPECT_EQ(options.windowed->width, 1280);
    EXPECT_EQ(options.windowed->height, 800);
    EXPECT_EQ(options.lang, "kk");
    EXPECT_EQ(options.screenshot_dir, std::filesystem::path("shots"));
    EXPECT_TRUE(options.demo);
    EXPECT_TRUE(options.mute);
}

TEST(KioskOptions, BadValuesStopWithExitCode2) {
    std::string err;
    EXPECT_EQ(std::get<int>(parse({"--lang", "de"}, &err)), 2);
    EXPECT_EQ(std::get<int>(parse({"--windowed", "big"}, &err)), 2);
    EXPECT_EQ(std::get<int>(parse({"--scanner", "usb:1"}, &err)), 2);
    EXPECT_NE(err.find("usb:1"), std::string::npos) << err;
    EXPECT_EQ(std::get<int>(parse({"--fullscreen", "--windowed", "800x600"}, &err)), 2);
    EXPECT_EQ(std::get<int>(parse({"--help"})), 0);
}

TEST(KioskOptions, WindowSizes) {
    EXPECT_TRUE(parse_window_size("1920x1080"));
    EXPECT_FALSE(parse_window_size("320x200"));
    EXPECT_FALSE(parse_window_size("1280 x 800"));
    EXPECT_FALSE(parse_window_size("1280x"));
}

TEST(KioskOptions, DatabasePathLikeTheCli) {
    EXPECT_EQ(database_path(std::string("/x/y.db")), "/x/y.db");
    setenv("KITAP_DB", "/env/kitap.db", 1);
    EXPECT_EQ(database_path(std::nullopt), "/env/kitap.db");
    unsetenv("KITAP_DB");
    setenv("XDG_DATA_HOME", "/data", 1);
    EXPECT_EQ(database_path(std::nullopt), "/data/kitap/kitap.db");
    unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace kitap::kiosk
