#include "core/settings/setting_store.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

TEST(SettingStore, SetsGetsAndOverwrites) {
    testing::TempDatabase temp;
    SettingStore settings(temp.db());
    EXPECT_FALSE(settings.get("librarian.pin"));
    settings.set("librarian.pin", "first");
    settings.set("librarian.pin", "second");
    EXPECT_EQ(settings.get("librarian.pin"), "second");
    SettingStore reopened(temp.db());
    EXPECT_EQ(reopened.get("librarian.pin"), "second");
}

}  // namespace
}  // namespace kitap::core
