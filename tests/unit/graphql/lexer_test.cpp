#include "graphql/lexer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace disha::graphql {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// A token with its value copied out of the lexer's buffer.
struct Lexed {
  TokenKind kind;
  std::string value;
  SourceLocation location;
};

std::vector<Lexed> lex(std::string_view source, std::size_t max_tokens = 1000) {
  Lexer lexer(source, max_tokens);
  std::vector<Lexed> tokens;
  for (Token token = lexer.next(); token.kind != TokenKind::end_of_file; token = lexer.next()) {
    tokens.push_back({token.kind, std::string(token.value), token.location});
  }
  return tokens;
}

Lexed only_token(std::string_view source) {
  auto tokens = lex(source);
  EXPECT_EQ(tokens.size(), 1u) << source;
  return tokens.empty() ? Lexed{TokenKind::end_of_file, {}, {}} : tokens.front();
}

std::string string_value(std::string_view source) {
  Lexed token = only_token(source);
  EXPECT_EQ(token.kind, TokenKind::string_value) << source;
  return token.value;
}

void expect_error(std::string_view source, std::string_view message, SourceLocation location) {
  SCOPED_TRACE(testing::Message() << "source: " << source);
  SyntaxError error = syntax_error_of([&] { lex(source); });
  EXPECT_THAT(error.what(), HasSubstr(message));
  EXPECT_EQ(error.location(), location);
}

TEST(Lexer, ReadsEveryPunctuator) {
  auto tokens = lex("! $ & ( ) ... : = @ [ ] { | }");
  std::vector<TokenKind> kinds;
  std::vector<std::string> texts;
  for (const auto& token : tokens) {
    kinds.push_back(token.kind);
    texts.push_back(token.value);
  }
  EXPECT_EQ(kinds,
            (std::vector<TokenKind>{
                TokenKind::bang, TokenKind::dollar, TokenKind::ampersand, TokenKind::paren_open,
                TokenKind::paren_close, TokenKind::spread, TokenKind::colon, TokenKind::equals,
                TokenKind::at, TokenKind::bracket_open, TokenKind::bracket_close,
                TokenKind::brace_open, TokenKind::pipe, TokenKind::brace_close}));
  EXPECT_EQ(texts, (std::vector<std::string>{"!", "$", "&", "(", ")", "...", ":", "=", "@", "[",
                                             "]", "{", "|", "}"}));
  EXPECT_EQ(tokens[5].location, (SourceLocation{1, 11}));
  EXPECT_EQ(tokens[6].location, (SourceLocation{1, 15}));
}

TEST(Lexer, SkipsIgnoredTokensAndCountsLines) {
  // Spaces, tabs, commas, comments, a BOM, and each kind of line terminator.
  auto tokens = lex("\xEF\xBB\xBF a,,\tb # comment, with {punctuation}\nc\r\nd\re\xEF\xBB\xBF f");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].value, "a");
  EXPECT_EQ(tokens[0].location, (SourceLocation{1, 3}));  // the BOM is one character
  EXPECT_EQ(tokens[1].location, (SourceLocation{1, 7}));  // a tab is one column
  EXPECT_EQ(tokens[2].value, "c");
  EXPECT_EQ(tokens[2].location, (SourceLocation{2, 1}));
  EXPECT_EQ(tokens[3].location, (SourceLocation{3, 1}));  // \r\n is one line terminator
  EXPECT_EQ(tokens[4].location, (SourceLocation{4, 1}));  // so is a lone \r
  EXPECT_EQ(tokens[5].value, "f");
  EXPECT_EQ(tokens[5].location, (SourceLocation{4, 4}));
}

TEST(Lexer, CountsColumnsInCodePoints) {
  // Devanagari letters are 3 bytes each, the graduation cap 4: each is one column.
  auto tokens = lex("\"दिशा\" x # 🎓\n\"🎓\" y");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].location, (SourceLocation{1, 8}));
  EXPECT_EQ(tokens[3].location, (SourceLocation{2, 5}));
}

TEST(Lexer, ReadsNames) {
  auto tokens = lex("_ a1 B_2 __typename query");
  ASSERT_EQ(tokens.size(), 5u);
  for (const auto& token : tokens) EXPECT_EQ(token.kind, TokenKind::name);
  EXPECT_EQ(tokens[2].value, "B_2");
  EXPECT_EQ(tokens[3].value, "__typename");
}

TEST(Lexer, ReadsIntegers) {
  for (std::string_view source : {"0", "-0", "7", "123", "-123", "9007199254740993"}) {
    Lexed token = only_token(source);
    EXPECT_EQ(token.kind, TokenKind::int_value) << source;
    EXPECT_EQ(token.value, source);
  }
}

TEST(Lexer, ReadsFloats) {
  for (std::string_view source :
       {"0.0", "-0.0", "1.5", "1e50", "6.0221413e23", "1E+5", "1e-5", "-1.5e-10", "0e0", "12.43"}) {
    Lexed token = only_token(source);
    EXPECT_EQ(token.kind, TokenKind::float_value) << source;
    EXPECT_EQ(token.value, source);
  }
}

TEST(Lexer, EndsNumbersAtPunctuatorsAndIgnoredTokens) {
  auto tokens = lex("[1,-2 3.5]4)");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[1].value, "1");
  EXPECT_EQ(tokens[2].value, "-2");
  EXPECT_EQ(tokens[3].value, "3.5");
  EXPECT_EQ(tokens[5].value, "4");
}

TEST(Lexer, RejectsNumbersTheGrammarForbids) {
  expect_error("0x1", "Invalid number, unexpected \"x\" after \"0\"", {1, 2});
  expect_error("01", "unexpected digit after 0: \"1\"", {1, 2});
  expect_error("00", "unexpected digit after 0", {1, 2});
  expect_error("-01", "unexpected digit after 0", {1, 3});
  expect_error("1.", "expected a digit after \".\", found <EOF>", {1, 3});
  expect_error("1.e5", "expected a digit after \".\", found \"e\"", {1, 3});
  expect_error(".5", "a number needs a digit before its \".\"", {1, 1});
  expect_error("123abc", "unexpected \"a\" after \"123\"", {1, 4});
  expect_error("123L", "unexpected \"L\"", {1, 4});
  expect_error("1_", "unexpected \"_\"", {1, 2});
  expect_error("1.2e", "expected a digit in the exponent, found <EOF>", {1, 5});
  expect_error("1e+", "expected a digit in the exponent", {1, 4});
  expect_error("1.2.3", "unexpected \".\" after \"1.2\"", {1, 4});
  expect_error("1.23.4", "unexpected \".\"", {1, 5});
  expect_error("0x1.2p3", "unexpected \"x\"", {1, 2});
  expect_error("1e5e", "unexpected \"e\" after \"1e5\"", {1, 4});
  expect_error("-", "expected a digit after \"-\", found <EOF>", {1, 2});
  expect_error("-a", "expected a digit after \"-\", found \"a\"", {1, 2});
  expect_error("{ a(x: 1) b(x: 1x) }", "Invalid number", {1, 17});
}

TEST(Lexer, ReadsStrings) {
  EXPECT_EQ(string_value(R"("")"), "");
  EXPECT_EQ(string_value(R"("simple")"), "simple");
  EXPECT_EQ(string_value(R"(" white space ")"), " white space ");
  EXPECT_EQ(string_value(R"("quote \"")"), "quote \"");
  EXPECT_EQ(string_value(R"("escaped \n\r\b\t\f")"), "escaped \n\r\b\t\f");
  EXPECT_EQ(string_value(R"("slashes \\ \/")"), "slashes \\ /");
  EXPECT_EQ(string_value("\"unescaped दिशा 🎓\""), "unescaped दिशा 🎓");
  // Control characters other than line terminators are source characters too.
  EXPECT_EQ(string_value("\"tab\there\x01\""), "tab\there\x01");
}

TEST(Lexer, DecodesUnicodeEscapes) {
  EXPECT_EQ(string_value(R"("\u0041\u00e9\u20B9")"), "Aé₹");
  EXPECT_EQ(string_value(R"("unicode \u1234\u5678\u90AB\uCDEF")"),
            "unicode \u1234\u5678\u90AB\uCDEF");
  EXPECT_EQ(string_value(R"("\u{1F4A9}")"), "\xF0\x9F\x92\xA9");
  EXPECT_EQ(string_value(R"("\uD83D\uDCA9")"), "\xF0\x9F\x92\xA9");  // the legacy surrogate pair
  EXPECT_EQ(string_value(R"("\uD800\uDC00\uDBFF\uDFFF")"), "\U00010000\U0010FFFF");
  EXPECT_EQ(string_value(R"("\u{0}")"), std::string(1, '\0'));
  EXPECT_EQ(string_value(R"("\u{00000041}")"), "A");
  EXPECT_EQ(string_value(R"("\u{10FFFF}")"), "\U0010FFFF");
  EXPECT_EQ(string_value(R"("a\u{62}c\n")"), "abc\n");
}

TEST(Lexer, RejectsMalformedStrings) {
  expect_error(R"("unterminated)", "Unterminated string.", {1, 14});
  expect_error("\"line\nbreak\"", "Unterminated string: write a line break as \\n", {1, 6});
  expect_error("\"line\rbreak\"", "Unterminated string", {1, 6});
  expect_error(R"("ends with \)", "Unterminated string", {1, 13});
  expect_error(R"("bad \x")", "Invalid escape sequence: \\ followed by \"x\"", {1, 6});
  expect_error("\"bad \\\x01\"", "Invalid escape sequence: \\ followed by U+0001", {1, 6});
  expect_error(R"("\u12")", "\\u takes four hexadecimal digits", {1, 2});
  expect_error(R"("\u12G4")", "\\u takes four hexadecimal digits", {1, 2});
  expect_error(R"("\u{}")", "\\u{ takes hexadecimal digits and a }", {1, 2});
  expect_error(R"("\u{41")", "\\u{ takes hexadecimal digits and a }", {1, 2});
  expect_error(R"("\u{110000}")", "\"\\u{110000}\": not a Unicode scalar value", {1, 2});
  expect_error(R"("\u{FFFFFFFFFFFF}")", "not a Unicode scalar value", {1, 2});
  expect_error(R"("\u{D800}")", "not a Unicode scalar value", {1, 2});
  expect_error(R"("x\uDEAD")", "\"\\uDEAD\": a trailing surrogate must follow a leading one",
               {1, 3});
  expect_error(R"("\uD83D")", "a leading surrogate must be followed by a trailing surrogate",
               {1, 2});
  expect_error(R"("\uD83Dx")", "a leading surrogate must be followed", {1, 2});
  expect_error(R"("\uD83D\u0041")", "a leading surrogate must be followed", {1, 2});
  expect_error(R"("\uD83D\u{DCA9}")", "a leading surrogate must be followed", {1, 2});
  expect_error(R"("\uD83D\uD83D")", "a leading surrogate must be followed", {1, 2});
}

TEST(Lexer, RejectsInvalidUtf8WhereverItIs) {
  expect_error("\"a\xFF\"", "Invalid UTF-8", {1, 3});
  expect_error("\"\xC0\xAF\"", "Invalid UTF-8", {1, 2});          // overlong '/'
  expect_error("\"\xED\xA0\x80\"", "Invalid UTF-8", {1, 2});      // an encoded surrogate
  expect_error("\"\xF4\x90\x80\x80\"", "Invalid UTF-8", {1, 2});  // past U+10FFFF
  expect_error("\"\xE2\x82\"", "Invalid UTF-8", {1, 2});          // truncated
  expect_error("\"é\x80\"", "Invalid UTF-8", {1, 3});             // stray continuation byte
  expect_error("# comment \xFF\n{a}", "Invalid UTF-8", {1, 11});
  expect_error("{a}\n\xFF", "Invalid UTF-8", {2, 1});
  expect_error("\"\"\"\nblock\n\xFF\"\"\"", "Invalid UTF-8", {3, 1});
}

TEST(Lexer, RejectsCharactersOutsideTheGrammar) {
  expect_error("{ a % b }", "Unexpected character \"%\".", {1, 5});
  expect_error("?", "Unexpected character \"?\".", {1, 1});
  expect_error("\x07", "Unexpected character U+0007.", {1, 1});
  expect_error(std::string_view("\0", 1), "Unexpected character U+0000.", {1, 1});
  expect_error("é", "Unexpected character U+00E9.", {1, 1});
  expect_error("\xC2\xA0", "Unexpected character U+00A0.", {1, 1});  // no-break space
  expect_error("'text'", "Unexpected single quote character ('): GraphQL strings use double",
               {1, 1});
  expect_error("..", "Unexpected character \".\".", {1, 1});
  expect_error("a . b", "Unexpected character \".\".", {1, 3});
}

TEST(Lexer, ReadsBlockStrings) {
  // The example of spec §2.9.4.
  EXPECT_EQ(string_value("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  "
                         "\"\"\""),
            "Hello,\n  World!\n\nYours,\n  GraphQL.");
  EXPECT_EQ(string_value(R"("""""")"), "");  // one empty block string, not three strings
  EXPECT_EQ(string_value(R"("""simple""")"), "simple");
  EXPECT_EQ(string_value(R"("""contains " and "" quotes""")"), "contains \" and \"\" quotes");
  EXPECT_EQ(string_value(R"("""escaped \""" quotes""")"), "escaped \"\"\" quotes");
  EXPECT_EQ(string_value(R"("""\"""\"""""")"), "\"\"\"\"\"\"");
  // Escape sequences mean nothing in a block string.
  EXPECT_EQ(string_value(R"("""\n\u0041 \\ \t""")"), R"(\n\u0041 \\ \t)");
  EXPECT_EQ(string_value("\"\"\"\r\n  a\r\n  b\r  c\r\n\"\"\""), "a\nb\nc");
  EXPECT_EQ(string_value("\"\"\"\n  \tदिशा\n  🎓\n\"\"\""), "\tदिशा\n🎓");
}

TEST(Lexer, TracksLinesThroughBlockStrings) {
  auto tokens = lex("\"\"\"a\nb\r\nc\"\"\" x\n  y");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].location, (SourceLocation{1, 1}));
  EXPECT_EQ(tokens[1].location, (SourceLocation{3, 6}));
  EXPECT_EQ(tokens[2].location, (SourceLocation{4, 3}));
}

TEST(Lexer, TellsTwoEmptyStringsFromABlockString) {
  auto tokens = lex(R"("" "")");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].location, (SourceLocation{1, 4}));
}

TEST(Lexer, RejectsUnterminatedBlockStrings) {
  expect_error("\"\"\"abc\ndef", "Unterminated block string.", {2, 4});
  expect_error(R"("""abc\""")", "Unterminated block string.", {1, 11});
}

TEST(Lexer, KeepsAnsweringEndOfFile) {
  Lexer lexer("a");
  EXPECT_EQ(lexer.next().kind, TokenKind::name);
  Token end = lexer.next();
  EXPECT_EQ(end.kind, TokenKind::end_of_file);
  EXPECT_EQ(end.location, (SourceLocation{1, 2}));
  EXPECT_EQ(lexer.next().kind, TokenKind::end_of_file);
}

TEST(Lexer, StopsAtTheTokenLimit) {
  EXPECT_EQ(lex("a,,, b c # commas, comments and white space are free\n\n", 3).size(), 3u);
  SyntaxError error = syntax_error_of([] { lex("a b c d", 3); });
  EXPECT_STREQ(error.what(), "Syntax Error: The document has more than 3 tokens.");
  EXPECT_EQ(error.location(), (SourceLocation{1, 7}));
}

TEST(Lexer, DescribesTokensForMessages) {
  EXPECT_EQ(describe({TokenKind::end_of_file, {}, {}}), "<EOF>");
  EXPECT_EQ(describe({TokenKind::brace_open, "{", {}}), "\"{\"");
  EXPECT_EQ(describe({TokenKind::spread, "...", {}}), "\"...\"");
  EXPECT_EQ(describe({TokenKind::name, "user", {}}), "Name \"user\"");
  EXPECT_EQ(describe({TokenKind::int_value, "12", {}}), "Int \"12\"");
  EXPECT_EQ(describe({TokenKind::float_value, "1.5", {}}), "Float \"1.5\"");
  EXPECT_EQ(describe({TokenKind::string_value, "secret", {}}), "String");
  EXPECT_EQ(describe({TokenKind::name, std::string(100, 'n'), {}}),
            "Name \"" + std::string(32, 'n') + "...\"");
}

TEST(BlockStringValue, FollowsTheSpecAlgorithm) {
  EXPECT_EQ(block_string_value(""), "");
  EXPECT_EQ(block_string_value("\n\n  Hello,\n    World!\n\n  Yours,\n    GraphQL.\n"),
            "Hello,\n  World!\n\nYours,\n  GraphQL.");
  // The first line keeps its indentation and does not count towards the common one.
  EXPECT_EQ(block_string_value("  first\n    second\n    third"), "  first\nsecond\nthird");
  EXPECT_EQ(block_string_value("hello\n    world"), "hello\nworld");
  // Blank lines neither count towards the indentation nor survive at either end.
  EXPECT_EQ(block_string_value("\n    a\n  \n    b\n"), "a\n\nb");
  EXPECT_EQ(block_string_value("  \n\t\n  text  \n  \n"), "text  ");
  EXPECT_EQ(block_string_value(" \n  \t \n"), "");
  // Tabs are white space, one character each.
  EXPECT_EQ(block_string_value("\n\ta\n\t\tb"), "a\n\tb");
  EXPECT_EQ(block_string_value("\n    a\n  b\n      c"), "  a\nb\n    c");
  EXPECT_EQ(block_string_value("a\r\n  b\r  c"), "a\nb\nc");
  EXPECT_EQ(block_string_value("\n  दिशा\n    🎓"), "दिशा\n  🎓");
}

}  // namespace
}  // namespace disha::graphql
