#include "features/accounts/token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace disha::accounts {
namespace {

TEST(SessionToken, Is32RandomBytesStoredOnlyAsSha256) {
  auto issued = issue_token();
  EXPECT_EQ(issued.token.size(), 43u);
  EXPECT_TRUE(well_formed_token(issued.token));
  EXPECT_EQ(issued.hash.size(), 64u);
  EXPECT_EQ(issued.hash, token_hash(issued.token));
  EXPECT_EQ(issued.hash.find(issued.token), std::string::npos);
  // SHA-256("abc"), the FIPS 180-2 example.
  EXPECT_EQ(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SessionToken, NeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(issue_token().token).second);
}

TEST(SessionToken, ShapeIsCheckedBeforeAnyLookup) {
  EXPECT_FALSE(well_formed_token(""));
  EXPECT_FALSE(well_formed_token(std::string(42, 'a')));
  EXPECT_FALSE(well_formed_token(std::string(44, 'a')));
  EXPECT_FALSE(well_formed_token(std::string(42, 'a') + "="));
  EXPECT_TRUE(well_formed_token(std::string(41, 'a') + "-_"));
}

TEST(CsrfToken, IsBoundToTheSessionButRevealsNothingOfIt) {
  auto first = issue_token();
  auto second = issue_token();
  EXPECT_EQ(csrf_token(first.token), csrf_token(first.token));
  EXPECT_NE(csrf_token(first.token), csrf_token(second.token));
  EXPECT_NE(csrf_token(first.token), first.hash);
  EXPECT_EQ(csrf_token(first.token).find(first.token), std::string::npos);
}

}  // namespace
}  // namespace disha::accounts
