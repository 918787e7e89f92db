#include "core/security/account_token.hpp"

#include "core/security/sodium.hpp"

#include <sodium.h>

#include <array>

namespace kitap::core {

std::string new_account_token() {
    start_sodium();
    std::array<unsigned char, account_token_length / 2> secret{};
    randombytes_buf(secret.data(), secret.size());
    return hex_text(secret);
}

std::string account_token_hash(std::string_view token) {
    start_sodium();
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return hex_text(hash);
}

}  // namespace kitap::core
