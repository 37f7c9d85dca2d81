#include "graphql/parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "graphql/printer.hpp"
#include "test_support.hpp"

namespace disha::graphql {
namespace {

using ::testing::HasSubstr;

const OperationDefinition& operation_at(const Document& document, std::size_t index = 0) {
  return std::get<OperationDefinition>(document.definitions.at(index));
}
const FragmentDefinition& fragment_at(const Document& document, std::size_t index) {
  return std::get<FragmentDefinition>(document.definitions.at(index));
}
const Field& field_of(const Selection& selection) {
  return std::get<Field>(selection.node);
}
const Field& first_field(const Document& document) {
  return field_of(operation_at(document).selection_set.at(0));
}
const Value& argument_value(const Field& field, std::string_view name) {
  for (const Argument& argument : field.arguments) {
    if (argument.name == name) return argument.value;
  }
  throw std::out_of_range("no argument " + std::string(name));
}

void expect_error(std::string_view source, std::string_view message, SourceLocation location,
                  const ParseLimits& limits = {}) {
  SCOPED_TRACE(testing::Message() << "source: " << source);
  SyntaxError error = syntax_error_of([&] { parse(std::string(source), limits); });
  EXPECT_THAT(error.what(), HasSubstr(message));
  EXPECT_EQ(error.location(), location);
}

TEST(Parser, ParsesEveryExecutableExampleOfTheSpec) {
  for (std::string_view example : kSpecExamples) {
    SCOPED_TRACE(example);
    EXPECT_NO_THROW(parse(std::string(example)));
  }
}

TEST(Parser, ReadsAMutationWithNestedSelections) {
  Document document = parse(std::string(kSpecExamples[0]));
  ASSERT_EQ(document.definitions.size(), 1u);
  const OperationDefinition& mutation = operation_at(document);
  EXPECT_EQ(mutation.operation, OperationType::mutation);
  EXPECT_TRUE(mutation.name.empty());
  const Field& like_story = first_field(document);
  EXPECT_EQ(like_story.name, "likeStory");
  EXPECT_EQ(std::get<IntValue>(argument_value(like_story, "storyID").node).text, "12345");
  const Field& story = field_of(like_story.selection_set.at(0));
  EXPECT_EQ(story.name, "story");
  EXPECT_EQ(field_of(story.selection_set.at(0)).name, "likeCount");
  EXPECT_TRUE(field_of(story.selection_set.at(0)).selection_set.empty());
}

TEST(Parser, ReadsTheQueryShorthand) {
  Document document = parse("{ field }");
  const OperationDefinition& query = operation_at(document);
  EXPECT_EQ(query.operation, OperationType::query);
  EXPECT_TRUE(query.name.empty());
  EXPECT_TRUE(query.variable_definitions.empty());
  EXPECT_TRUE(query.directives.empty());
  EXPECT_EQ(first_field(document).name, "field");
}

TEST(Parser, ReadsSeveralOperationsAroundComments) {
  // Two anonymous operations parse; that only one may be anonymous is a validation rule.
  Document document = parse(std::string(kSpecExamples[4]));
  ASSERT_EQ(document.definitions.size(), 2u);
  EXPECT_EQ(first_field(document).name, "me");
  EXPECT_EQ(operation_at(document, 1).location, (SourceLocation{10, 1}));
}

TEST(Parser, ReadsAliasesAndTheirResponseKeys) {
  Document document = parse(std::string(kSpecExamples[9]));
  const Field& user = first_field(document);
  ASSERT_EQ(user.selection_set.size(), 4u);
  const Field& small = field_of(user.selection_set[2]);
  EXPECT_EQ(small.alias, "smallPic");
  EXPECT_EQ(small.name, "profilePic");
  EXPECT_EQ(small.response_key(), "smallPic");
  EXPECT_EQ(std::get<IntValue>(argument_value(small, "size").node).text, "64");
  EXPECT_EQ(field_of(user.selection_set[0]).response_key(), "id");
}

TEST(Parser, KeepsArgumentsInSourceOrder) {
  Document document = parse(std::string(kSpecExamples[8]));
  const Field& picture = first_field(document);
  ASSERT_EQ(picture.arguments.size(), 2u);
  EXPECT_EQ(picture.arguments[0].name, "height");
  EXPECT_EQ(picture.arguments[1].name, "width");
}

TEST(Parser, ReadsFragmentsAndTheirSpreads) {
  Document document = parse(std::string(kSpecExamples[13]));
  ASSERT_EQ(document.definitions.size(), 3u);
  EXPECT_EQ(operation_at(document).name, "withNestedFragments");
  const FragmentDefinition& friend_fields = fragment_at(document, 1);
  EXPECT_EQ(friend_fields.name, "friendFields");
  EXPECT_EQ(friend_fields.type_condition, "User");
  ASSERT_EQ(friend_fields.selection_set.size(), 3u);
  const auto& spread = std::get<FragmentSpread>(friend_fields.selection_set[2].node);
  EXPECT_EQ(spread.name, "standardProfilePic");
  EXPECT_EQ(spread.location, (SourceLocation{15, 3}));
  EXPECT_EQ(fragment_at(document, 2).name, "standardProfilePic");
}

TEST(Parser, ReadsListArgumentsAndFragmentTyping) {
  Document document = parse(std::string(kSpecExamples[14]));
  const Field& profiles = first_field(document);
  const auto& handles = std::get<ListValue>(argument_value(profiles, "handles").node);
  ASSERT_EQ(handles.values.size(), 2u);
  EXPECT_EQ(std::get<StringValue>(handles.values[1].node).value, "coca-cola");
  EXPECT_EQ(fragment_at(document, 2).type_condition, "Page");
}

TEST(Parser, ReadsInlineFragmentsWithAndWithoutTypeConditions) {
  Document typed = parse(std::string(kSpecExamples[15]));
  const Field& profiles = first_field(typed);
  const auto& on_user = std::get<InlineFragment>(profiles.selection_set.at(1).node);
  EXPECT_EQ(on_user.type_condition, "User");
  EXPECT_EQ(field_of(on_user.selection_set.at(0)).name, "friends");
  EXPECT_EQ(std::get<InlineFragment>(profiles.selection_set.at(2).node).type_condition, "Page");

  Document untyped = parse(std::string(kSpecExamples[16]));
  const OperationDefinition& operation = operation_at(untyped);
  ASSERT_EQ(operation.variable_definitions.size(), 1u);
  EXPECT_EQ(operation.variable_definitions[0].name, "expandedInfo");
  EXPECT_EQ(operation.variable_definitions[0].type.name, "Boolean");
  const auto& fragment = std::get<InlineFragment>(first_field(untyped).selection_set.at(2).node);
  EXPECT_TRUE(fragment.type_condition.empty());
  ASSERT_EQ(fragment.directives.size(), 1u);
  EXPECT_EQ(fragment.directives[0].name, "include");
  EXPECT_EQ(std::get<Variable>(fragment.directives[0].arguments.at(0).value.node).name,
            "expandedInfo");
  EXPECT_EQ(fragment.selection_set.size(), 3u);
}

TEST(Parser, GivesABlockStringTheValueOfItsQuotedTwin) {
  auto message = [](std::string_view source) {
    Document document = parse(std::string(source));
    return std::get<StringValue>(argument_value(first_field(document), "message").node).value;
  };
  EXPECT_EQ(message(kSpecExamples[17]), "Hello,\n  World!\n\nYours,\n  GraphQL.");
  EXPECT_EQ(message(kSpecExamples[17]), message(kSpecExamples[18]));
}

TEST(Parser, TellsExplicitNullFromAnAbsentArgument) {
  Document document = parse(std::string(kSpecExamples[19]));
  const auto& selections = operation_at(document).selection_set;
  ASSERT_EQ(selections.size(), 2u);
  EXPECT_TRUE(
      std::holds_alternative<NullValue>(argument_value(field_of(selections[0]), "arg").node));
  EXPECT_TRUE(field_of(selections[1]).arguments.empty());
}

TEST(Parser, ReadsObjectValuesInSourceOrder) {
  Document document = parse(std::string(kSpecExamples[20]));
  const auto& location =
      std::get<ObjectValue>(argument_value(first_field(document), "location").node);
  ASSERT_EQ(location.fields.size(), 2u);
  EXPECT_EQ(location.fields[0].name, "lon");
  EXPECT_EQ(std::get<FloatValue>(location.fields[0].value.node).text, "12.43");
  EXPECT_EQ(location.fields[1].name, "lat");
  EXPECT_EQ(std::get<FloatValue>(location.fields[1].value.node).text, "-53.211");
}

TEST(Parser, ReadsVariablesAndTheirUses) {
  Document document = parse(std::string(kSpecExamples[22]));
  const OperationDefinition& operation = operation_at(document);
  EXPECT_EQ(operation.name, "getZuckProfile");
  ASSERT_EQ(operation.variable_definitions.size(), 1u);
  const VariableDefinition& size = operation.variable_definitions[0];
  EXPECT_EQ(size.name, "devicePicSize");
  EXPECT_EQ(size.type.kind, TypeReference::Kind::named);
  EXPECT_FALSE(size.default_value);
  EXPECT_EQ(size.location, (SourceLocation{1, 22}));
  const Field& picture = field_of(first_field(document).selection_set.at(2));
  EXPECT_EQ(std::get<Variable>(argument_value(picture, "size").node).name, "devicePicSize");
}

TEST(Parser, ReadsEveryKindOfValue) {
  Document document = parse(
      R"({ f(v: $v, i: -1, fl: -1.5e3, s: "s\n", bs: """ b """, t: true, f: false, n: null,
            e: ENUM_VALUE, l: [1, "two", [3]], o: {k: {l: $v}}, el: [], eo: {}) })");
  const Field& f = first_field(document);
  EXPECT_EQ(std::get<Variable>(argument_value(f, "v").node).name, "v");
  EXPECT_EQ(std::get<IntValue>(argument_value(f, "i").node).text, "-1");
  EXPECT_EQ(std::get<FloatValue>(argument_value(f, "fl").node).text, "-1.5e3");
  EXPECT_EQ(std::get<StringValue>(argument_value(f, "s").node).value, "s\n");
  EXPECT_EQ(std::get<StringValue>(argument_value(f, "bs").node).value, " b ");
  EXPECT_TRUE(std::get<BooleanValue>(argument_value(f, "t").node).value);
  EXPECT_FALSE(std::get<BooleanValue>(argument_value(f, "f").node).value);
  EXPECT_TRUE(std::holds_alternative<NullValue>(argument_value(f, "n").node));
  EXPECT_EQ(std::get<EnumValue>(argument_value(f, "e").node).name, "ENUM_VALUE");
  const auto& list = std::get<ListValue>(argument_value(f, "l").node);
  ASSERT_EQ(list.values.size(), 3u);
  EXPECT_EQ(std::get<ListValue>(list.values[2].node).values.size(), 1u);
  const auto& object = std::get<ObjectValue>(argument_value(f, "o").node);
  const auto& inner = std::get<ObjectValue>(object.fields.at(0).value.node);
  EXPECT_EQ(std::get<Variable>(inner.fields.at(0).value.node).name, "v");
  EXPECT_TRUE(std::get<ListValue>(argument_value(f, "el").node).values.empty());
  EXPECT_TRUE(std::get<ObjectValue>(argument_value(f, "eo").node).fields.empty());
}

TEST(Parser, ReadsOnlyLowercaseBooleansAndNullAsKeywords) {
  Document document = parse("{ f(a: TRUE, b: Null, c: nulls) }");
  const Field& f = first_field(document);
  EXPECT_EQ(std::get<EnumValue>(argument_value(f, "a").node).name, "TRUE");
  EXPECT_EQ(std::get<EnumValue>(argument_value(f, "b").node).name, "Null");
  EXPECT_EQ(std::get<EnumValue>(argument_value(f, "c").node).name, "nulls");
}

TEST(Parser, ReadsTypeReferences) {
  Document document =
      parse("query Q($a: Int, $b: [Int], $c: Int!, $d: [Int!]!, $e: [[ID!]]) { f }");
  const auto& definitions = operation_at(document).variable_definitions;
  ASSERT_EQ(definitions.size(), 5u);
  std::vector<std::string> printed;
  for (const auto& definition : definitions) printed.push_back(print(definition.type));
  EXPECT_EQ(printed, (std::vector<std::string>{"Int", "[Int]", "Int!", "[Int!]!", "[[ID!]]"}));

  const TypeReference& d = definitions[3].type;
  EXPECT_EQ(d.kind, TypeReference::Kind::non_null);
  EXPECT_EQ(d.of_type->kind, TypeReference::Kind::list);
  EXPECT_EQ(d.of_type->of_type->kind, TypeReference::Kind::non_null);
  EXPECT_EQ(d.of_type->of_type->of_type->name, "Int");
  EXPECT_EQ(d.named_type(), "Int");
  EXPECT_EQ(d.location, (SourceLocation{1, 43}));
  EXPECT_EQ(d.of_type->of_type->location, (SourceLocation{1, 44}));
  EXPECT_EQ(definitions[4].type.named_type(), "ID");
}

TEST(Parser, ReadsConstantDefaultValuesAndVariableDirectives) {
  Document document = parse(
      R"(query Q($a: Int = 1, $b: [String] = ["x", null], $c: In = {k: [{n: E}]},
                $d: Boolean = false @deprecated(reason: "old") @other) { f })");
  const auto& definitions = operation_at(document).variable_definitions;
  ASSERT_EQ(definitions.size(), 4u);
  EXPECT_EQ(print(*definitions[0].default_value), "1");
  EXPECT_EQ(print(*definitions[1].default_value), R"(["x", null])");
  EXPECT_EQ(print(*definitions[2].default_value), "{k: [{n: E}]}");
  ASSERT_EQ(definitions[3].directives.size(), 2u);
  EXPECT_EQ(definitions[3].directives[0].name, "deprecated");
  EXPECT_EQ(definitions[3].directives[1].name, "other");
  EXPECT_EQ(definitions[3].directives[1].location, (SourceLocation{2, 64}));
}

TEST(Parser, RefusesVariablesInConstantValues) {
  const std::string_view message = "Unexpected variable: a constant value";
  expect_error("query Q($a: Int = $b) { f }", message, {1, 19});
  expect_error("query Q($a: [Int] = [1, $b]) { f }", message, {1, 25});
  expect_error("query Q($a: In = {k: {l: $b}}) { f }", message, {1, 26});
  expect_error("query Q($a: Int @dir(x: $b)) { f }", message, {1, 25});
  // Outside constant positions variables are fine, however deep.
  EXPECT_NO_THROW(parse("query Q($b: Int) @dir(x: $b) { f(a: [{k: $b}]) @dir(x: $b) }"));
}

TEST(Parser, ReadsDirectivesEverywhereTheyMayBe) {
  Document document = parse(R"(
    query Q @op(a: 1) @op2 {
      f @field(a: 2) @field2
      ...Spread @spread
      ... on T @inline { g }
    }
    fragment Spread on T @fragment(a: 3) { h })");
  const OperationDefinition& operation = operation_at(document);
  ASSERT_EQ(operation.directives.size(), 2u);
  EXPECT_EQ(operation.directives[0].name, "op");
  EXPECT_EQ(operation.directives[0].location, (SourceLocation{2, 13}));
  EXPECT_EQ(operation.directives[1].name, "op2");
  const auto& selections = operation.selection_set;
  EXPECT_EQ(field_of(selections[0]).directives.size(), 2u);
  EXPECT_EQ(field_of(selections[0]).directives[1].name, "field2");
  EXPECT_EQ(std::get<FragmentSpread>(selections[1].node).directives.at(0).name, "spread");
  EXPECT_EQ(std::get<InlineFragment>(selections[2].node).directives.at(0).name, "inline");
  const FragmentDefinition& fragment = fragment_at(document, 1);
  EXPECT_EQ(fragment.directives.at(0).name, "fragment");
  EXPECT_EQ(print(fragment.directives[0].arguments.at(0).value), "3");
}

TEST(Parser, ReadsSubscriptions) {
  Document document =
      parse("subscription OnAnswer($id: ID!) { answerPosted(questionId: $id) { id } }");
  EXPECT_EQ(operation_at(document).operation, OperationType::subscription);
  EXPECT_EQ(operation_at(document).name, "OnAnswer");
}

TEST(Parser, TreatsKeywordsAsOrdinaryNamesWhereANameIsExpected) {
  Document document = parse(
      "query on { query fragment on type: subscription(mutation: null) ...onion ...query }\n"
      "fragment query on on { true }\nfragment onion on fragment { a }");
  EXPECT_EQ(operation_at(document).name, "on");
  const auto& selections = operation_at(document).selection_set;
  ASSERT_EQ(selections.size(), 6u);
  EXPECT_EQ(field_of(selections[2]).name, "on");
  EXPECT_EQ(field_of(selections[3]).alias, "type");
  EXPECT_EQ(std::get<FragmentSpread>(selections[4].node).name, "onion");
  EXPECT_EQ(std::get<FragmentSpread>(selections[5].node).name, "query");
  EXPECT_EQ(fragment_at(document, 1).name, "query");
  EXPECT_EQ(fragment_at(document, 1).type_condition, "on");
}

TEST(Parser, RefusesAFragmentNamedOn) {
  expect_error("fragment on on T { a }", "a fragment needs a name, and not \"on\"", {1, 10});
  expect_error("fragment F T { a }", "Expected \"on\", found Name \"T\".", {1, 12});
  expect_error("fragment F on { a }", "Expected Name, found \"{\".", {1, 15});
}

TEST(Parser, LocatesEveryNode) {
  Document document = parse(
      "\n"
      "query Q($v: Int = 3) {\n"
      "  alias: field(arg: [1, {k: $v}]) @dir(x: \"दिशा\", y: 2) {\n"
      "    ... on T { leaf }\n"
      "    ...F\n"
      "  }\n"
      "}\n"
      "fragment F on T { leaf }\n");
  const OperationDefinition& operation = operation_at(document);
  EXPECT_EQ(operation.location, (SourceLocation{2, 1}));
  const VariableDefinition& variable = operation.variable_definitions.at(0);
  EXPECT_EQ(variable.location, (SourceLocation{2, 9}));
  EXPECT_EQ(variable.type.location, (SourceLocation{2, 13}));
  EXPECT_EQ(variable.default_value->location(), (SourceLocation{2, 19}));

  const Field& field = first_field(document);
  EXPECT_EQ(field.location, (SourceLocation{3, 3}));
  const Argument& arg = field.arguments.at(0);
  EXPECT_EQ(arg.location, (SourceLocation{3, 16}));
  EXPECT_EQ(arg.value.location(), (SourceLocation{3, 21}));
  const auto& list = std::get<ListValue>(arg.value.node);
  EXPECT_EQ(list.values.at(0).location(), (SourceLocation{3, 22}));
  const auto& object = std::get<ObjectValue>(list.values.at(1).node);
  EXPECT_EQ(object.location, (SourceLocation{3, 25}));
  EXPECT_EQ(object.fields.at(0).location, (SourceLocation{3, 26}));
  EXPECT_EQ(object.fields.at(0).value.location(), (SourceLocation{3, 29}));
  const Directive& directive = field.directives.at(0);
  EXPECT_EQ(directive.location, (SourceLocation{3, 35}));
  // Columns count characters: the four Devanagari letters are four columns, not twelve bytes.
  EXPECT_EQ(directive.arguments.at(1).location, (SourceLocation{3, 51}));

  EXPECT_EQ(field.selection_set.at(0).location(), (SourceLocation{4, 5}));
  EXPECT_EQ(
      field_of(std::get<InlineFragment>(field.selection_set[0].node).selection_set.at(0)).location,
      (SourceLocation{4, 16}));
  EXPECT_EQ(field.selection_set.at(1).location(), (SourceLocation{5, 5}));
  EXPECT_EQ(fragment_at(document, 1).location, (SourceLocation{8, 1}));
}

TEST(Parser, ReportsSyntaxErrorsWithTheirLocation) {
  expect_error("", "Syntax Error: Unexpected <EOF>.", {1, 1});
  expect_error("  # only a comment\n", "Unexpected <EOF>.", {2, 1});
  expect_error("{}", "Expected Name, found \"}\".", {1, 2});
  expect_error("{ a { } }", "Expected Name, found \"}\".", {1, 7});
  expect_error("{ a", "Expected Name, found <EOF>.", {1, 4});
  expect_error("{ a } }", "Unexpected \"}\".", {1, 7});
  expect_error("{ a() }", "Expected Name, found \")\".", {1, 5});
  expect_error("{ a(: 1) }", "Expected Name, found \":\".", {1, 5});
  expect_error("{ a(b 1) }", "Expected \":\", found Int \"1\".", {1, 7});
  expect_error("{ a(b: ) }", "Unexpected \")\".", {1, 8});
  expect_error("{ a(b: $) }", "Expected Name, found \")\".", {1, 9});
  expect_error("{ a(b: [1, 2) }", "Unexpected \")\".", {1, 13});
  expect_error("{ a(b: {c 1}) }", "Expected \":\", found Int \"1\".", {1, 11});
  expect_error("{ a(b: {1: 2}) }", "Expected Name, found Int \"1\".", {1, 9});
  expect_error(R"({ f(a: "x" "y") })", "Expected Name, found String.", {1, 12});
  expect_error("{ a @ }", "Expected Name, found \"}\".", {1, 7});
  expect_error("{ ... }", "Expected \"{\", found \"}\".", {1, 7});
  expect_error("{ a | b }", "Expected Name, found \"|\".", {1, 5});
  expect_error("query", "Expected \"{\", found <EOF>.", {1, 6});
  expect_error("mutation M", "Expected \"{\", found <EOF>.", {1, 11});
  expect_error("query Q @dir", "Expected \"{\", found <EOF>.", {1, 13});
  expect_error("query Q(", "Expected \"$\", found <EOF>.", {1, 9});
  expect_error("query Q() { a }", "Expected \"$\", found \")\".", {1, 9});
  expect_error("query Q($a) { f }", "Expected \":\", found \")\".", {1, 11});
  expect_error("query Q($a: ) { f }", "Expected Name, found \")\".", {1, 13});
  expect_error("query Q($a: [Int) { f }", "Expected \"]\", found \")\".", {1, 17});
  expect_error("query Q($a: Int!!) { f }", "Expected \"$\", found \"!\".", {1, 17});
  expect_error("& { a }", "Unexpected \"&\".", {1, 1});
  expect_error("Query { a }", "Unexpected Name \"Query\".", {1, 1});
  expect_error("{ a }\n\nfragment", "Expected Name, found <EOF>.", {3, 9});
}

TEST(Parser, RefusesTypeSystemDefinitions) {
  const std::string_view message =
      "a document sent for execution holds only operations and fragments, not type-system";
  expect_error("type Query { someField: String }", "Unexpected Name \"type\"", {1, 1});
  for (std::string_view source :
       {"schema { query: Query }", "scalar Date",
        "type Person @addExternalFields(source: "
        "\"profiles\") { name: String }",
        "interface Node { id: ID! }", "union U = A | B", "enum E { A }", "input I { a: Int }",
        "directive @d on FIELD", "extend type Query { b: Int }"}) {
    expect_error(source, message, {1, 1});
  }
  expect_error("\"\"\"\nThis starts with and ends with an empty line.\n\"\"\"\ntype T { a: Int }",
               "Unexpected String: a document sent for execution holds only operations", {1, 1});
  expect_error("{ a }\n  type T { b: Int }", "Unexpected Name \"type\"", {2, 3});
}

TEST(Parser, ThrowsAnErrorTheHttpLayerMapsTo400) {
  try {
    parse("{ a(b: ) }");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::bad_request);
    EXPECT_EQ(error.field(), "query");
    EXPECT_STREQ(error.what(), "Syntax Error: Unexpected \")\".");
    const auto* syntax_error = dynamic_cast<const SyntaxError*>(&error);
    ASSERT_NE(syntax_error, nullptr);
    EXPECT_EQ(syntax_error->location(), (SourceLocation{1, 8}));
  }
}

TEST(Parser, KeepsNamesValidWhenTheDocumentMoves) {
  // A short source lives inside a std::string's own buffer; the Document must not depend on it.
  Document document = parse("{a}");
  Document moved = std::move(document);
  std::vector<Document> documents;
  documents.push_back(std::move(moved));
  documents.push_back(parse("{bb}"));
  EXPECT_EQ(first_field(documents[0]).name, "a");
  EXPECT_EQ(first_field(documents[1]).name, "bb");
  EXPECT_EQ(*documents[0].source, "{a}");
}

TEST(Parser, PointsNamesAndNumbersIntoTheDocumentSource) {
  Document document = parse(R"(query Q($v: Int = 42) { f(s: "text", e: ENUM) })");
  const std::string& source = *document.source;
  auto in_source = [&](std::string_view view) {
    return view.data() >= source.data() &&
           view.data() + view.size() <= source.data() + source.size();
  };
  const OperationDefinition& operation = operation_at(document);
  EXPECT_TRUE(in_source(operation.name));
  EXPECT_TRUE(in_source(operation.variable_definitions.at(0).type.name));
  EXPECT_TRUE(
      in_source(std::get<IntValue>(operation.variable_definitions[0].default_value->node).text));
  const Field& f = first_field(document);
  EXPECT_TRUE(in_source(f.name));
  EXPECT_TRUE(in_source(std::get<EnumValue>(argument_value(f, "e").node).name));
  EXPECT_EQ(std::get<StringValue>(argument_value(f, "s").node).value, "text");  // owned
}

TEST(Parser, ParsesRealisticDishaQueries) {
  for (std::string_view query : kDishaQueries) {
    SCOPED_TRACE(query);
    EXPECT_NO_THROW(parse(std::string(query)));
  }

  Document universities = parse(std::string(kDishaQueries[0]));
  const auto& variables = operation_at(universities).variable_definitions;
  ASSERT_EQ(variables.size(), 3u);
  EXPECT_EQ(print(*variables[0].default_value), "20");
  EXPECT_FALSE(variables[1].default_value);
  EXPECT_EQ(print(*variables[2].default_value), "{approvals: [UGC, AICTE], mode: ONLINE}");

  Document compare = parse(std::string(kDishaQueries[1]));
  const VariableDefinition& weights = operation_at(compare).variable_definitions.at(1);
  EXPECT_EQ(print(weights.type), "[FactorWeight!]");
  EXPECT_EQ(std::get<ListValue>(weights.default_value->node).values.size(), 2u);

  Document programme = parse(std::string(kDishaQueries[2]));
  ASSERT_EQ(programme.definitions.size(), 3u);
  const Field& university = first_field(programme);
  EXPECT_EQ(std::get<FragmentSpread>(university.selection_set.at(0).node).name, "UniversityCard");
  const Field& careers = field_of(field_of(university.selection_set.at(1)).selection_set.at(1));
  EXPECT_EQ(careers.directives.at(0).name, "include");
  const Field& emi = field_of(fragment_at(programme, 2).selection_set.at(3));
  EXPECT_EQ(emi.response_key(), "emi");
  EXPECT_EQ(print(argument_value(emi, "annualRate")), "0.105");

  Document roi = parse(std::string(kDishaQueries[4]));
  EXPECT_EQ(first_field(roi).name, "__typename");
}

// --- Limits -------------------------------------------------------------------------------------

TEST(ParseLimits, DefaultToTheDocumentedValues) {
  ParseLimits limits;
  EXPECT_EQ(limits.max_source_bytes, 65536u);
  EXPECT_EQ(limits.max_tokens, 20000u);
  EXPECT_EQ(limits.max_depth, 64u);
}

TEST(ParseLimits, BoundTheSourceLength) {
  std::string at_limit = "{ a }" + std::string(64 * 1024 - 5, ' ');
  EXPECT_NO_THROW(parse(at_limit));
  expect_error(at_limit + " ", "The document is 65537 bytes long, more than the limit of 65536.",
               {1, 1});
  expect_error("{ a }", "more than the limit of 4", {1, 1}, {.max_source_bytes = 4});
}

TEST(ParseLimits, BoundTheTokenCount) {
  const ParseLimits limits{.max_tokens = 5};
  EXPECT_NO_THROW(parse("{ a b c }", limits));
  expect_error("{ a b c d }", "The document has more than 5 tokens.", {1, 11}, limits);
  // The default allows the GraphiQL introspection query many times over, and no more.
  std::string many_fields = "{";
  for (int i = 0; i < 20'000; ++i) many_fields += " a";
  expect_error(many_fields + " }", "more than 20000 tokens", {1, 40'001});
}

TEST(ParseLimits, BoundTheNestingOfSelections) {
  const ParseLimits limits{.max_depth = 3};
  EXPECT_NO_THROW(parse("{ a { b { c } } }", limits));
  expect_error("{ a { b { c { d } } } }", "The document nests deeper than 3 levels.", {1, 13},
               limits);
  expect_error("{ a { ... on T { ... { d } } } }", "nests deeper than 3 levels", {1, 22}, limits);
}

TEST(ParseLimits, BoundTheNestingOfValuesAndTypes) {
  const ParseLimits limits{.max_depth = 3};
  // A value inside a selection set counts on top of the selection set.
  EXPECT_NO_THROW(parse("{ f(a: [[1]], b: {c: {d: 1}}) }", limits));
  expect_error("{ f(a: [[[1]]]) }", "nests deeper than 3 levels", {1, 10}, limits);
  expect_error("{ f(a: {b: [{c: 1}]}) }", "nests deeper than 3 levels", {1, 13}, limits);
  EXPECT_NO_THROW(parse("query Q($a: [[[Int]]] = [[[1]]]) { f }", limits));
  expect_error("query Q($a: [[[[Int]]]]) { f }", "nests deeper than 3 levels", {1, 16}, limits);
  expect_error("query Q($a: In = [[[[1]]]]) { f }", "nests deeper than 3 levels", {1, 21}, limits);
}

TEST(ParseLimits, StopDeepDocumentsBeforeTheStackDoes) {
  // Far deeper than any stack could take if recursion were unbounded.
  const ParseLimits generous{.max_source_bytes = 1 << 24, .max_tokens = 1 << 24};
  const int depth = 1'000'000;
  std::string selections;
  for (int i = 0; i < depth; ++i) selections += "{a";
  expect_error(selections, "nests deeper than 64 levels", {1, 129}, generous);
  expect_error("{ f(a: " + std::string(depth, '[') + ") }", "nests deeper than 64 levels", {1, 71},
               generous);
  std::string objects;
  for (int i = 0; i < depth; ++i) objects += "{a:";
  expect_error("{ f(a: " + objects + ") }", "nests deeper than 64 levels", {1, 197}, generous);
  expect_error("query Q($a: " + std::string(depth, '[') + ") { f }", "nests deeper than 64 levels",
               {1, 77}, generous);
  // The same documents within the default size limit fail the same way.
  expect_error(selections.substr(0, 60'000), "nests deeper than 64 levels", {1, 129});
}

}  // namespace
}  // namespace disha::graphql
