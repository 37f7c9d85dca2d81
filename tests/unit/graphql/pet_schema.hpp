#pragma once
// The pet-store schema of spec §5's examples, shared by the validation tests and the validation
// fuzz target: every kind of type (interfaces, unions, enums, input objects with required
// fields and defaults, lists, non-null), a Mutation, the argument shapes of graphql-js's
// validation harness, and a list field whose cost counts by its `first` argument.
#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graphql/schema.hpp"

namespace disha::graphql::testing {

inline InputValue argument(std::string name, std::string type,
                    std::optional<boost::json::value> default_value = {}) {
  return {.name = std::move(name),
          .type_text = std::move(type),
          .default_value = std::move(default_value)};
}

inline FieldDefinition field(std::string name, std::string type, std::vector<InputValue> arguments = {}) {
  return {.name = std::move(name), .type_text = std::move(type), .arguments = std::move(arguments)};
}

// The schema of spec §5's examples, with a Mutation, an input with required fields (PetInput)
// and the argument shapes of graphql-js's validation harness.
inline std::shared_ptr<const Schema> build_pet_schema() {
  SchemaBuilder builder;
  builder.object("Query")
      .field(field("dog", "Dog"))
      .field(field("findDog", "Dog", {argument("complex", "ComplexInput")}))
      .field(field("booleanList", "Boolean", {argument("booleanListArg", "[Boolean!]")}))
      .field(field("pet", "Pet"))
      .field(field("catOrDog", "CatOrDog"))
      .field(field("dogOrHuman", "DogOrHuman"))
      .field(field("humanOrAlien", "HumanOrAlien"))
      .field(field("human", "Human"))
      .field(field("sentient", "Sentient"))
      .field(field("arguments", "Arguments"))
      .field(field("search", "[CatOrDog!]!", {argument("filter", "Filter")}));
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
  builder.object("Alien")
      .implements("Sentient")
      .field(field("name", "String!"))
      .field(field("homePlanet", "String"));
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
  builder.union_type("DogOrHuman").member("Dog").member("Human");
  builder.union_type("HumanOrAlien").member("Human").member("Alien");
  builder.input_object("ComplexInput")
      .input_field(argument("name", "String"))
      .input_field(argument("owner", "String"));
  builder.input_object("Filter")
      .input_field(argument("name", "String"))
      .input_field(argument("kinds", "[String!]"));
  builder.input_object("PetInput")
      .input_field(argument("name", "String!"))
      .input_field(argument("command", "DogCommand"))
      .input_field(argument("age", "Int!", boost::json::value(1)))
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
      .field(field("optionalNonNullBooleanArgField", "Boolean!",
                   {argument("optionalBooleanArg", "Boolean!", boost::json::value(false))}))
      .field(field("enumArgField", "DogCommand", {argument("enumArg", "DogCommand")}))
      .field(field("stringListArgField", "String", {argument("stringListArg", "[String]")}));
  return builder.build();
}

}  // namespace disha::graphql::testing
