#include "core/text.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/time.hpp"

namespace disha {

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("दिशा"), 4u);              // Devanagari: 3 bytes each
  EXPECT_EQ(utf8_length("₹ 500"), 5u);             // 3-byte rupee sign
  EXPECT_EQ(utf8_length("\xF0\x9F\x8E\x93"), 1u);  // U+1F393, 4 bytes
}

TEST(Utf8Length, RejectsMalformedSequences) {
  EXPECT_FALSE(utf8_length("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8_length("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_FALSE(utf8_length("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(utf8_length("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(utf8_length("\xE2\x82"));          // truncated
  EXPECT_FALSE(utf8_length("\x80"));              // lone continuation
  EXPECT_FALSE(utf8_length("a\xFF"));
}

TEST(RequireText, AcceptsTextWithinTheRule) {
  EXPECT_EQ(require_text("hello", "msg"), "hello");
  EXPECT_EQ(require_text(std::string(200, 'x'), "msg"), std::string(200, 'x'));
  EXPECT_EQ(require_text("a\nb", "bio", {.min_chars = 1, .max_chars = 10, .allow_newlines = true}),
            "a\nb");
}

void expect_rejected(std::optional<std::string_view> value, std::string_view fragment,
                     TextRule rule = {}) {
  try {
    require_text(value, "msg", rule);
    FAIL() << "accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), "msg");
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(RequireText, RejectsWithTheFieldNamed) {
  expect_rejected(std::nullopt, "required");
  expect_rejected("", "1 to 200 characters");
  expect_rejected(std::string(201, 'x'), "(got 201)");
  expect_rejected("\xC3\x28", "UTF-8");
  expect_rejected("tab\there", "control");
  expect_rejected(std::string("nul\0byte", 8), "control");
  expect_rejected("line\nbreak", "control");
}

TEST(RequireText, CountsCharactersNotBytes) {
  // 200 Devanagari letters are 600 bytes and still within a 200-character limit.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "श";
  EXPECT_EQ(require_text(text, "msg").size(), 600u);
  expect_rejected(text + "श", "(got 201)");
}

TEST(UtcTimestamp, FormatsRfc3339WithMilliseconds) {
  using namespace std::chrono;
  auto time =
      sys_days{year{2026} / 11 / 29} + hours{2} + minutes{24} + seconds{39} + milliseconds{7};
  EXPECT_EQ(utc_timestamp(time), "2026-11-29T02:24:39.007Z");
}

}  // namespace disha
