#include "core/text.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace disha {

std::optional<std::size_t> utf8_length(std::string_view text) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if ((byte & 0xe0) == 0xc0) {
      extra = 1, code = byte & 0x1f, minimum = 0x80;
    } else if ((byte & 0xf0) == 0xe0) {
      extra = 2, code = byte & 0x0f, minimum = 0x800;
    } else if ((byte & 0xf8) == 0xf0) {
      extra = 3, code = byte & 0x07, minimum = 0x10000;
    } else {
      return std::nullopt;
    }
    if (i + extra >= text.size()) return std::nullopt;
    for (std::size_t k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return std::nullopt;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return std::nullopt;
    }
    i += extra + 1;
  }
  return count;
}

std::string require_text(std::optional<std::string_view> value, std::string_view field,
                         TextRule rule) {
  const std::string name(field);
  if (!value) throw Error(ErrorCode::unprocessable, name + " is required", name);
  auto length = utf8_length(*value);
  if (!length) throw Error(ErrorCode::unprocessable, name + " is not valid UTF-8", name);
  for (char c : *value) {
    auto byte = static_cast<unsigned char>(c);
    bool newline = c == '\n' || c == '\r' || c == '\t';
    if ((byte < 0x20 && !(newline && rule.allow_newlines)) || byte == 0x7f) {
      throw Error(ErrorCode::unprocessable, name + " must not contain control characters", name);
    }
  }
  if (*length < rule.min_chars || *length > rule.max_chars) {
    throw Error(ErrorCode::unprocessable,
                fmt::format("{} must be {} to {} characters long (got {})", name, rule.min_chars,
                            rule.max_chars, *length),
                name);
  }
  return std::string(*value);
}

std::string_view trim_blanks(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace disha
