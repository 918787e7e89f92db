#pragma once

#include <string>
#include <string_view>

namespace kitap::core {

// Secrets people type (a reader's PIN, the librarian's) are kept only as argon2id
// hashes in libsodium's string form ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"),
// with its "interactive" limits: about 64 MiB and a fraction of a second per try,
// which is what makes guessing a short PIN from a stolen backup slow.

// Throws std::runtime_error when libsodium cannot start or there is not enough memory.
std::string hash_secret(std::string_view secret);

// Whether `secret` is the one `hash` was made from; false for anything that is not
// such a hash. Throws std::runtime_error when libsodium cannot start.
bool verify_secret(const std::string& hash, std::string_view secret);

}  // namespace kitap::core
