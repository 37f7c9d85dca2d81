// Validation (spec §5, October 2021) against the pet-store schema the spec's examples use, with
// the messages and locations graphql-js 16 reports. Each rule has the spec's valid and invalid
// examples (completed where the spec leaves out an operation or a sub-selection, so that only
// the rule under test speaks), plus the cases graphql-js's own tests made us care about.
#include "graphql/validation.hpp"

#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/parser.hpp"
#include "graphql/schema.hpp"
#include "pet_schema.hpp"
#include "test_support.hpp"

namespace disha::graphql {
namespace {

using testing::build_pet_schema;

const Schema& pet_schema() {
  static const auto schema = build_pet_schema();
  return *schema;
}

struct Expected {
  std::string message;
  std::vector<SourceLocation> locations;
};

std::vector<GraphQLError> errors_of(std::string_view document, std::size_t max_errors = 100) {
  return validate(pet_schema(), parse(std::string(document)), max_errors);
}

std::string listed(const std::vector<GraphQLError>& errors) {
  std::string out;
  for (const auto& error : errors) {
    out += "\n  " + error.message + " @";
    for (const auto& location : error.locations) {
      out += " " + std::to_string(location.line) + ":" + std::to_string(location.column);
    }
  }
  return out;
}

void expect_valid(std::string_view document) {
  const auto errors = errors_of(document);
  EXPECT_TRUE(errors.empty()) << document << "\ngave:" << listed(errors);
}

void expect_errors(std::string_view document, const std::vector<Expected>& expected) {
  const auto errors = errors_of(document);
  ASSERT_EQ(errors.size(), expected.size()) << document << "\ngave:" << listed(errors);
  for (std::size_t index = 0; index < expected.size(); ++index) {
    EXPECT_EQ(errors[index].message, expected[index].message) << document;
    EXPECT_EQ(errors[index].locations, expected[index].locations) << errors[index].message;
  }
}

// Only the errors whose message starts with `prefix`, for documents that break several rules.
std::vector<std::string> messages_starting(std::string_view document, std::string_view prefix) {
  std::vector<std::string> messages;
  for (const auto& error : errors_of(document)) {
    if (error.message.starts_with(prefix)) messages.push_back(error.message);
  }
  return messages;
}

constexpr std::string_view kConflictAdvice =
    ". Use different aliases on the fields to fetch both if this was intentional.";

// ---- §5.2 Operations

TEST(ValidationOperations, UniqueNamesAcceptDistinctNames) {
  expect_valid(R"(query getDogName { dog { name } }
query getOwnerName { dog { owner { name } } })");
}

TEST(ValidationOperations, UniqueNamesRejectARepeatedName) {
  expect_errors(R"(query getName { dog { name } }
query getName { dog { owner { name } } })",
                {{"There can be only one operation named \"getName\".", {{1, 7}, {2, 7}}}});
}

TEST(ValidationOperations, UniqueNamesSpanOperationTypes) {
  expect_errors(R"(query dogOperation { dog { name } }
mutation dogOperation { addPet(input: {name: "Rex"}) { name } })",
                {{"There can be only one operation named \"dogOperation\".", {{1, 7}, {2, 10}}}});
}

TEST(ValidationOperations, LoneAnonymousOperationIsAccepted) {
  expect_valid("{ dog { name } }");
}

TEST(ValidationOperations, AnonymousOperationMustBeAlone) {
  expect_errors(R"({ dog { name } }
query getName { dog { owner { name } } })",
                {{"This anonymous operation must be the only defined operation.", {{1, 1}}}});
}

TEST(ValidationOperations, SubscriptionsAreNotConfigured) {
  expect_errors("subscription sub { newMessage { body } }",
                {{"Schema is not configured to execute subscription operation.", {{1, 1}}}});
}

TEST(ValidationOperations, MutationsRunOnTheMutationType) {
  expect_valid(R"(mutation { addPet(input: {name: "Rex", command: SIT}) { name } })");
}

// ---- §5.3 Fields

TEST(ValidationFields, FieldsMustExistOnTheirType) {
  expect_errors(R"({ dog { ...fieldNotDefined ...aliasedLyingFieldTargetNotDefined } }
fragment fieldNotDefined on Dog { meowVolume }
fragment aliasedLyingFieldTargetNotDefined on Dog { barkVolume: kawVolume })",
                {{"Cannot query field \"meowVolume\" on type \"Dog\".", {{2, 35}}},
                 {"Cannot query field \"kawVolume\" on type \"Dog\".", {{3, 53}}}});
}

TEST(ValidationFields, InterfaceFieldsMayBeSelected) {
  expect_valid(R"({ pet { ...interfaceFieldSelection } }
fragment interfaceFieldSelection on Pet { name })");
}

TEST(ValidationFields, ImplementerFieldsAreNotOnTheInterface) {
  expect_errors(R"({ pet { ...definedOnImplementersButNotInterface } }
fragment definedOnImplementersButNotInterface on Pet { nickname })",
                {{"Cannot query field \"nickname\" on type \"Pet\".", {{2, 56}}}});
}

TEST(ValidationFields, UnionsOfferOnlyTypename) {
  expect_valid(R"({ catOrDog { ...inDirectFieldSelectionOnUnion } }
fragment inDirectFieldSelectionOnUnion on CatOrDog {
  __typename
  ... on Pet { name }
  ... on Dog { barkVolume }
})");
  expect_errors(R"({ catOrDog { ...directFieldSelectionOnUnion } }
fragment directFieldSelectionOnUnion on CatOrDog { directField })",
                {{"Cannot query field \"directField\" on type \"CatOrDog\".", {{2, 52}}}});
}

TEST(ValidationFields, MetaFieldsBelongToTheQueryRoot) {
  expect_valid(R"({ __typename __schema { queryType { name } } __type(name: "Dog") { name }
  dog { __typename } catOrDog { __typename } })");
  expect_errors("{ dog { __schema { queryType { name } } __type(name: \"Dog\") { name } } }",
                {{"Cannot query field \"__schema\" on type \"Dog\".", {{1, 9}}},
                 {"Cannot query field \"__type\" on type \"Dog\".", {{1, 41}}}});
  expect_errors("mutation { __schema { queryType { name } } }",
                {{"Cannot query field \"__schema\" on type \"Mutation\".", {{1, 12}}}});
}

TEST(ValidationFields, MetaFieldArgumentsAreRequired) {
  expect_errors("{ __type { name } }", {{"Field \"__type\" argument \"name\" of type \"String!\" "
                                         "is required, but it was not provided.",
                                         {{1, 3}}}});
}

TEST(ValidationFields, LeafFieldsTakeNoSelection) {
  expect_valid(R"({ dog { ...scalarSelection } }
fragment scalarSelection on Dog { barkVolume })");
  expect_errors(
      R"({ dog { ...scalarSelectionsNotAllowedOnInt } }
fragment scalarSelectionsNotAllowedOnInt on Dog {
  barkVolume @include(if: true) {
    sinceWhen
  }
})",
      {{"Field \"barkVolume\" must not have a selection since type \"Int\" has no subfields.",
        {{3, 33}}}});
  expect_errors(
      "{ __typename { name } }",
      {{"Field \"__typename\" must not have a selection since type \"String!\" has no subfields.",
        {{1, 14}}}});
}

TEST(ValidationFields, CompositeFieldsNeedASelection) {
  expect_errors("query directQueryOnObjectWithoutSubFields { human }",
                {{"Field \"human\" of type \"Human\" must have a selection of subfields. Did you "
                  "mean \"human { ... }\"?",
                  {{1, 45}}}});
  expect_errors("query directQueryOnInterfaceWithoutSubFields { pet }",
                {{"Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean "
                  "\"pet { ... }\"?",
                  {{1, 48}}}});
  expect_errors("query directQueryOnUnionWithoutSubFields { catOrDog }",
                {{"Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did "
                  "you mean \"catOrDog { ... }\"?",
                  {{1, 44}}}});
  expect_errors(
      "{ __schema }",
      {{"Field \"__schema\" of type \"__Schema!\" must have a selection of subfields. Did "
        "you mean \"__schema { ... }\"?",
        {{1, 3}}}});
}

// ---- §5.3.2 Field selection merging

TEST(ValidationFieldMerging, IdenticalFieldsMerge) {
  expect_valid(R"({ dog { ...mergeIdenticalFields ...mergeIdenticalAliasesAndFields } }
fragment mergeIdenticalFields on Dog { name name }
fragment mergeIdenticalAliasesAndFields on Dog { otherName: name otherName: name })");
}

TEST(ValidationFieldMerging, AnAliasMustNotHideADifferentField) {
  expect_errors(
      R"({ dog { ...conflictingBecauseAlias } }
fragment conflictingBecauseAlias on Dog {
  name: nickname
  name
})",
      {{"Fields \"name\" conflict because \"nickname\" and \"name\" are different fields" +
            std::string(kConflictAdvice),
        {{3, 3}, {4, 3}}}});
}

TEST(ValidationFieldMerging, IdenticalArgumentsMerge) {
  expect_valid(R"(query ($dogCommand: DogCommand!) {
  a: dog { ...mergeIdenticalFieldsWithIdenticalArgs }
  b: dog { ...mergeIdenticalFieldsWithIdenticalValues }
}
fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand(dogCommand: SIT)
}
fragment mergeIdenticalFieldsWithIdenticalValues on Dog {
  doesKnowCommand(dogCommand: $dogCommand)
  doesKnowCommand(dogCommand: $dogCommand)
})");
}

TEST(ValidationFieldMerging, DifferingArgumentsConflict) {
  const std::string differing =
      "Fields \"doesKnowCommand\" conflict because they have differing arguments" +
      std::string(kConflictAdvice);
  expect_errors(R"({ dog { ...conflictingArgsOnValues } }
fragment conflictingArgsOnValues on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand(dogCommand: HEEL)
})",
                {{differing, {{3, 3}, {4, 3}}}});
  expect_errors(R"(query ($dogCommand: DogCommand!) { dog { ...conflictingArgsValueAndVar } }
fragment conflictingArgsValueAndVar on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand(dogCommand: $dogCommand)
})",
                {{differing, {{3, 3}, {4, 3}}}});
  expect_errors(
      R"(query ($varOne: DogCommand!, $varTwo: DogCommand!) { dog { ...conflictingArgsWithVars } }
fragment conflictingArgsWithVars on Dog {
  doesKnowCommand(dogCommand: $varOne)
  doesKnowCommand(dogCommand: $varTwo)
})",
      {{differing, {{3, 3}, {4, 3}}}});
  expect_errors(R"({ dog { ...differingArgs } }
fragment differingArgs on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand
})",
                {{differing, {{3, 3}, {4, 3}}},
                 {"Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is "
                  "required, but it was "
                  "not provided.",
                  {{4, 3}}}});
}

TEST(ValidationFieldMerging, ArgumentOrderAndObjectFieldOrderDoNotMatter) {
  expect_valid(R"({
  arguments { multipleRequirements(x: 1, y: 2) multipleRequirements(y: 2, x: 1) }
  a: findDog(complex: {name: "a", owner: "b"}) { name }
  a: findDog(complex: {owner: "b", name: "a"}) { name }
})");
}

TEST(ValidationFieldMerging, FieldsOnDifferentObjectTypesMayDiffer) {
  expect_valid(R"({ pet { ...safeDifferingFields ...safeDifferingArgs } }
fragment safeDifferingFields on Pet {
  ... on Dog { volume: barkVolume }
  ... on Cat { volume: meowVolume }
}
fragment safeDifferingArgs on Pet {
  ... on Dog { doesKnowCommand(dogCommand: SIT) }
  ... on Cat { doesKnowCommand(catCommand: JUMP) }
})");
}

TEST(ValidationFieldMerging, ResponseShapesMustAgreeEvenOnDifferentTypes) {
  expect_errors(R"({ pet { ...conflictingDifferingResponses } }
fragment conflictingDifferingResponses on Pet {
  ... on Dog { someValue: nickname }
  ... on Cat { someValue: meowVolume }
})",
                {{"Fields \"someValue\" conflict because they return conflicting types \"String\" "
                  "and \"Int\"" +
                      std::string(kConflictAdvice),
                  {{3, 16}, {4, 16}}}});
  expect_errors(
      R"({ pet { ... on Dog { x: name } ... on Cat { x: nickname } } })",
      {{"Fields \"x\" conflict because they return conflicting types \"String!\" and \"String\"" +
            std::string(kConflictAdvice),
        {{1, 22}, {1, 45}}}});
}

TEST(ValidationFieldMerging, ConflictsDeepInsideAreReportedAtTheTop) {
  expect_errors(R"({
  dog { owner { name } }
  dog { owner { name: pets { name } } }
})",
                {{"Fields \"dog\" conflict because subfields \"owner\" conflict because subfields "
                  "\"name\" conflict "
                  "because \"name\" and \"pets\" are different fields" +
                      std::string(kConflictAdvice),
                  {{2, 3}, {2, 9}, {2, 17}, {3, 3}, {3, 9}, {3, 17}}}});
}

TEST(ValidationFieldMerging, ConflictsBetweenAFieldAndAFragment) {
  expect_errors(
      R"({ dog { name ...nicknameAsName } }
fragment nicknameAsName on Dog { name: nickname })",
      {{"Fields \"name\" conflict because \"name\" and \"nickname\" are different fields" +
            std::string(kConflictAdvice),
        {{1, 9}, {2, 34}}}});
}

TEST(ValidationFieldMerging, ConflictsBetweenTwoFragments) {
  expect_errors(R"({ dog { ...A ...B } }
fragment A on Dog { x: name }
fragment B on Dog { x: barkVolume })",
                {{"Fields \"x\" conflict because \"name\" and \"barkVolume\" are different fields" +
                      std::string(kConflictAdvice),
                  {{2, 21}, {3, 21}}}});
}

TEST(ValidationFieldMerging, RecursiveFragmentsEndTheComparison) {
  const auto errors = errors_of(R"({ dog { ...A } }
fragment A on Dog { name owner { pets { ...A } } ...A })");
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.front().message, "Cannot spread fragment \"A\" within itself.");
}

TEST(ValidationFieldMerging, ManyRepeatedFieldsAreRejectedQuickly) {
  std::string document = "{";
  for (int i = 0; i < 3000; ++i) document += " dog { name }";
  document += " }";
  const auto start = std::chrono::steady_clock::now();
  const auto errors = errors_of(document);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_EQ(errors.size(), 1u) << listed(errors);
  EXPECT_EQ(errors.front().message,
            "The document is too complex to check that its fields can be merged.");
}

TEST(ValidationFieldMerging, NestedFragmentPairsAreComparedOnce) {
  // Each level spreads two differently named copies of the level below, whose expansion
  // doubles at every level: comparing by fragment pairs keeps this linear.
  std::string document = "{ human { ...A0 } }\n";
  constexpr int kLevels = 40;
  for (int level = 0; level < kLevels; ++level) {
    const std::string below = level + 1 < kLevels ? "...A" + std::to_string(level + 1) + " ...B" +
                                                        std::to_string(level + 1)
                                                  : "name";
    for (const char* prefix : {"A", "B"}) {
      document += "fragment " + std::string(prefix) + std::to_string(level) +
                  " on Human { name f: friends { " + below + " } }\n";
    }
  }
  document += "{ human { ...B0 } }\n";
  const auto start = std::chrono::steady_clock::now();
  const auto errors = errors_of(document);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // Two anonymous operations; nothing else is wrong.
  ASSERT_EQ(errors.size(), 2u) << listed(errors);
  EXPECT_EQ(errors[0].message, "This anonymous operation must be the only defined operation.");
}

TEST(ValidationFieldMerging, FragmentsThatOnlySpreadFragmentsStayCheap) {
  // No fields to compare, but every pair of fragments is a step: the steps are bounded too.
  constexpr int kFragments = 400;
  std::string document = "{ dog { ...F0 ...F1 ...F2 } }\n";
  for (int index = 0; index < kFragments; ++index) {
    document += "fragment F" + std::to_string(index) + " on Dog {";
    for (int next = index + 1; next <= index + 8 && next < kFragments; ++next)
      document += " ...F" + std::to_string(next);
    document += index + 1 == kFragments ? " name }\n" : " }\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto errors = errors_of(document);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  for (const auto& error : errors) {
    EXPECT_EQ(error.message, "The document is too complex to check that its fields can be merged.");
  }
}

// ---- §5.4 Arguments

TEST(ValidationArguments, KnownArgumentsAreAccepted) {
  expect_valid(R"({ dog { ...argOnRequiredArg ...argOnOptional } }
fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }
fragment argOnOptional on Dog { isHouseTrained(atOtherHomes: true) @include(if: true) })");
}

TEST(ValidationArguments, UnknownFieldArgumentsAreRejected) {
  expect_errors(R"({ dog { ...invalidArgName } }
fragment invalidArgName on Dog { doesKnowCommand(command: CLEAN_UP_HOUSE) })",
                {{"Unknown argument \"command\" on field \"Dog.doesKnowCommand\".", {{2, 50}}},
                 {"Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is "
                  "required, but it was "
                  "not provided.",
                  {{2, 34}}}});
}

TEST(ValidationArguments, UnknownDirectiveArgumentsAreRejected) {
  expect_errors(R"({ dog { ...invalidArgName } }
fragment invalidArgName on Dog { isHouseTrained(atOtherHomes: true) @include(unless: false) })",
                {{"Unknown argument \"unless\" on directive \"@include\".", {{2, 78}}},
                 {"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided.",
                  {{2, 69}}}});
}

TEST(ValidationArguments, ArgumentsMayComeInAnyOrder) {
  expect_valid(R"({ arguments { ...multipleArgs ...multipleArgsReverseOrder } }
fragment multipleArgs on Arguments { multipleRequirements(x: 1, y: 2) }
fragment multipleArgsReverseOrder on Arguments { multipleRequirements(y: 2, x: 1) })");
}

TEST(ValidationArguments, ArgumentsAreUnique) {
  expect_errors("{ arguments { multipleRequirements(x: 1, x: 2, y: 3, x: 4) } }",
                {{"There can be only one argument named \"x\".", {{1, 36}, {1, 42}, {1, 54}}}});
  expect_errors("{ dog @include(if: true, if: false) { name } }",
                {{"There can be only one argument named \"if\".", {{1, 16}, {1, 26}}}});
}

TEST(ValidationArguments, OptionalArgumentsMayBeLeftOut) {
  expect_valid(R"({
  a: arguments { ...goodBooleanArg ...goodNonNullArg }
  b: arguments { ...goodBooleanArgDefault ...missingOptional }
}
fragment goodBooleanArg on Arguments { booleanArgField(booleanArg: true) }
fragment goodNonNullArg on Arguments { nonNullBooleanArgField(nonNullBooleanArg: true) }
fragment goodBooleanArgDefault on Arguments { booleanArgField }
fragment missingOptional on Arguments { optionalNonNullBooleanArgField })");
}

TEST(ValidationArguments, RequiredArgumentsMustBeGivenAndNotNull) {
  expect_errors(R"({ arguments { ...missingRequiredArg } }
fragment missingRequiredArg on Arguments { nonNullBooleanArgField })",
                {{"Field \"nonNullBooleanArgField\" argument \"nonNullBooleanArg\" of type "
                  "\"Boolean!\" is required, "
                  "but it was not provided.",
                  {{2, 44}}}});
  expect_errors(R"({ arguments { ...missingRequiredArg } }
fragment missingRequiredArg on Arguments { nonNullBooleanArgField(nonNullBooleanArg: null) })",
                {{"Expected value of type \"Boolean!\", found null.", {{2, 86}}}});
}

TEST(ValidationArguments, DeeperErrorsComeBeforeMissingArguments) {
  expect_errors("{ arguments { multipleRequirements(x: 1) @skip(if: 1) } }",
                {{"Boolean cannot represent a non "
                  "boolean value: 1",
                  {{1, 52}}},
                 {"Field \"multipleRequirements\" argument \"y\" of type \"Int!\" is required, but "
                  "it was not provided.",
                  {{1, 15}}}});
}

// ---- §5.5 Fragments

TEST(ValidationFragments, FragmentNamesAreUnique) {
  expect_valid(R"({ dog { ...fragmentOne ...fragmentTwo } }
fragment fragmentOne on Dog { name }
fragment fragmentTwo on Dog { owner { name } })");
  expect_errors(R"({ dog { ...fragmentOne } }
fragment fragmentOne on Dog { name }
fragment fragmentOne on Dog { owner { name } })",
                {{"There can be only one fragment named \"fragmentOne\".", {{2, 10}, {3, 10}}}});
}

TEST(ValidationFragments, TypeConditionsMustExist) {
  expect_valid(R"({ dog { ...correctType ...inlineFragment ...inlineFragment2 } }
fragment correctType on Dog { name }
fragment inlineFragment on Dog { ... on Dog { name } }
fragment inlineFragment2 on Dog { ... @include(if: true) { name } })");
  expect_errors(
      R"({ dog { ...notOnExistingType ...inlineNotExistingType } }
fragment notOnExistingType on NotInSchema { name }
fragment inlineNotExistingType on Dog { ... on NotInSchema { name } })",
      {{"Unknown type \"NotInSchema\".", {{2, 31}}}, {"Unknown type \"NotInSchema\".", {{3, 48}}}});
}

TEST(ValidationFragments, FragmentsConditionOnCompositeTypes) {
  expect_valid(R"({ dog { ...fragOnObject ...fragOnInterface } catOrDog { ...fragOnUnion } }
fragment fragOnObject on Dog { name }
fragment fragOnInterface on Pet { name }
fragment fragOnUnion on CatOrDog { ... on Dog { name } })");
  expect_errors(
      R"({ dog { ...fragOnScalar ...inlineFragOnScalar } }
fragment fragOnScalar on Int { something }
fragment inlineFragOnScalar on Dog { ... on Boolean { somethingElse } })",
      {{"Fragment \"fragOnScalar\" cannot condition on non composite type \"Int\".", {{2, 26}}},
       {"Fragment cannot condition on non composite type \"Boolean\".", {{3, 45}}}});
}

TEST(ValidationFragments, FragmentsMustBeUsed) {
  expect_errors(R"(fragment nameFragment on Dog { name }
{ dog { name } })",
                {{"Fragment \"nameFragment\" is never used.", {{1, 1}}}});
}

TEST(ValidationFragments, SpreadTargetsMustBeDefined) {
  expect_errors("{ dog { ...undefinedFragment } }",
                {{"Unknown fragment \"undefinedFragment\".", {{1, 12}}}});
}

TEST(ValidationFragments, SpreadsMustNotFormCycles) {
  expect_errors(
      R"({ dog { ...nameFragment } }
fragment nameFragment on Dog { name ...barkVolumeFragment }
fragment barkVolumeFragment on Dog { barkVolume ...nameFragment })",
      {{"Cannot spread fragment \"nameFragment\" within itself via \"barkVolumeFragment\".",
        {{2, 37}, {3, 49}}}});
  expect_errors(R"({ dog { ...dogFragment } }
fragment dogFragment on Dog { name owner { ...ownerFragment } }
fragment ownerFragment on Human { name pets { ...dogFragment } })",
                {{"Cannot spread fragment \"dogFragment\" within itself via \"ownerFragment\".",
                  {{2, 44}, {3, 47}}}});
  expect_errors(R"({ dog { ...A } }
fragment A on Dog { ...A })",
                {{"Cannot spread fragment \"A\" within itself.", {{2, 21}}}});
}

TEST(ValidationFragments, LongSpreadChainsNeedNoRecursion) {
  std::string document = "{ dog { ...F0 } }\n";
  constexpr int kFragments = 1500;
  for (int index = 0; index < kFragments; ++index) {
    document += "fragment F" + std::to_string(index) + " on Dog { ...F" +
                std::to_string((index + 1) % kFragments) + " }\n";
  }
  const auto messages =
      messages_starting(document, "Cannot spread fragment \"F0\" within itself via \"F1\"");
  EXPECT_EQ(messages.size(), 1u);
}

TEST(ValidationFragments, SpreadsMustBePossible) {
  expect_valid(
      R"({ dog { ...dogFragment ...interfaceWithinObjectFragment ...unionWithObjectFragment } pet { ...unionWithInterface } }
fragment dogFragment on Dog { ... on Dog { barkVolume } }
fragment petNameFragment on Pet { name }
fragment interfaceWithinObjectFragment on Dog { ...petNameFragment }
fragment catOrDogNameFragment on CatOrDog { ... on Cat { meowVolume } }
fragment unionWithObjectFragment on Dog { ...catOrDogNameFragment }
fragment unionWithInterface on Pet { ...dogOrHumanFragment }
fragment dogOrHumanFragment on DogOrHuman { ... on Dog { barkVolume } })");
  expect_errors(
      R"({ dog { ...catInDogFragmentInvalid } sentient { ...sentientFragment } humanOrAlien { ...humanOrAlienFragment } }
fragment catInDogFragmentInvalid on Dog { ... on Cat { meowVolume } }
fragment sentientFragment on Sentient { ... on Dog { barkVolume } }
fragment humanOrAlienFragment on HumanOrAlien { ... on Cat { meowVolume } })",
      {{"Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".",
        {{2, 43}}},
       {"Fragment cannot be spread here as objects of type \"Sentient\" can never be of type "
        "\"Dog\".",
        {{3, 41}}},
       {"Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type "
        "\"Cat\".",
        {{4, 49}}}});
  expect_errors(R"({ pet { ...nonIntersectingInterfaces } }
fragment nonIntersectingInterfaces on Pet { ...sentientFragment }
fragment sentientFragment on Sentient { name })",
                {{"Fragment \"sentientFragment\" cannot be spread here as objects of type \"Pet\" "
                  "can never be of type "
                  "\"Sentient\".",
                  {{2, 45}}}});
}

// ---- §5.6 Values

TEST(ValidationValues, ValuesOfTheRightTypeAreAccepted) {
  expect_valid(R"(query goodComplexDefaultValue($search: ComplexInput = {name: "Fido"}) {
  findDog(complex: $search) { name }
  arguments {
    booleanArgField(booleanArg: true)
    floatArgField(floatArg: 123)
    intArgField(intArg: -4)
    enumArgField(enumArg: HEEL)
    stringListArgField(stringListArg: "coerced into a list")
    booleanListArgField(booleanListArg: [true, null])
  }
})");
}

TEST(ValidationValues, LiteralsMustFitTheirType) {
  expect_errors(R"({ arguments { ...stringIntoInt } }
fragment stringIntoInt on Arguments { intArgField(intArg: "123") })",
                {{"Int cannot represent non-integer "
                  "value: \"123\"",
                  {{2, 59}}}});
  expect_errors(R"(query badComplexValue { findDog(complex: {name: 123}) { name } })",
                {{"String cannot represent a non "
                  "string value: 123",
                  {{1, 49}}}});
  expect_errors(R"({ arguments { enumArgField(enumArg: "SIT") } })",
                {{"Enum \"DogCommand\" cannot represent non-enum value: \"SIT\".", {{1, 37}}}});
  expect_errors(R"({ arguments { enumArgField(enumArg: SITT) } })",
                {{"Value \"SITT\" does not exist in \"DogCommand\" enum.", {{1, 37}}}});
}

TEST(ValidationValues, EachBadListItemIsReported) {
  expect_errors(R"({ booleanList(booleanListArg: [true, null, 1]) })",
                {{"Expected value of type \"Boolean!\", found null.", {{1, 38}}},
                 {"Boolean cannot represent a non "
                  "boolean value: 1",
                  {{1, 44}}}});
}

TEST(ValidationValues, ListsAndObjectsWhereNoneIsExpected) {
  expect_errors(
      R"({ arguments { intArgField(intArg: [1]) } findDog(complex: 1) { name } })",
      {{"Int cannot represent non-integer value: [1]",
        {{1, 35}}},
       {"Expected value of type \"ComplexInput\", found 1.", {{1, 59}}}});
}

TEST(ValidationValues, InputFieldsMustBeDefined) {
  expect_valid(R"({ findDog(complex: {name: "Fido"}) { name } })");
  expect_errors(
      R"({ findDog(complex: {favoriteCookieFlavor: "Bacon"}) { name } })",
      {{"Field \"favoriteCookieFlavor\" is not defined by type \"ComplexInput\".", {{1, 21}}}});
}

TEST(ValidationValues, InputFieldsAreUnique) {
  expect_errors(R"({ findDog(complex: {name: "a", owner: "b", name: "c"}) { name } })",
                {{"There can be only one input field named \"name\".", {{1, 21}, {1, 44}}}});
}

TEST(ValidationValues, RequiredInputFieldsMustBeGiven) {
  expect_valid(R"(mutation { addPet(input: {name: "Rex"}) { name } })");
  expect_errors(
      R"(mutation { addPet(input: {command: SIT, complex: {name: null}}) { name } })",
      {{"Field \"PetInput.name\" of required type \"String!\" was not provided.", {{1, 26}}}});
  expect_errors(R"(mutation { addPet(input: {name: null, age: null}) { name } })",
                {{"Expected value of type \"String!\", found null.", {{1, 33}}},
                 {"Expected value of type \"Int!\", found null.", {{1, 44}}}});
}

TEST(ValidationValues, VariableDefaultsAreChecked) {
  expect_errors(R"(query ($count: Int = "many") { arguments { intArgField(intArg: $count) } })",
                {{"Int cannot represent "
                  "non-integer value: \"many\"",
                  {{1, 22}}}});
}

// ---- §5.7 Directives

TEST(ValidationDirectives, DirectivesMustBeDefined) {
  expect_errors("{ dog @unknown { name } }", {{"Unknown directive \"@unknown\".", {{1, 7}}}});
}

TEST(ValidationDirectives, DirectivesMustBeInValidLocations) {
  expect_errors("query @skip(if: true) { dog { name } }",
                {{"Directive \"@skip\" may not be used on QUERY.", {{1, 7}}}});
  expect_errors(R"({ dog { ...F } }
fragment F on Dog @include(if: true) { name })",
                {{"Directive \"@include\" may not be used on FRAGMENT_DEFINITION.", {{2, 19}}}});
  expect_errors("query ($a: Int @deprecated) { arguments { intArgField(intArg: $a) } }",
                {{"Directive \"@deprecated\" may not be used on VARIABLE_DEFINITION.", {{1, 16}}}});
  expect_valid(R"({ dog { ... @skip(if: false) { name } ...F @include(if: true) } }
fragment F on Dog { nickname })");
}

TEST(ValidationDirectives, DirectivesAreUniquePerLocation) {
  expect_errors(
      R"(query ($foo: Boolean = true, $bar: Boolean = false) {
  dog @skip(if: $foo) @skip(if: $bar) { name }
})",
      {{"The directive \"@skip\" can only be used once at this location.", {{2, 7}, {2, 23}}}});
  expect_valid(R"(query ($foo: Boolean = true, $bar: Boolean = false) {
  dog @skip(if: $foo) { name }
  dog @skip(if: $bar) { nickname }
})");
}

// ---- §5.8 Variables

TEST(ValidationVariables, VariablesAreUnique) {
  expect_errors(R"(query houseTrainedQuery($atOtherHomes: Boolean, $atOtherHomes: Boolean) {
  dog { isHouseTrained(atOtherHomes: $atOtherHomes) }
})",
                {{"There can be only one variable named \"$atOtherHomes\".", {{1, 25}, {1, 49}}}});
  expect_valid(
      R"(query A($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }
query B($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } })");
}

TEST(ValidationVariables, VariablesAreInputTypes) {
  expect_valid(
      R"(query takesBoolean($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }
query takesComplexInput($complexInput: ComplexInput) { findDog(complex: $complexInput) { name } }
query TakesListOfBooleanBang($booleans: [Boolean!]) { booleanList(booleanListArg: $booleans) })");
  EXPECT_EQ(
      messages_starting("query takesCat($cat: Cat) { dog { name } }", "Variable \"$cat\" cannot"),
      std::vector<std::string>{"Variable \"$cat\" cannot be non-input type \"Cat\"."});
  expect_errors(
      "query takesDogBang($dog: Dog!, $pets: [Pet], $catOrDog: CatOrDog) { dog { name } }",
      {{"Variable \"$dog\" cannot be non-input type \"Dog!\".", {{1, 26}}},
       {"Variable \"$pets\" cannot be non-input type \"[Pet]\".", {{1, 39}}},
       {"Variable \"$catOrDog\" cannot be non-input type \"CatOrDog\".", {{1, 57}}},
       {"Variable \"$dog\" is never used in operation \"takesDogBang\".", {{1, 20}}},
       {"Variable \"$pets\" is never used in operation \"takesDogBang\".", {{1, 32}}},
       {"Variable \"$catOrDog\" is never used in operation \"takesDogBang\".", {{1, 46}}}});
}

TEST(ValidationVariables, VariableTypesMustExist) {
  expect_errors("query ($a: [Unknown!]) { arguments { intArgField(intArg: $a) } }",
                {{"Unknown type \"Unknown\".", {{1, 13}}}});
}

TEST(ValidationVariables, UsedVariablesMustBeDefined) {
  expect_valid(
      R"(query variableIsDefined($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } })");
  expect_errors(
      R"(query variableIsNotDefined { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } })",
      {{"Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefined\".",
        {{1, 65}, {1, 1}}}});
  expect_errors(R"({ dog { isHouseTrained(atOtherHomes: $atOtherHomes) } })",
                {{"Variable \"$atOtherHomes\" is not defined.", {{1, 38}, {1, 1}}}});
}

TEST(ValidationVariables, VariablesUsedInFragmentsMustBeDefinedByEveryOperation) {
  expect_valid(
      R"(query variableIsDefinedUsedInSingleFragment($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }
fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) })");
  expect_errors(
      R"(query housetrainedQueryOne($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }
query housetrainedQueryTwoNotDefined { dog { ...isHouseTrainedFragment } }
fragment isHouseTrainedFragment on Dog { ...inner }
fragment inner on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) })",
      {{"Variable \"$atOtherHomes\" is not defined by operation "
        "\"housetrainedQueryTwoNotDefined\".",
        {{4, 54}, {2, 1}}}});
}

TEST(ValidationVariables, DefinedVariablesMustBeUsed) {
  expect_errors(
      R"(query variableUnused($atOtherHomes: Boolean) { dog { isHouseTrained } })",
      {{"Variable \"$atOtherHomes\" is never used in operation \"variableUnused\".", {{1, 22}}}});
  expect_errors(R"(query ($x: Int) { dog { name } })",
                {{"Variable \"$x\" is never used.", {{1, 8}}}});
  expect_errors(
      R"(query variableNotUsedWithinFragment($atOtherHomes: Boolean) { dog { ...isHouseTrainedWithoutVariableFragment } }
fragment isHouseTrainedWithoutVariableFragment on Dog { isHouseTrained })",
      {{"Variable \"$atOtherHomes\" is never used in operation \"variableNotUsedWithinFragment\".",
        {{1, 37}}}});
  expect_errors(
      R"(query queryWithUsedVar($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }
query queryWithExtraVar($atOtherHomes: Boolean, $extra: Int) { dog { ...isHouseTrainedFragment } }
fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) })",
      {{"Variable \"$extra\" is never used in operation \"queryWithExtraVar\".", {{2, 49}}}});
}

TEST(ValidationVariables, VariablesMustFitWhereTheyAreUsed) {
  expect_errors(
      R"(query intCannotGoIntoBoolean($intArg: Int) { arguments { booleanArgField(booleanArg: $intArg) } })",
      {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Boolean\".",
        {{1, 30}, {1, 86}}}});
  expect_errors(
      R"(query booleanListCannotGoIntoBoolean($booleanListArg: [Boolean]) { arguments { booleanArgField(booleanArg: $booleanListArg) } })",
      {{"Variable \"$booleanListArg\" of type \"[Boolean]\" used in position expecting type "
        "\"Boolean\".",
        {{1, 38}, {1, 108}}}});
  expect_errors(
      R"(query booleanArgQuery($booleanArg: Boolean) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } })",
      {{"Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type "
        "\"Boolean!\".",
        {{1, 23}, {1, 101}}}});
  expect_errors(
      R"(query listToNonNullList($booleanList: [Boolean]) { arguments { nonNullBooleanListField(nonNullBooleanListArg: $booleanList) } })",
      {{"Variable \"$booleanList\" of type \"[Boolean]\" used in position expecting type "
        "\"[Boolean]!\".",
        {{1, 25}, {1, 111}}}});
  expect_errors(
      R"(query ($b: Boolean) { booleanList(booleanListArg: [$b]) })",
      {{"Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".",
        {{1, 8}, {1, 52}}}});
  // Input coercion wraps a single value into a list, but a variable must be a list already.
  expect_errors(
      R"(query ($b: Boolean!) { booleanList(booleanListArg: $b) })",
      {{"Variable \"$b\" of type \"Boolean!\" used in position expecting type \"[Boolean!]\".",
        {{1, 8}, {1, 52}}}});
}

TEST(ValidationVariables, NullableVariablesWithDefaultsFitNonNullPositions) {
  expect_valid(R"(query nonNullListToList($nonNullBooleanList: [Boolean]!) {
  arguments { booleanListArgField(booleanListArg: $nonNullBooleanList) }
}
query booleanArgQueryWithDefault($booleanArg: Boolean) {
  arguments { optionalNonNullBooleanArgField(optionalBooleanArg: $booleanArg) }
}
query booleanArgQueryWithDefaultValue($booleanArg: Boolean = true) {
  arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) }
})");
  expect_errors(
      R"(query ($booleanArg: Boolean = null) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } })",
      {{"Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type "
        "\"Boolean!\".",
        {{1, 8}, {1, 93}}}});
}

TEST(ValidationVariables, VariablesInsideInputObjectsMeetTheFieldType) {
  expect_errors(
      R"(mutation ($name: String) { addPet(input: {name: $name}) { name } })",
      {{"Variable \"$name\" of type \"String\" used in position expecting type \"String!\".",
        {{1, 11}, {1, 49}}}});
  expect_valid(
      R"(mutation ($age: Int, $name: String!) { addPet(input: {name: $name, age: $age}) { name } })");
}

// ---- Whole documents

TEST(Validation, TheIntrospectionQueryIsValid) {
  expect_valid(R"(query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind
  name
  description
  fields(includeDeprecated: true) {
    name
    description
    args { ...InputValue }
    type { ...TypeRef }
    isDeprecated
    deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType {
    kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
})");
}

TEST(Validation, ErrorsFollowDocumentOrderAcrossRules) {
  expect_errors(
      R"(query Q($unused: Int) {
  dog { unknownField ...Missing }
  arguments { intArgField(intArg: true) }
}
fragment Orphan on Dog { name })",
      {{"Cannot query field \"unknownField\" on type \"Dog\".", {{2, 9}}},
       {"Unknown fragment \"Missing\".", {{2, 25}}},
       {"Int cannot represent non-integer value: true",
        {{3, 35}}},
       {"Variable \"$unused\" is never used in operation \"Q\".", {{1, 9}}},
       {"Fragment \"Orphan\" is never used.", {{5, 1}}}});
}

TEST(Validation, TheErrorLimitCutsTheListShort) {
  const auto errors = errors_of("{ a b c d e }", 2);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].message, "Cannot query field \"a\" on type \"Query\".");
  EXPECT_EQ(errors[1].message, "Cannot query field \"b\" on type \"Query\".");
  EXPECT_EQ(errors[2].message,
            "Too many validation errors, error limit reached. Validation aborted.");
  EXPECT_TRUE(errors[2].locations.empty());
}

TEST(Validation, LocationsCountCodePointsAndLineBreaks) {
  expect_errors("# é ü\r\n{\r  findDog(complex: {name: \"ßß\"}) { nope }\n}",
                {{"Cannot query field \"nope\" on type \"Dog\".", {{3, 36}}}});
}

TEST(Validation, UnknownParentsSilenceTheRulesBelowThem) {
  expect_errors("{ nothing { a b(x: 1) { c } } }",
                {{"Cannot query field \"nothing\" on type \"Query\".", {{1, 3}}}});
}

}  // namespace
}  // namespace disha::graphql
