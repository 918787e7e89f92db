#include "core/security/secret_hash.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kitap::core {
namespace {

void start_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

}  // namespace

const SecretHashCost pin_hash_cost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
const SecretHashCost password_hash_cost{2, std::size_t{19} * 1024 * 1024};

std::string hash_secret(std::string_view secret, const SecretHashCost& cost) {
    start_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, secret.data(), secret.size(), cost.passes, cost.memory_bytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to hash a secret");
    return out;
}

bool verify_secret(const std::string& hash, std::string_view secret) {
    start_sodium();
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES.
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace kitap::core
