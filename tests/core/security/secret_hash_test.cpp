#include "core/security/secret_hash.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

TEST(SecretHash, Argon2idHashVerifiesOnlyItsOwnSecret) {
    const std::string hash = hash_secret("4071");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_EQ(hash.find("4071"), std::string::npos);
    EXPECT_TRUE(verify_secret(hash, "4071"));
    EXPECT_FALSE(verify_secret(hash, "4072"));
    EXPECT_FALSE(verify_secret(hash, ""));
    EXPECT_NE(hash_secret("4071"), hash) << "each hash has its own salt";
}

TEST(SecretHash, PasswordsCostWhatTheWebConsoleCanAfford) {
    const std::string hash = hash_secret("correct horse", password_hash_cost);
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << hash;
    EXPECT_TRUE(verify_secret(hash, "correct horse"));
    EXPECT_FALSE(verify_secret(hash, "correct horsE"));
    EXPECT_TRUE(hash_secret("4071").starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << "PINs keep their cost";
}

TEST(SecretHash, AnythingButAHashVerifiesNothing) {
    EXPECT_FALSE(verify_secret("", "4071"));
    EXPECT_FALSE(verify_secret("4071", "4071"));
    EXPECT_FALSE(verify_secret(std::string(1000, '$'), "4071"));
}

}  // namespace
}  // namespace kitap::core
