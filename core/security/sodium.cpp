#include "core/security/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kitap::core {

void start_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not start");
}

std::string hex_text(std::span<const unsigned char> bytes) {
    std::string text(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(text.data(), text.size(), bytes.data(), bytes.size());
    text.pop_back();  // the terminating NUL sodium writes
    return text;
}

}  // namespace kitap::core
