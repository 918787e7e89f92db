#pragma once

#include <chrono>

namespace kitap::devices {

struct ReconnectOptions {
    // How often a lost device is looked for again: quick enough that a scanner
    // plugged back in works before the pupil tries twice, slow enough to cost nothing.
    std::chrono::milliseconds retry_interval{500};
};

}  // namespace kitap::devices
