#include "features/accounts/credentials.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace disha::accounts {
namespace {

ErrorCode code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.code();
  }
  return ErrorCode::internal;
}

TEST(Email, IsTrimmedAndItsDomainLowerCased) {
  EXPECT_EQ(normalise_email("  Asha.Rao+jobs@Example.CO.IN \t"), "Asha.Rao+jobs@example.co.in");
  EXPECT_EQ(normalise_email("x@a-b.org"), "x@a-b.org");
}

TEST(Email, RefusesMalformedAddresses) {
  for (std::string_view bad :
       {"", "plain", "@example.com", "a@", "a@example", "a@@example.com", "a b@example.com",
        ".a@example.com", "a.@example.com", "a..b@example.com", "a@-example.com", "a@example-.com",
        "a@exa_mple.com", "a@192.168.1.1", "a@example..com", "\xc3\xa9@example.com",
        "a@exam\nple.com"}) {
    EXPECT_EQ(code_of([&] { normalise_email(bad); }), ErrorCode::unprocessable) << bad;
  }
  EXPECT_EQ(code_of([] { normalise_email(std::nullopt); }), ErrorCode::unprocessable);
  EXPECT_EQ(code_of([] { normalise_email(std::string(65, 'a') + "@example.com"); }),
            ErrorCode::unprocessable);
  try {
    normalise_email("nope", "body.email");
  } catch (const Error& error) {
    EXPECT_EQ(error.field(), "body.email");
  }
}

TEST(PasswordRules, EnforceLengthInCharactersAndTheCommonList) {
  PasswordRules rules("# comment\nPassword123\r\nqwertyuiop\n");
  EXPECT_EQ(rules.common_count(), 2u);
  EXPECT_NO_THROW(rules.check("a sound passphrase", "password"));
  EXPECT_NO_THROW(rules.check(std::string(256, 'x') + "", "password"));
  EXPECT_NO_THROW(rules.check("éééééééééé", "password"));  // 10 characters, 20 bytes
  EXPECT_EQ(code_of([&] { rules.check("short", "password"); }), ErrorCode::unprocessable);
  EXPECT_EQ(code_of([&] { rules.check(std::string(257, 'x'), "password"); }),
            ErrorCode::unprocessable);
  EXPECT_EQ(code_of([&] { rules.check("PASSWORD123", "password"); }), ErrorCode::unprocessable);
  EXPECT_EQ(code_of([&] { rules.check(std::nullopt, "password"); }), ErrorCode::unprocessable);
  EXPECT_EQ(code_of([&] { rules.check("\xff\xfe invalid utf8", "password"); }),
            ErrorCode::unprocessable);
}

// One hash and a few verifications: argon2id at the interactive limits takes a while.
TEST(PasswordHash, IsArgon2idSaltedAndVerifies) {
  auto hash = hash_password("a sound passphrase");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find("a sound passphrase"), std::string::npos);
  EXPECT_TRUE(verify_password(hash, "a sound passphrase"));
  EXPECT_FALSE(verify_password(hash, "a sound passphrasf"));
  EXPECT_FALSE(verify_password("not a hash", "a sound passphrase"));
}

}  // namespace
}  // namespace disha::accounts
