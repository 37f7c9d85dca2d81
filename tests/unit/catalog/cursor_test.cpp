// Opaque cursors: round trips of every kind of sort value and of ids at their limits, and refusal
// (400 naming "cursor") of garbage, truncation, edits and hand-made records that carry a valid
// checksum but break the format.
#include "features/catalog/cursor.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "core/error.hpp"

namespace disha::catalog {
namespace {

using Value = std::variant<std::monostate, double, std::string>;

const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

Cursor round_trip(const Cursor& cursor) {
  return decode_cursor(encode_cursor(cursor));
}

void expect_refused(std::string_view text) {
  try {
    decode_cursor(text);
    ADD_FAILURE() << "accepted '" << text << "'";
  } catch (const Error& error) {
    EXPECT_EQ(error.field(), "cursor") << text;
    EXPECT_EQ(error.code(), ErrorCode::bad_request) << text;
  }
}

// Hand-made records, as the header documents the format: the body, then its FNV-1a checksum,
// in unpadded base64url.
std::string le64(std::uint64_t value) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
  return out;
}

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    for (bits += 8; bits >= 6; bits -= 6) out += kAlphabet[(buffer >> (bits - 6)) & 0x3f];
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

std::string seal(char version, char kind, std::string_view value) {
  std::string body(1, version);
  body += le64(77) + le64(5) + kind;
  body += value;
  return base64url(body + le64(fingerprint(body)));
}

TEST(Cursor, RoundTripsEveryKindOfValue) {
  for (const auto& value : std::vector<Value>{
           std::monostate{}, 0.0, -1.5, 1e300, 4.9e-324, std::numeric_limits<double>::max(),
           std::numeric_limits<double>::lowest(), std::string(""), std::string("IIT Madras"),
           std::string("Jāmia Millia Islāmia"), std::string("भारतीय प्रौद्योगिकी संस्थान"),
           std::string("🎓 \"quoted\", comma\nline"), std::string("nul\0inside", 10)}) {
    Cursor cursor{0xfeedfacecafebeefULL, value, 42};
    auto decoded = round_trip(cursor);
    EXPECT_EQ(decoded.query_fingerprint, cursor.query_fingerprint);
    EXPECT_EQ(decoded.last_value, cursor.last_value);
    EXPECT_EQ(decoded.last_id, 42);
  }
}

TEST(Cursor, KeepsTheSignOfNegativeZero) {
  auto decoded = round_trip(Cursor{1, -0.0, 1});
  EXPECT_TRUE(std::signbit(std::get<double>(decoded.last_value)));
}

TEST(Cursor, RoundTripsIdsAndFingerprintsAtTheirLimits) {
  for (std::int64_t id :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{-42},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    for (std::uint64_t query : {std::uint64_t{0}, std::numeric_limits<std::uint64_t>::max()}) {
      auto decoded = round_trip(Cursor{query, 3.0, id});
      EXPECT_EQ(decoded.last_id, id);
      EXPECT_EQ(decoded.query_fingerprint, query);
    }
  }
}

TEST(Cursor, EncodesToShortUrlSafeTextWithoutPadding) {
  auto text = encode_cursor(Cursor{fingerprint("q"), 12.5, 99});
  EXPECT_EQ(text.find_first_not_of(kAlphabet), std::string::npos) << text;
  EXPECT_EQ(text.size(), 46u);  // 34 bytes
  EXPECT_LT(encode_cursor(Cursor{1, std::monostate{}, 1}).size(), text.size());
}

TEST(Cursor, FitsTheLongestNameTheCatalogueAllows) {
  std::string name;
  for (int i = 0; i < 300; ++i) name += "𝔸";  // 4 bytes each
  auto text = encode_cursor(Cursor{1, name, 1});
  EXPECT_LE(text.size(), kMaxCursorLength);
  EXPECT_EQ(std::get<std::string>(decode_cursor(text).last_value), name);
}

TEST(Cursor, RefusesToEncodeWhatItCouldNotDecode) {
  for (double bad : {NAN, INFINITY, -INFINITY}) {
    try {
      encode_cursor(Cursor{1, bad, 1});
      ADD_FAILURE() << bad;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::internal);
    }
  }
  EXPECT_THROW(encode_cursor(Cursor{1, std::string(kMaxCursorLength, 'x'), 1}), Error);
}

TEST(Cursor, RefusesEmptyAndOverlongText) {
  expect_refused("");
  expect_refused(std::string(kMaxCursorLength + 1, 'A'));
  expect_refused(std::string(kMaxCursorLength, 'A'));  // the right length, but not a cursor
}

TEST(Cursor, RefusesCharactersOutsideBase64url) {
  auto good = encode_cursor(Cursor{7, 12.5, 99});
  for (char bad : {'=', '+', '/', ' ', '.', '%', '\0', '\n', '\xc3'}) {
    for (std::size_t at : {std::size_t{0}, good.size() / 2, good.size() - 1}) {
      auto edited = good;
      edited[at] = bad;
      expect_refused(edited);
    }
  }
  expect_refused(good + "==");
  expect_refused("not a cursor!");
}

TEST(Cursor, RefusesEveryTruncationAndExtension) {
  auto good = encode_cursor(Cursor{7, std::string("Anna University"), 99});
  for (std::size_t length = 1; length < good.size(); ++length)
    expect_refused(good.substr(0, length));
  for (char extra : kAlphabet) expect_refused(good + extra);
  expect_refused(good + good);
}

TEST(Cursor, RefusesEverySingleCharacterEdit) {
  // Includes the last character, whose low bits are not part of any byte: decoding insists
  // they are zero, so no two texts decode to the same record.
  for (const auto& value : std::vector<Value>{std::monostate{}, 12.5, std::string("ab")}) {
    auto good = encode_cursor(Cursor{7, value, 99});
    for (std::size_t at = 0; at < good.size(); ++at) {
      for (char replacement : kAlphabet) {
        if (replacement == good[at]) continue;
        auto edited = good;
        edited[at] = replacement;
        expect_refused(edited);
      }
    }
  }
}

TEST(Cursor, AcceptsAHandMadeRecordOfTheDocumentedFormat) {
  auto cursor = decode_cursor(seal(1, 'n', le64(std::bit_cast<std::uint64_t>(2.5))));
  EXPECT_EQ(cursor.query_fingerprint, 77u);
  EXPECT_EQ(cursor.last_id, 5);
  EXPECT_EQ(cursor.last_value, Value(2.5));
  EXPECT_EQ(decode_cursor(seal(1, '-', "")).last_value, Value(std::monostate{}));
  EXPECT_EQ(decode_cursor(seal(1, 's', "x")).last_value, Value(std::string("x")));
}

TEST(Cursor, RefusesWellSealedRecordsThatBreakTheFormat) {
  const auto number = le64(std::bit_cast<std::uint64_t>(2.5));
  expect_refused(seal(0, '-', ""));  // unknown versions
  expect_refused(seal(2, '-', ""));
  expect_refused(seal(1, 'x', ""));   // unknown kind
  expect_refused(seal(1, '-', "x"));  // no value, yet something follows
  expect_refused(seal(1, 'n', number.substr(0, 7)));
  expect_refused(seal(1, 'n', number + "x"));
  expect_refused(
      seal(1, 'n', le64(std::bit_cast<std::uint64_t>(std::numeric_limits<double>::quiet_NaN()))));
  expect_refused(
      seal(1, 'n', le64(std::bit_cast<std::uint64_t>(-std::numeric_limits<double>::infinity()))));
  // Shorter than the fixed fields.
  std::string short_body(1, 1);
  short_body += le64(77);
  expect_refused(base64url(short_body + le64(fingerprint(short_body))));
}

TEST(Cursor, NeverCrashesOnRandomInput) {
  std::mt19937 random(5);
  auto check = [](const std::string& text) {
    try {
      decode_cursor(text);
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "cursor");
      EXPECT_EQ(error.code(), ErrorCode::bad_request);
    }
  };
  for (int i = 0; i < 3000; ++i) {
    std::string text(random() % 120, 'A');
    for (auto& c : text) c = kAlphabet[random() % kAlphabet.size()];
    check(text);
    for (auto& c : text) c = static_cast<char>(random() % 256);
    check(text);
  }
  // Random edits of good cursors, several characters at a time.
  auto good = encode_cursor(Cursor{7, std::string("Delhi University"), 99});
  for (int i = 0; i < 3000; ++i) {
    auto edited = good;
    for (int k = 0; k < 1 + i % 4; ++k) {
      edited[random() % edited.size()] = kAlphabet[random() % kAlphabet.size()];
    }
    if (edited != good) expect_refused(edited);
  }
}

TEST(Fingerprint, IsFnv1a64) {
  EXPECT_EQ(fingerprint(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fingerprint("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fingerprint("foobar"), 0x85944171f73967e8ULL);
}

TEST(Fingerprint, DiffersForDifferentQueries) {
  EXPECT_NE(fingerprint("programme\nfee~1"), fingerprint("programme\nfee~2"));
  EXPECT_NE(fingerprint("sort=name"), fingerprint("sort=-name"));
  EXPECT_EQ(fingerprint("x"), fingerprint("x"));
}

}  // namespace
}  // namespace disha::catalog
