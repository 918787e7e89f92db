#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kitap::core {

// A station account's token: 32 random bytes from libsodium's CSPRNG as 64 hex digits,
// shown once (`kitap user add NAME --role station`) and kept by the kiosk. The server
// keeps only its BLAKE2b-256 hash: for a 256-bit random secret a fast hash is enough
// (nobody can guess one to try against it), and looking a request's token up by its
// hash compares nothing of the secret itself in time that depends on it.
inline constexpr std::size_t account_token_length = 64;

// Throws std::runtime_error when libsodium cannot start.
std::string new_account_token();
// 64 hex digits; any text (a token as a client sent it) hashes.
std::string account_token_hash(std::string_view token);

}  // namespace kitap::core
