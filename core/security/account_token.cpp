#include "core/security/account_token.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace kitap::core {
namespace {

void start_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

template <std::size_t N>
std::string hex(const std::array<unsigned char, N>& bytes) {
    std::array<char, N * 2 + 1> text{};
    sodium_bin2hex(text.data(), text.size(), bytes.data(), bytes.size());
    return std::string(text.data(), N * 2);
}

}  // namespace

std::string new_account_token() {
    start_sodium();
    std::array<unsigned char, account_token_length / 2> secret{};
    randombytes_buf(secret.data(), secret.size());
    return hex(secret);
}

std::string account_token_hash(std::string_view token) {
    start_sodium();
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return hex(hash);
}

}  // namespace kitap::core
