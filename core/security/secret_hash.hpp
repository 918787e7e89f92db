#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kitap::core {

// Secrets people type (a reader's PIN, the librarian's, a web account's password)
// are kept only as argon2id hashes in libsodium's string form
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), which records the cost it was made with.

// What one hash costs: argon2id's passes over how much memory.
struct SecretHashCost {
    unsigned long long passes = 0;
    std::size_t memory_bytes = 0;
};

// libsodium's "interactive" limits, about 64 MiB and a fraction of a second per try:
// what makes guessing a short PIN from a stolen backup slow.
extern const SecretHashCost pin_hash_cost;
// OWASP's argon2id minimum (19 MiB, 2 passes): a password of 10 characters or more
// needs no more to resist guessing, and several logins at once fit in the web
// console's memory, which libsodium's 64 MiB would not.
extern const SecretHashCost password_hash_cost;

// Throws std::runtime_error when libsodium cannot start or there is not enough memory.
std::string hash_secret(std::string_view secret, const SecretHashCost& cost = pin_hash_cost);

// Whether `secret` is the one `hash` was made from (at the cost `hash` records);
// false for anything that is not such a hash. Throws std::runtime_error when
// libsodium cannot start.
bool verify_secret(const std::string& hash, std::string_view secret);

}  // namespace kitap::core
