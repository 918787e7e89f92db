#pragma once

#include "kiosk/wire/station_wire.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kitap::wire {

// A value encoded, sent through text as it crosses the network, and decoded; the
// test fails when it does not decode.
template <typename T>
T round_trip(const T& value) {
    const nlohmann::json encoded = value;
    const auto decoded = decode<T>(nlohmann::json::parse(encoded.dump()));
    EXPECT_TRUE(decoded) << (decoded ? "" : decoded.error().text());
    return decoded.value_or(T{});
}

}  // namespace kitap::wire
