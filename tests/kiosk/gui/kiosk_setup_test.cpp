#include "kiosk/gui/kiosk_setup.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace kitap::kiosk {
namespace {

namespace fs = std::filesystem;

constexpr auto fingerprint =
    "3A:F0:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:20:30:40:50:60";

class KioskSetup : public ::testing::Test {
protected:
    KioskSetup() {
        options.db = (dir.path() / "data" / "kitap.db").string();
        write_token("s3cret-token\n", fs::perms::owner_read | fs::perms::owner_write);
    }
    void write_token(const std::string& text, fs::perms perms) {
        std::ofstream(token_file, std::ios::trunc) << text;
        fs::permissions(token_file, perms);
    }
    tl::expected<std::optional<RemoteStart>, std::string> start() { return remote_start(options, config); }

    testing::TempDir dir;
    fs::path token_file = dir.path() / "station.token";
    KioskOptions options;
    app::Config config;
};

TEST_F(KioskSetup, WithoutAServerTheKioskHasItsOwnDatabase) {
    const auto started = start();
    ASSERT_TRUE(started);
    EXPECT_FALSE(*started);
    EXPECT_EQ(station_name(options, config), "kiosk");
}

TEST_F(KioskSetup, TheOptionsWinOverTheServerTable) {
    config.server = {.url = "http://10.0.0.9", .station = "hall", .token_file = "/nowhere"};
    options.server = "http://127.0.0.1:8080";
    options.token_file = token_file;
    const auto started = start();
    ASSERT_TRUE(started) << started.error();
    ASSERT_TRUE(*started);
    const auto& settings = (*started)->settings;
    EXPECT_EQ(settings.address.url(), "http://127.0.0.1:8080");
    EXPECT_EQ(settings.token, "s3cret-token");
    EXPECT_EQ(settings.station, "hall") << "no --station: the table's";
    EXPECT_EQ(settings.journal, dir.path() / "data" / "journal-hall.db");
    options.station = "reading-room";
    options.journal = dir.path() / "j.db";
    EXPECT_EQ((*start())->settings.station, "reading-room");
    EXPECT_EQ((*start())->settings.journal, dir.path() / "j.db");
}

TEST_F(KioskSetup, ATokenFileOthersCanReadIsRefused) {
    options.server = "http://127.0.0.1:8080";
    options.token_file = token_file;
    write_token("s3cret-token\n", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_NE(start().error().find("chmod 600"), std::string::npos);
    write_token("\n", fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_NE(start().error().find("is empty"), std::string::npos);
    options.token_file = dir.path() / "missing.token";
    EXPECT_NE(start().error().find("does not exist"), std::string::npos);
    options.token_file.reset();
    EXPECT_NE(start().error().find("--token-file"), std::string::npos);
}

TEST_F(KioskSetup, ABadUrlOrFingerprintIsRefused) {
    options.token_file = token_file;
    options.server = "ftp://kitap-pc";
    EXPECT_NE(start().error().find("https://"), std::string::npos);
    options.server = "https://kitap-pc";
    options.trust = "not a fingerprint";
    EXPECT_NE(start().error().find("--trust"), std::string::npos);
}

TEST_F(KioskSetup, HttpsTrustsTheGivenOrTheSavedFingerprint) {
    options.token_file = token_file;
    options.server = "https://kitap-pc:8443";
    EXPECT_FALSE((*start())->settings.trusted_fingerprint) << "nothing trusted yet: the first-run question";
    const auto saved = (*start())->trust_file;
    EXPECT_EQ(saved, dir.path() / "data" / "server-kitap-pc.trust");
    ASSERT_FALSE(save_trust(saved, fingerprint));
    EXPECT_EQ(fs::status(saved).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ((*start())->settings.trusted_fingerprint, fingerprint);
    std::string typed = fingerprint;
    std::erase(typed, ':');
    options.trust = typed;
    EXPECT_EQ((*start())->settings.trusted_fingerprint, fingerprint) << "as typed, in kitap serve's form";
}

}  // namespace
}  // namespace kitap::kiosk
