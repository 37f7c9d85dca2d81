#include "graphql/printer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graphql/parser.hpp"
#include "test_support.hpp"

namespace disha::graphql {
namespace {

std::string reprint(std::string_view source) {
  return print(parse(std::string(source)));
}

std::string string_argument(const Document& document) {
  const auto& operation = std::get<OperationDefinition>(document.definitions.at(0));
  const auto& field = std::get<Field>(operation.selection_set.at(0).node);
  return std::get<StringValue>(field.arguments.at(0).value.node).value;
}

TEST(Printer, WritesCanonicalText) {
  const std::string source = R"(
query Q($id: ID!, $n: Int = 3, $tags: [String!] = ["a"] @d) @op(x: 1) {
  alias: field(a: 1, b: "two", c: [1.5, null], d: {e: ENUM, f: $n}, g: [], h: {}) @include(if: true) {
    ...Frag @skip(if: false)
    ... on T { x }
    ... @d { y }
  }
  leaf
}
fragment Frag on T @d { z }
query { short }
mutation { m }
subscription S { s }
query ($v: Int) { v(a: $v) }
query @d { d })";
  EXPECT_EQ(reprint(source),
            R"(query Q($id: ID!, $n: Int = 3, $tags: [String!] = ["a"] @d) @op(x: 1) {
  alias: field(a: 1, b: "two", c: [1.5, null], d: {e: ENUM, f: $n}, g: [], h: {}) @include(if: true) {
    ...Frag @skip(if: false)
    ... on T {
      x
    }
    ... @d {
      y
    }
  }
  leaf
}

fragment Frag on T @d {
  z
}

{
  short
}

mutation {
  m
}

subscription S {
  s
}

query ($v: Int) {
  v(a: $v)
}

query @d {
  d
}
)");
}

TEST(Printer, RoundTripsEveryExample) {
  // Printing is canonical: a printed document parses into a tree that prints the same, so the
  // two trees are the same (locations aside).
  auto check = [](std::string_view source) {
    SCOPED_TRACE(source);
    const std::string once = reprint(source);
    EXPECT_NE(once.find('{'), std::string::npos);
    EXPECT_EQ(reprint(once), once);
  };
  for (std::string_view example : kSpecExamples) check(example);
  for (std::string_view query : kDishaQueries) check(query);
}

TEST(Printer, PrintsEquivalentDocumentsAlike) {
  // A block string and its quoted twin (spec §2.9.4); insignificant commas and white space.
  EXPECT_EQ(reprint(kSpecExamples[17]), reprint(kSpecExamples[18]));
  EXPECT_EQ(reprint("{a,b,,c(x:1,,y:[1,,2])}"), reprint("{ a b c(x: 1 y: [1 2]) }"));
  // Argument and object field order is kept: equal in meaning is not equal in text.
  EXPECT_NE(reprint(kSpecExamples[20]), reprint(kSpecExamples[21]));
}

TEST(Printer, EscapesStringsSoTheyReadBackTheSame) {
  const std::string value =
      "\"quote\" \\ / \b\f\n\r\t \x01\x1F\x7F \xC2\x80\xC2\x9F \xC2\xA0 é 🎓 \\u0041";
  Value string{StringValue{value, {}}};
  const std::string printed = print(string);
  EXPECT_EQ(printed,
            "\"\\\"quote\\\" \\\\ / \\b\\f\\n\\r\\t \\u0001\\u001F\\u007F \\u0080\\u009F \xC2\xA0 "
            "é 🎓 \\\\u0041\"");
  EXPECT_EQ(string_argument(parse("{ f(a: " + printed + ") }")), value);
}

TEST(Printer, TurnsBlockStringsIntoQuotedStringsWithTheSameValue) {
  const std::string source = "{ f(a: \"\"\"\n    x\n      \"quoted\" \\\"\"\" \\n\n  \"\"\") }";
  Document document = parse(source);
  const std::string printed = print(document);
  EXPECT_EQ(printed, "{\n  f(a: \"x\\n  \\\"quoted\\\" \\\"\\\"\\\" \\\\n\")\n}\n");
  EXPECT_EQ(string_argument(parse(printed)), string_argument(document));
}

TEST(Printer, PrintsValuesAndTypesOnOneLine) {
  Document document = parse(
      R"(query ($a: [[Int!]!] = [[1, 2], []]) { f(o: {list: [{x: -1.5e-3}], s: "s", v: $a}) })");
  const auto& operation = std::get<OperationDefinition>(document.definitions.at(0));
  const VariableDefinition& a = operation.variable_definitions.at(0);
  EXPECT_EQ(print(a.type), "[[Int!]!]");
  EXPECT_EQ(print(*a.default_value), "[[1, 2], []]");
  const auto& field = std::get<Field>(operation.selection_set.at(0).node);
  EXPECT_EQ(print(field.arguments.at(0).value), R"({list: [{x: -1.5e-3}], s: "s", v: $a})");
}

}  // namespace
}  // namespace disha::graphql
