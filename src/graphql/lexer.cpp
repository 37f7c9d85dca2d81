#include "graphql/lexer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace disha::graphql {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kBlockQuote = R"(""")";
constexpr std::string_view kEscapedBlockQuote = R"(\""")";
// How much of a long token or escape an error message quotes.
constexpr std::size_t kExcerptLength = 32;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_name_start(char c) {
  return is_letter(c) || c == '_';
}
bool is_name_continue(char c) {
  return is_name_start(c) || is_digit(c);
}
bool is_whitespace(char c) {
  return c == ' ' || c == '\t';
}
bool is_printable_ascii(char c) {
  return c >= 0x20 && c < 0x7F;
}

std::optional<char32_t> hex_digit(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

// The value of the four hexadecimal digits at `at`, if there are four.
std::optional<char32_t> four_hex_digits(std::string_view text, std::size_t at) {
  if (text.size() < at + 4) return std::nullopt;
  char32_t value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    auto digit = hex_digit(text[i]);
    if (!digit) return std::nullopt;
    value = value * 16 + *digit;
  }
  return value;
}

bool is_leading_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
bool is_trailing_surrogate(char32_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}
bool is_scalar_value(char32_t c) {
  return c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
}

struct DecodedCharacter {
  char32_t code_point = 0;
  std::size_t length = 0;  // 0: not well-formed UTF-8
};

// Decodes the multi-byte UTF-8 sequence at `at`, refusing overlong forms, surrogates and values
// past U+10FFFF.
DecodedCharacter decode_utf8(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) -> char32_t {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
  };
  auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0) == 0x80; };
  const char32_t lead = byte(at);
  if (lead >= 0xC2 && lead <= 0xDF && continuation(at + 1)) {
    return {((lead & 0x1F) << 6) | (byte(at + 1) & 0x3F), 2};
  }
  if (lead >= 0xE0 && lead <= 0xEF && continuation(at + 1) && continuation(at + 2)) {
    char32_t code_point =
        ((lead & 0x0F) << 12) | ((byte(at + 1) & 0x3F) << 6) | (byte(at + 2) & 0x3F);
    if (code_point >= 0x800 && is_scalar_value(code_point)) return {code_point, 3};
  }
  if (lead >= 0xF0 && lead <= 0xF4 && continuation(at + 1) && continuation(at + 2) &&
      continuation(at + 3)) {
    char32_t code_point = ((lead & 0x07) << 18) | ((byte(at + 1) & 0x3F) << 12) |
                          ((byte(at + 2) & 0x3F) << 6) | (byte(at + 3) & 0x3F);
    if (code_point >= 0x10000 && code_point <= 0x10FFFF) return {code_point, 4};
  }
  return {};
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// `text` in quotes, cut short when long. Only ever given ASCII, so the cut splits no character.
std::string excerpt(std::string_view text) {
  if (text.size() <= kExcerptLength) return fmt::format("\"{}\"", text);
  return fmt::format("\"{}...\"", text.substr(0, kExcerptLength));
}

// Splits block-string text at line terminators (\n, \r\n, \r).
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  // The next line, or nullopt after the last one (a text always has at least one line).
  std::optional<std::string_view> next() {
    if (done_) return std::nullopt;
    const std::size_t end = text_.find_first_of("\r\n", position_);
    if (end == std::string_view::npos) {
      done_ = true;
      return text_.substr(position_);
    }
    std::string_view line = text_.substr(position_, end - position_);
    position_ = end + (text_.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    return line;
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  bool done_ = false;
};

std::size_t leading_whitespace(std::string_view line) {
  std::size_t count = 0;
  while (count < line.size() && is_whitespace(line[count])) ++count;
  return count;
}

void append_block_string_value(std::string_view raw, std::string& out) {
  // One pass finds the common indentation and the first and last lines with content; a second
  // writes those lines out, so no list of lines is ever built.
  std::optional<std::size_t> common_indent;
  std::optional<std::size_t> first_content;
  std::size_t last_content = 0;
  std::size_t index = 0;
  Lines lines(raw);
  for (auto line = lines.next(); line; line = lines.next(), ++index) {
    const std::size_t indent = leading_whitespace(*line);
    if (indent == line->size()) continue;
    if (index > 0 && (!common_indent || indent < *common_indent)) common_indent = indent;
    if (!first_content) first_content = index;
    last_content = index;
  }
  if (!first_content) return;

  index = 0;
  Lines again(raw);
  for (auto line = again.next(); index <= last_content; line = again.next(), ++index) {
    if (index < *first_content) continue;
    if (index > *first_content) out += '\n';
    if (index > 0 && common_indent) line->remove_prefix(std::min(*common_indent, line->size()));
    out += *line;
  }
}

}  // namespace

std::string block_string_value(std::string_view raw) {
  std::string value;
  append_block_string_value(raw, value);
  return value;
}

std::string_view spelling(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::end_of_file:
      return "<EOF>";
    case TokenKind::bang:
      return "\"!\"";
    case TokenKind::dollar:
      return "\"$\"";
    case TokenKind::ampersand:
      return "\"&\"";
    case TokenKind::paren_open:
      return "\"(\"";
    case TokenKind::paren_close:
      return "\")\"";
    case TokenKind::spread:
      return "\"...\"";
    case TokenKind::colon:
      return "\":\"";
    case TokenKind::equals:
      return "\"=\"";
    case TokenKind::at:
      return "\"@\"";
    case TokenKind::bracket_open:
      return "\"[\"";
    case TokenKind::bracket_close:
      return "\"]\"";
    case TokenKind::brace_open:
      return "\"{\"";
    case TokenKind::pipe:
      return "\"|\"";
    case TokenKind::brace_close:
      return "\"}\"";
    case TokenKind::name:
      return "Name";
    case TokenKind::int_value:
      return "Int";
    case TokenKind::float_value:
      return "Float";
    case TokenKind::string_value:
      return "String";
  }
  return {};
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::name:
    case TokenKind::int_value:
    case TokenKind::float_value:
      return fmt::format("{} {}", spelling(token.kind), excerpt(token.value));
    default:
      return std::string(spelling(token.kind));
  }
}

Lexer::Lexer(std::string_view source, std::size_t max_tokens)
    : source_(source), max_tokens_(max_tokens) {}

Token Lexer::next() {
  skip_ignored();
  const std::size_t start = position_;
  const SourceLocation location = location_at(start);
  if (start == source_.size()) return {TokenKind::end_of_file, {}, location};
  if (++token_count_ > max_tokens_) {
    fail(start, fmt::format("The document has more than {} tokens.", max_tokens_));
  }
  switch (source_[start]) {
    case '!':
      return make_token(TokenKind::bang, 1, location);
    case '$':
      return make_token(TokenKind::dollar, 1, location);
    case '&':
      return make_token(TokenKind::ampersand, 1, location);
    case '(':
      return make_token(TokenKind::paren_open, 1, location);
    case ')':
      return make_token(TokenKind::paren_close, 1, location);
    case ':':
      return make_token(TokenKind::colon, 1, location);
    case '=':
      return make_token(TokenKind::equals, 1, location);
    case '@':
      return make_token(TokenKind::at, 1, location);
    case '[':
      return make_token(TokenKind::bracket_open, 1, location);
    case ']':
      return make_token(TokenKind::bracket_close, 1, location);
    case '{':
      return make_token(TokenKind::brace_open, 1, location);
    case '|':
      return make_token(TokenKind::pipe, 1, location);
    case '}':
      return make_token(TokenKind::brace_close, 1, location);
    case '.':
      if (source_.compare(start, 3, "...") == 0) {
        return make_token(TokenKind::spread, 3, location);
      }
      break;
    case '"':
      if (source_.compare(start, 3, kBlockQuote) == 0) return lex_block_string(location);
      return lex_string(location);
    default:
      if (is_digit(source_[start]) || source_[start] == '-') return lex_number(location);
      if (is_name_start(source_[start])) return lex_name(location);
  }
  fail_unexpected_character(start);
}

void Lexer::skip_ignored() {
  while (position_ < source_.size()) {
    switch (source_[position_]) {
      case ' ':
      case '\t':
      case ',':
        ++position_;
        break;
      case '\n':
        ++position_;
        start_line(position_);
        break;
      case '\r':
        position_ += source_.compare(position_, 2, "\r\n") == 0 ? 2 : 1;
        start_line(position_);
        break;
      case '#':
        skip_comment();
        break;
      case '\xEF':
        if (source_.compare(position_, kByteOrderMark.size(), kByteOrderMark) != 0) return;
        position_ += kByteOrderMark.size();
        break;
      default:
        return;
    }
  }
}

void Lexer::skip_comment() {
  ++position_;
  while (position_ < source_.size() && source_[position_] != '\n' && source_[position_] != '\r') {
    const auto byte = static_cast<unsigned char>(source_[position_]);
    position_ += byte < 0x80 ? 1 : checked_utf8_length(position_);
  }
}

Token Lexer::make_token(TokenKind kind, std::size_t length, SourceLocation location) {
  std::string_view text = source_.substr(position_, length);
  position_ += length;
  return {kind, text, location};
}

Token Lexer::lex_name(SourceLocation location) {
  std::size_t end = position_ + 1;
  while (end < source_.size() && is_name_continue(source_[end])) ++end;
  return make_token(TokenKind::name, end - position_, location);
}

Token Lexer::lex_number(SourceLocation location) {
  const std::size_t start = position_;
  std::size_t at = start;
  auto digits = [&](std::string_view where) {
    if (at >= source_.size() || !is_digit(source_[at])) {
      fail(at, fmt::format("Invalid number, expected a digit {}, found {}.", where,
                           describe_character(at)));
    }
    while (at < source_.size() && is_digit(source_[at])) ++at;
  };

  if (source_[at] == '-') ++at;
  if (at < source_.size() && source_[at] == '0') {
    ++at;
    if (at < source_.size() && is_digit(source_[at])) {
      fail(at,
           fmt::format("Invalid number, unexpected digit after 0: {}.", describe_character(at)));
    }
  } else {
    digits("after \"-\"");  // only a lone "-" can fail: otherwise a digit 1-9 is here
  }
  bool is_float = false;
  if (at < source_.size() && source_[at] == '.') {
    is_float = true;
    ++at;
    digits("after \".\"");
  }
  if (at < source_.size() && (source_[at] == 'e' || source_[at] == 'E')) {
    is_float = true;
    ++at;
    if (at < source_.size() && (source_[at] == '+' || source_[at] == '-')) ++at;
    digits("in the exponent");
  }
  // The lookahead restriction of IntValue and FloatValue: `1.2.3`, `123abc` and `0x1` are
  // errors, not two tokens.
  if (at < source_.size() && (source_[at] == '.' || is_name_start(source_[at]))) {
    fail(at, fmt::format("Invalid number, unexpected {} after {}.", describe_character(at),
                         excerpt(source_.substr(start, at - start))));
  }
  return make_token(is_float ? TokenKind::float_value : TokenKind::int_value, at - start, location);
}

Token Lexer::lex_string(SourceLocation location) {
  std::size_t at = position_ + 1;
  std::size_t chunk_start = at;
  bool decoded = false;  // value_ holds the value: an escape made it differ from the source
  while (true) {
    if (at >= source_.size()) fail(at, "Unterminated string.");
    const char c = source_[at];
    if (c == '"') break;
    if (c == '\n' || c == '\r') {
      fail(at, "Unterminated string: write a line break as \\n, or use a block string (\"\"\").");
    }
    if (c == '\\') {
      if (!decoded) value_.clear();
      decoded = true;
      value_.append(source_.substr(chunk_start, at - chunk_start));
      at = read_escape(at);
      chunk_start = at;
    } else {
      at += static_cast<unsigned char>(c) < 0x80 ? 1 : checked_utf8_length(at);
    }
  }
  std::string_view value = source_.substr(chunk_start, at - chunk_start);
  if (decoded) {
    value_.append(value);
    value = value_;
  }
  position_ = at + 1;
  return {TokenKind::string_value, value, location};
}

std::size_t Lexer::read_escape(std::size_t at) {
  if (at + 1 >= source_.size()) fail(at + 1, "Unterminated string.");
  const char escaped = source_[at + 1];
  switch (escaped) {
    case '"':
    case '\\':
    case '/':
      value_ += escaped;
      break;
    case 'b':
      value_ += '\b';
      break;
    case 'f':
      value_ += '\f';
      break;
    case 'n':
      value_ += '\n';
      break;
    case 'r':
      value_ += '\r';
      break;
    case 't':
      value_ += '\t';
      break;
    case 'u':
      return read_unicode_escape(at);
    default:
      fail(at,
           fmt::format("Invalid escape sequence: \\ followed by {}.", describe_character(at + 1)));
  }
  return at + 2;
}

std::size_t Lexer::read_unicode_escape(std::size_t at) {
  // Variable width: \u{1F4A9}, any number of digits, but a Unicode scalar value.
  if (source_.compare(at + 2, 1, "{") == 0) {
    std::size_t end = at + 3;
    char32_t code_point = 0;
    while (end < source_.size()) {
      auto digit = hex_digit(source_[end]);
      if (!digit) break;
      // Past U+10FFFF the value is wrong anyway; stop growing it so it cannot overflow.
      if (code_point <= 0x10FFFF) code_point = code_point * 16 + *digit;
      ++end;
    }
    if (end == at + 3 || end >= source_.size() || source_[end] != '}') {
      fail(at, "Invalid Unicode escape sequence: \\u{ takes hexadecimal digits and a }.");
    }
    if (!is_scalar_value(code_point)) {
      fail(at, fmt::format("Invalid Unicode escape sequence {}: not a Unicode scalar value.",
                           excerpt(source_.substr(at, end + 1 - at))));
    }
    append_utf8(value_, code_point);
    return end + 1;
  }
  // Fixed width: \u00E9, with the legacy surrogate pair \uD83D\uDCA9 for supplementary
  // characters.
  auto code_unit = four_hex_digits(source_, at + 2);
  if (!code_unit) {
    fail(at, "Invalid Unicode escape sequence: \\u takes four hexadecimal digits or {digits}.");
  }
  if (is_leading_surrogate(*code_unit)) {
    std::optional<char32_t> trailing;
    if (source_.compare(at + 6, 2, "\\u") == 0) trailing = four_hex_digits(source_, at + 8);
    if (!trailing || !is_trailing_surrogate(*trailing)) {
      fail(at, fmt::format("Invalid Unicode escape sequence {}: a leading surrogate must be "
                           "followed by a trailing surrogate escape.",
                           excerpt(source_.substr(at, 6))));
    }
    append_utf8(value_, 0x10000 + ((*code_unit - 0xD800) << 10) + (*trailing - 0xDC00));
    return at + 12;
  }
  if (is_trailing_surrogate(*code_unit)) {
    fail(at, fmt::format("Invalid Unicode escape sequence {}: a trailing surrogate must follow "
                         "a leading one.",
                         excerpt(source_.substr(at, 6))));
  }
  append_utf8(value_, *code_unit);
  return at + 6;
}

Token Lexer::lex_block_string(SourceLocation location) {
  std::size_t at = position_ + kBlockQuote.size();
  std::size_t chunk_start = at;
  bool escaped = false;  // raw_block_ holds the raw text: a \""" escape made it differ
  while (true) {
    if (at >= source_.size()) fail(at, "Unterminated block string.");
    const char c = source_[at];
    if (c == '"' && source_.compare(at, kBlockQuote.size(), kBlockQuote) == 0) break;
    if (c == '\\' && source_.compare(at, kEscapedBlockQuote.size(), kEscapedBlockQuote) == 0) {
      if (!escaped) raw_block_.clear();
      escaped = true;
      raw_block_.append(source_.substr(chunk_start, at - chunk_start));
      raw_block_.append(kBlockQuote);
      at += kEscapedBlockQuote.size();
      chunk_start = at;
    } else if (c == '\n') {
      start_line(++at);
    } else if (c == '\r') {
      at += source_.compare(at, 2, "\r\n") == 0 ? 2 : 1;
      start_line(at);
    } else {
      at += static_cast<unsigned char>(c) < 0x80 ? 1 : checked_utf8_length(at);
    }
  }
  std::string_view raw = source_.substr(chunk_start, at - chunk_start);
  if (escaped) {
    raw_block_.append(raw);
    raw = raw_block_;
  }
  value_.clear();
  append_block_string_value(raw, value_);
  position_ = at + kBlockQuote.size();
  return {TokenKind::string_value, value_, location};
}

std::size_t Lexer::checked_utf8_length(std::size_t at) const {
  const std::size_t length = decode_utf8(source_, at).length;
  if (length == 0) fail(at, "Invalid UTF-8: the document must be UTF-8 text.");
  return length;
}

void Lexer::start_line(std::size_t offset) {
  ++line_;
  line_start_ = offset;
  counted_to_ = offset;
  counted_column_ = 1;
}

SourceLocation Lexer::location_at(std::size_t offset) const {
  if (offset < counted_to_) {
    counted_to_ = line_start_;
    counted_column_ = 1;
  }
  for (; counted_to_ < offset; ++counted_to_) {
    // Every byte but a UTF-8 continuation byte starts a code point.
    if ((static_cast<unsigned char>(source_[counted_to_]) & 0xC0) != 0x80) ++counted_column_;
  }
  return {line_, counted_column_};
}

std::string Lexer::describe_character(std::size_t at) const {
  if (at >= source_.size()) return "<EOF>";
  const char c = source_[at];
  if (is_printable_ascii(c)) return fmt::format("\"{}\"", c);
  const auto byte = static_cast<unsigned char>(c);
  return fmt::format("U+{:04X}", byte < 0x80 ? byte : decode_utf8(source_, at).code_point);
}

void Lexer::fail(std::size_t at, const std::string& description) const {
  throw SyntaxError(description, location_at(at));
}

void Lexer::fail_unexpected_character(std::size_t at) const {
  const char c = source_[at];
  if (static_cast<unsigned char>(c) >= 0x80) checked_utf8_length(at);
  if (c == '\'') {
    fail(at, "Unexpected single quote character ('): GraphQL strings use double quotes (\").");
  }
  if (c == '.' && at + 1 < source_.size() && is_digit(source_[at + 1])) {
    fail(at, "Unexpected character \".\": a number needs a digit before its \".\", as in 0.5.");
  }
  fail(at, fmt::format("Unexpected character {}.", describe_character(at)));
}

}  // namespace disha::graphql
