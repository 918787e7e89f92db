#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace kitap::core {

// libsodium ready for use (idempotent, thread-safe); throws when it cannot start.
void start_sodium();

// Bytes as lower-case hex digits, two per byte.
std::string hex_text(std::span<const unsigned char> bytes);

}  // namespace kitap::core
