#pragma once
// GraphQL lexical analysis (spec §2.1, October 2021) over UTF-8 text, with the full-Unicode
// amendment that graphql-js 16 implements (graphql-spec #849, in later editions): any Unicode
// scalar value may appear in strings and comments, `\u{1F4A9}` escapes, and `\uD83D\uDCA9`
// surrogate pairs; a lone surrogate escape is an error. Malformed UTF-8 is an error.
//
// The lexer never allocates per character: names and numbers are views into the source, and a
// string's value is a view into the source, or into a buffer reused from token to token when
// escapes or block-string indentation make it differ from the source.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "graphql/syntax_error.hpp"

namespace disha::graphql {

enum class TokenKind : std::uint8_t {
  end_of_file,
  bang,           // !
  dollar,         // $
  ampersand,      // &
  paren_open,     // (
  paren_close,    // )
  spread,         // ...
  colon,          // :
  equals,         // =
  at,             // @
  bracket_open,   // [
  bracket_close,  // ]
  brace_open,     // {
  pipe,           // |
  brace_close,    // }
  name,
  int_value,
  float_value,
  string_value,  // quoted and block strings alike
};

struct Token {
  TokenKind kind = TokenKind::end_of_file;
  // Punctuators, names and numbers: their source text. Strings: the decoded value, which may
  // live in the lexer's buffer and is then valid only until the next call to Lexer::next().
  std::string_view value;
  SourceLocation location;
};

// How error messages name a kind of token: `"{"`, `Name`, `String`, `<EOF>`.
std::string_view spelling(TokenKind kind) noexcept;
// How error messages name a token: `"{"`, `Name "user"`, `Int "12"`, `String`, `<EOF>`. A
// string's value is left out: it may be long, and it is the client's own text anyway.
std::string describe(const Token& token);

class Lexer {
 public:
  // `max_tokens` bounds the work a hostile document can cause; every token but the end counts.
  explicit Lexer(std::string_view source,
                 std::size_t max_tokens = std::numeric_limits<std::size_t>::max());

  // The next token; end_of_file once the source is exhausted, and again on every later call.
  // Throws SyntaxError at the first lexical error.
  Token next();

 private:
  void skip_ignored();
  void skip_comment();
  // The token of `length` bytes at position_, which it moves past.
  Token make_token(TokenKind kind, std::size_t length, SourceLocation location);
  Token lex_name(SourceLocation location);
  Token lex_number(SourceLocation location);
  Token lex_string(SourceLocation location);
  Token lex_block_string(SourceLocation location);
  // Appends the character an escape sequence at `at` (a backslash) stands for to value_;
  // returns the offset after the sequence.
  std::size_t read_escape(std::size_t at);
  std::size_t read_unicode_escape(std::size_t at);
  // The length of the UTF-8 sequence of a non-ASCII character at `at`; throws when malformed.
  std::size_t checked_utf8_length(std::size_t at) const;
  // Records that a line starts at `offset`, just after a line terminator.
  void start_line(std::size_t offset);
  // The location of `offset`, which must be on the current line.
  SourceLocation location_at(std::size_t offset) const;
  // `"a"`, `U+0007` or `<EOF>`: the character at `at`, for messages.
  std::string describe_character(std::size_t at) const;
  [[noreturn]] void fail(std::size_t at, const std::string& description) const;
  [[noreturn]] void fail_unexpected_character(std::size_t at) const;

  std::string_view source_;
  std::size_t position_ = 0;
  std::size_t token_count_ = 0;
  std::size_t max_tokens_;
  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;
  // Columns are counted in code points from the last location asked for, so computing every
  // token's column costs one pass over each line rather than one per token.
  mutable std::size_t counted_to_ = 0;
  mutable std::uint32_t counted_column_ = 1;
  std::string value_;      // a string token's decoded value when it is not a source view
  std::string raw_block_;  // a block string's raw text when `\"""` escapes change it
};

// BlockStringValue(rawValue) of spec §2.9.4: drops the common indentation of all lines but the
// first, then the leading and trailing blank lines, and joins the lines with "\n". `raw` is the
// text between the triple quotes with its `\"""` escapes already replaced.
std::string block_string_value(std::string_view raw);

}  // namespace disha::graphql
