#include "kiosk/gui/screens/trust_screen.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

TEST(TrustScreen, TheFingerprintIsShownInLinesOfEightBytes) {
    const std::string fingerprint =
        "3A:F0:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:20:30:40:50:60";
    EXPECT_EQ(fingerprint_lines(fingerprint),
              (std::vector<std::string>{"3A:F0:00:11:22:33:44:55", "66:77:88:99:AA:BB:CC:DD", "EE:FF:01:23:45:67:89:AB",
                                        "CD:EF:10:20:30:40:50:60"}));
}

}  // namespace
}  // namespace kitap::kiosk
