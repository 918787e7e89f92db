#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace kitap::fuzz {

// An invariant the code under test promises; a broken one is a finding, so it
// aborts for libFuzzer to save the input. `detail` says what was seen.
inline void require(bool holds, const char* invariant, const std::string& detail = {}) {
    if (holds) return;
    std::fprintf(stderr, "invariant broken: %s%s%s\n", invariant, detail.empty() ? "" : ": ", detail.c_str());
    std::abort();
}

}  // namespace kitap::fuzz
