// Fuzzes validation and the checks between it and execution: every document that parses is
// validated against the pet-store schema of spec §5's examples, and each operation of a valid
// document has its (absent) variables coerced and its limits measured. Any crash, sanitizer
// report or exception other than RequestError there is a bug; so is an error without a message,
// a location that is not 1-based, more errors than the limit allows, or a verdict that changes
// when the document is printed and parsed again (only locations may change).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "graphql/limits.hpp"
#include "graphql/parser.hpp"
#include "graphql/printer.hpp"
#include "graphql/schema.hpp"
#include "graphql/validation.hpp"
#include "graphql/values.hpp"

namespace {

using namespace disha::graphql;

InputValue argument(std::string name, std::string type) {
  return {.name = std::move(name), .type_text = std::move(type)};
}

FieldDefinition field(std::string name, std::string type, std::vector<InputValue> arguments = {}) {
  return {.name = std::move(name), .type_text = std::move(type), .arguments = std::move(arguments)};
}

std::shared_ptr<const Schema> build_schema() {
  SchemaBuilder builder;
  builder.object("Query")
      .field(field("dog", "Dog"))
      .field(field("findDog", "Dog", {argument("complex", "ComplexInput")}))
      .field(field("booleanList", "Boolean", {argument("booleanListArg", "[Boolean!]")}))
      .field(field("pet", "Pet"))
      .field(field("catOrDog", "CatOrDog"))
      .field(field("human", "Human"))
      .field(field("sentient", "Sentient"))
      .field(field("search", "[CatOrDog!]!", {argument("filter", "Filter")}))
      .field(field("arguments", "Arguments"));
  builder.object("Mutation").field(field("addPet", "Pet", {argument("input", "PetInput!")}));
  builder.enum_type("DogCommand").value("SIT").value("DOWN").value("HEEL");
  builder.enum_type("CatCommand").value("JUMP");
  builder.interface("Sentient").field(field("name", "String!"));
  builder.interface("Pet").field(field("name", "String!"));
  builder.object("Dog")
      .implements("Pet")
      .field(field("name", "String!"))
      .field(field("nickname", "String"))
      .field(field("barkVolume", "Int"))
      .field(field("doesKnowCommand", "Boolean!", {argument("dogCommand", "DogCommand!")}))
      .field(field("doesKnow", "Boolean!", {argument("command", "DogCommand!")}))
      .field(field("isHouseTrained", "Boolean!", {argument("atOtherHomes", "Boolean")}))
      .field(field("owner", "Human"));
  builder.object("Human")
      .implements("Sentient")
      .field(field("name", "String!"))
      .field({.name = "pets",
              .type_text = "[Pet!]",
              .arguments = {argument("first", "Int")},
              .cost = {.size_argument = "first", .default_size = 10}})
      .field(field("friends", "[Human!]!"));
  builder.object("Cat")
      .implements("Pet")
      .field(field("name", "String!"))
      .field(field("nickname", "String"))
      .field(field("doesKnowCommand", "Boolean!", {argument("catCommand", "CatCommand!")}))
      .field(field("meowVolume", "Int"))
      .field(field("lives", "Int"));
  builder.union_type("CatOrDog").member("Cat").member("Dog");
  builder.input_object("ComplexInput")
      .input_field(argument("name", "String"))
      .input_field(argument("owner", "String"));
  builder.input_object("Filter")
      .input_field(argument("name", "String"))
      .input_field(argument("kinds", "[String!]"));
  builder.input_object("PetInput")
      .input_field(argument("name", "String!"))
      .input_field(argument("command", "DogCommand"))
      .input_field(argument("complex", "ComplexInput"));
  builder.object("Arguments")
      .field(field("multipleRequirements", "Int!", {argument("x", "Int!"), argument("y", "Int!")}))
      .field(field("booleanArgField", "Boolean", {argument("booleanArg", "Boolean")}))
      .field(field("floatArgField", "Float", {argument("floatArg", "Float")}))
      .field(field("intArgField", "Int", {argument("intArg", "Int")}))
      .field(field("idArgField", "ID", {argument("idArg", "ID")}))
      .field(
          field("nonNullBooleanArgField", "Boolean!", {argument("nonNullBooleanArg", "Boolean!")}))
      .field(field("booleanListArgField", "[Boolean]", {argument("booleanListArg", "[Boolean]!")}))
      .field(field("nonNullBooleanListField", "[Boolean]",
                   {argument("nonNullBooleanListArg", "[Boolean]!")}))
      .field(
          field("optionalNonNullBooleanArgField", "Boolean!",
                {{.name = "optionalBooleanArg", .type_text = "Boolean!", .default_value = false}}));
  return builder.build();
}

constexpr std::size_t kMaxErrors = 20;

// The messages alone, which printing the document must not change.
std::vector<std::string> checked_messages(const std::vector<GraphQLError>& errors) {
  if (errors.size() > kMaxErrors + 1) std::abort();
  std::vector<std::string> messages;
  for (const auto& error : errors) {
    if (error.message.empty()) std::abort();
    for (const auto& location : error.locations) {
      if (location.line < 1 || location.column < 1) std::abort();
    }
    messages.push_back(error.message);
  }
  return messages;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto schema = build_schema();
  Document document;
  try {
    document = parse(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const SyntaxError&) {
    return 0;
  }
  const auto messages = checked_messages(validate(*schema, document, kMaxErrors));
  const std::string printed = print(document);
  const ParseLimits no_size_limit{.max_source_bytes = printed.size()};
  if (checked_messages(validate(*schema, parse(printed, no_size_limit), kMaxErrors)) != messages)
    std::abort();
  if (!messages.empty()) return 0;
  for (const auto& definition : document.definitions) {
    const auto* operation = std::get_if<OperationDefinition>(&definition);
    if (!operation) continue;
    try {
      const auto variables = coerce_variables(*schema, *operation, {});
      check_limits(*schema, document, *operation, variables, Limits{});
    } catch (const RequestError&) {
    }
  }
  return 0;
}
