#include "kiosk/app/listen_address.hpp"

#include <gtest/gtest.h>

namespace kitap::app {
namespace {

TEST(ListenAddress, HostAndPort) {
    EXPECT_EQ(parse_listen_address("0.0.0.0:8443")->host, "0.0.0.0");
    EXPECT_EQ(parse_listen_address("0.0.0.0:8443")->port, 8443);
    EXPECT_EQ(parse_listen_address("[::1]:9000")->host, "::1");
    for (const auto* bad : {"8443", ":8443", "host:", "host:0", "host:70000", "host:84x", "::1:80", "[]:80", "[a]]:80",
                            "[[::1]:80", "[::1]]:80", "[a]:b]:80", "host name:80", "ho\nst:80"})
        EXPECT_FALSE(parse_listen_address(bad)) << bad;
}

}  // namespace
}  // namespace kitap::app
