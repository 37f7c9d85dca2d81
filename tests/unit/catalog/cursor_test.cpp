// Opaque cursors: round trips of every kind of sort value, and refusal (naming "cursor") of
// garbage, truncation and edits.
#include "features/catalog/cursor.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/error.hpp"

namespace disha::catalog {
namespace {

TEST(Cursor, RoundTripsEveryKindOfValue) {
  for (const auto& value : std::vector<std::variant<std::monostate, double, std::string>>{
           std::monostate{}, 0.0, -1.5, 1e300, std::string(""), std::string("Jāmia Millia")}) {
    Cursor cursor{0xfeedfacecafebeefULL, value, -42};
    auto decoded = decode_cursor(encode_cursor(cursor));
    EXPECT_EQ(decoded.query_fingerprint, cursor.query_fingerprint);
    EXPECT_EQ(decoded.last_value, cursor.last_value);
    EXPECT_EQ(decoded.last_id, -42);
  }
}

void expect_refused(const std::string& text) {
  try {
    decode_cursor(text);
    ADD_FAILURE() << "accepted '" << text << "'";
  } catch (const Error& error) {
    EXPECT_EQ(error.field(), "cursor");
    EXPECT_EQ(error.code(), ErrorCode::bad_request);
  }
}

TEST(Cursor, RefusesGarbageTruncationAndEdits) {
  auto good = encode_cursor(Cursor{7, 12.5, 99});
  expect_refused("");
  expect_refused("not a cursor!");
  expect_refused(good.substr(0, good.size() - 3));
  expect_refused(std::string(600, 'A'));
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto edited = good;
    edited[i] = edited[i] == 'A' ? 'B' : 'A';
    expect_refused(edited);
  }
}

TEST(Cursor, NeverCrashesOnRandomInput) {
  std::mt19937 random(5);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (int i = 0; i < 2000; ++i) {
    std::string text(random() % 80, 'A');
    for (auto& c : text) c = alphabet[random() % alphabet.size()];
    try {
      decode_cursor(text);
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "cursor");
    }
  }
}

TEST(Cursor, FingerprintsDifferForDifferentQueries) {
  EXPECT_NE(fingerprint("programme\nfee~1"), fingerprint("programme\nfee~2"));
  EXPECT_EQ(fingerprint("x"), fingerprint("x"));
}

}  // namespace
}  // namespace disha::catalog
