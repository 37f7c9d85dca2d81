#pragma once
// The abstract syntax tree of a GraphQL executable document (spec §2): operations, fragments,
// selections, values and type references, as plain structs, std::vector and std::variant, so a
// walk is a loop and a std::visit. Every node carries the SourceLocation of its first token.
//
// Ownership: a Document owns its source text on the heap. Every std::string_view in the tree
// (names, number literals) points into that text, so it stays valid for as long as the Document
// lives, moves included; never keep one past the Document. String literals are owned
// std::strings because their value (escapes decoded, block strings dedented) differs from the
// source. An empty name means "absent" (operation name, alias, type condition): a GraphQL name
// is never empty.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/syntax_error.hpp"

namespace disha::graphql {

// A type reference: `Int`, `[Int]`, `Int!`, `[Int!]!`.
struct TypeReference {
  enum class Kind : std::uint8_t { named, list, non_null };

  Kind kind = Kind::named;
  std::string_view name;          // named only
  std::unique_ptr<TypeReference> of_type;  // list and non_null: the wrapped type
  SourceLocation location;

  // The name under all the wrappers: "Int" for `[Int!]!`.
  std::string_view named_type() const {
    const TypeReference* type = this;
    while (type->kind != Kind::named) type = type->of_type.get();
    return type->name;
  }
};

struct Value;
struct ObjectField;

struct Variable {
  std::string_view name;  // without the `$`
  SourceLocation location;
};
// Numbers stay as written ("-12", "6.0221413e23"): coercion to the argument's type decides
// their range and precision (spec §3.5), not the parser.
struct IntValue {
  std::string_view text;
  SourceLocation location;
};
struct FloatValue {
  std::string_view text;
  SourceLocation location;
};
struct StringValue {
  std::string value;
  SourceLocation location;
};
struct BooleanValue {
  bool value = false;
  SourceLocation location;
};
struct NullValue {
  SourceLocation location;
};
struct EnumValue {
  std::string_view name;
  SourceLocation location;
};
struct ListValue {
  std::vector<Value> values;
  SourceLocation location;
};
struct ObjectValue {
  std::vector<ObjectField> fields;  // in source order; uniqueness is a validation rule
  SourceLocation location;
};

struct Value {
  std::variant<Variable, IntValue, FloatValue, StringValue, BooleanValue, NullValue, EnumValue,
               ListValue, ObjectValue>
      node;

  SourceLocation location() const {
    return std::visit([](const auto& alternative) { return alternative.location; }, node);
  }
};

struct ObjectField {
  std::string_view name;
  Value value;
  SourceLocation location;
};

struct Argument {
  std::string_view name;
  Value value;
  SourceLocation location;
};

struct Directive {
  std::string_view name;  // without the `@`
  std::vector<Argument> arguments;
  SourceLocation location;
};

struct Selection;

struct Field {
  std::string_view alias;  // empty: none
  std::string_view name;
  std::vector<Argument> arguments;
  std::vector<Directive> directives;
  std::vector<Selection> selection_set;  // empty: a leaf field
  SourceLocation location;

  // The key of this field in the response: its alias, else its name.
  std::string_view response_key() const { return alias.empty() ? name : alias; }
};

struct FragmentSpread {
  std::string_view name;
  std::vector<Directive> directives;
  SourceLocation location;
};

struct InlineFragment {
  std::string_view type_condition;  // empty: the enclosing type
  std::vector<Directive> directives;
  std::vector<Selection> selection_set;  // never empty
  SourceLocation location;
};

struct Selection {
  std::variant<Field, FragmentSpread, InlineFragment> node;

  SourceLocation location() const {
    return std::visit([](const auto& alternative) { return alternative.location; }, node);
  }
};

struct VariableDefinition {
  std::string_view name;  // without the `$`
  TypeReference type;
  std::optional<Value> default_value;  // a constant value
  std::vector<Directive> directives;   // constant arguments only
  SourceLocation location;
};

enum class OperationType : std::uint8_t { query, mutation, subscription };

struct OperationDefinition {
  OperationType operation = OperationType::query;
  std::string_view name;  // empty: anonymous
  std::vector<VariableDefinition> variable_definitions;
  std::vector<Directive> directives;
  std::vector<Selection> selection_set;  // never empty
  SourceLocation location;
};

struct FragmentDefinition {
  std::string_view name;  // never "on"
  std::string_view type_condition;
  std::vector<Directive> directives;
  std::vector<Selection> selection_set;  // never empty
  SourceLocation location;
};

using Definition = std::variant<OperationDefinition, FragmentDefinition>;

struct Document {
  // The text every view in the tree points into; on the heap so that moving the Document (or a
  // short text held in a std::string's inline buffer) cannot move it.
  std::unique_ptr<const std::string> source;
  std::vector<Definition> definitions;  // never empty, in source order
};

// "query", "mutation", "subscription".
constexpr std::string_view keyword(OperationType operation) noexcept {
  switch (operation) {
    case OperationType::query:
      return "query";
    case OperationType::mutation:
      return "mutation";
    case OperationType::subscription:
      return "subscription";
  }
  return {};
}

}  // namespace disha::graphql
