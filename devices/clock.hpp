#pragma once

#include <chrono>

namespace kitap::devices {

// Every time in kitap::devices is monotonic: scan timing must not jump with the wall clock.
using Clock = std::chrono::steady_clock;

}  // namespace kitap::devices
