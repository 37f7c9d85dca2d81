#pragma once
// Validation of text that users send: well-formed UTF-8, length in characters, no control
// characters. Failures throw disha::Error(unprocessable) naming the field.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace disha {

// The number of code points, or nullopt when text is not well-formed UTF-8 (overlongs,
// surrogates and values past U+10FFFF are rejected).
std::optional<std::size_t> utf8_length(std::string_view text) noexcept;

struct TextRule {
  std::size_t min_chars = 1;
  std::size_t max_chars = 200;
  bool allow_newlines = false;  // tab, LF and CR; other control characters are always refused
};

// Returns the text when it satisfies the rule; `value` nullopt means the field was absent.
std::string require_text(std::optional<std::string_view> value, std::string_view field,
                         TextRule rule = {});

// Without leading and trailing spaces and tabs (HTTP's optional white space).
std::string_view trim_blanks(std::string_view text) noexcept;
// ASCII letters lowered; other bytes kept (header values, media types).
std::string ascii_lower(std::string_view text);

}  // namespace disha
