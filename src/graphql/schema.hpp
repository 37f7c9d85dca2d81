#pragma once
// A GraphQL schema built in code (spec §3): scalars, objects, interfaces, unions, enums, input
// objects and the list / non-null wrappers, with a resolver on every object field.
//
// Features declare types through SchemaBuilder, naming types by their SDL spelling ("[Programme!]!")
// so declarations may refer to types declared later; build() checks the whole schema (every
// name resolves, objects implement their interfaces, names are unique and valid) and adds the
// introspection types, then the Schema is immutable and shared by every request.
#include <boost/json/value.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/ast.hpp"
#include "graphql/error.hpp"
#include "graphql/resolve.hpp"

namespace disha::graphql {

enum class TypeKind : std::uint8_t {
  scalar,
  object,
  interface,
  union_,
  enum_,
  input_object,
  list,
  non_null,
};

// "SCALAR", "OBJECT", … as __TypeKind spells them.
std::string_view introspection_name(TypeKind kind) noexcept;

class Type;

// An argument of a field or directive, or a field of an input object.
struct InputValue {
  std::string name;
  std::string type_text;  // SDL spelling, resolved into `type` by build()
  std::string description{};
  std::optional<boost::json::value> default_value{};  // already coerced
  std::optional<std::string> deprecation_reason{};
  const Type* type = nullptr;
};

// How a field multiplies the cost of what is selected under it (see limits.hpp).
struct FieldCost {
  std::string size_argument{};  // e.g. "first": the list's length is at most this argument
  std::uint32_t default_size = 1;  // the length when the argument is absent (or no argument)
};

struct FieldDefinition {
  std::string name;
  std::string type_text;
  std::string description{};
  std::vector<InputValue> arguments{};
  // Null: the source is a JSON object (a REST rendering) and the field reads its member of the
  // same name, or of its snake_case spelling.
  Resolver resolve{};
  std::optional<std::string> deprecation_reason{};
  FieldCost cost{};
  const Type* type = nullptr;

  const InputValue* argument(std::string_view name) const;
};

struct EnumValueDefinition {
  std::string name;
  std::string description;
  std::optional<std::string> deprecation_reason;
};

// Result coercion (serialize) and input coercion (parse) of a scalar. Each throws
// CoercionError for a value it cannot coerce. Literals go to `parse_literal` when the scalar
// cares about their kind (`Int` refuses `1.0`), else they are turned into JSON for `parse`.
struct ScalarCoercion {
  std::function<boost::json::value(const boost::json::value&)> serialize;
  std::function<boost::json::value(const boost::json::value&)> parse;
  std::function<boost::json::value(const Value&)> parse_literal;
};

class Type {
 public:
  TypeKind kind = TypeKind::scalar;
  std::string name;  // empty for list and non_null
  std::string description;
  const Type* of_type = nullptr;  // list and non_null

  std::vector<FieldDefinition> fields;  // object, interface
  std::vector<std::string> interface_names;
  std::vector<const Type*> interfaces;          // object, interface: what it implements
  std::vector<std::string> member_names;        // union
  std::vector<const Type*> possible_types;      // union members; interface implementers
  std::vector<EnumValueDefinition> enum_values;  // enum
  std::vector<InputValue> input_fields;          // input object
  ScalarCoercion coercion;                       // scalar
  std::string specified_by_url;                  // scalar
  // interface and union: the name of a value's concrete object type, when the resolver did
  // not give the type (empty: unknown, an error).
  std::function<std::string_view(const std::any& source)> resolve_type;

  bool is_named() const noexcept { return kind != TypeKind::list && kind != TypeKind::non_null; }
  const Type& named() const noexcept;  // the type under the wrappers
  bool is_leaf() const noexcept;       // scalar or enum, under the wrappers
  bool is_composite() const noexcept;  // object, interface or union, under the wrappers
  bool is_abstract() const noexcept { return kind == TypeKind::interface || kind == TypeKind::union_; }
  bool is_input() const noexcept;   // scalar, enum or input object, under the wrappers
  bool is_output() const noexcept;  // anything but an input object, under the wrappers
  bool nullable() const noexcept { return kind != TypeKind::non_null; }
  const Type& nullable_type() const noexcept { return kind == TypeKind::non_null ? *of_type : *this; }

  const FieldDefinition* field(std::string_view field_name) const;
  const InputValue* input_field(std::string_view field_name) const;
  const EnumValueDefinition* enum_value(std::string_view value_name) const;
  // The spelling in SDL and messages: "[Int!]!".
  std::string spelling() const;
};

struct DirectiveDefinition {
  std::string name;
  std::string description;
  std::vector<std::string> locations;  // "FIELD", "FRAGMENT_SPREAD", …
  std::vector<InputValue> arguments;
  bool repeatable = false;

  const InputValue* argument(std::string_view argument_name) const;
};

class Schema {
 public:
  const Type& query_type() const noexcept { return *query_; }
  const Type* mutation_type() const noexcept { return mutation_; }
  const Type* find_type(std::string_view name) const;
  // Every named type, the schema's own first in declaration order, then the built-in scalars
  // and the introspection types.
  const std::vector<const Type*>& types() const noexcept { return type_order_; }
  const std::vector<DirectiveDefinition>& directives() const noexcept { return directives_; }
  const DirectiveDefinition* directive(std::string_view name) const;
  const std::string& description() const noexcept { return description_; }

  // Whether `possible` is an object type a value of `abstract` may have (or the type itself).
  bool is_possible_type(const Type& abstract, const Type& possible) const;
  // Whether a value of `sub` is always a valid `super` (spec IsSubType / TypeCompare).
  bool is_sub_type(const Type& super, const Type& sub) const;

  // The introspection field definitions every query root has.
  const FieldDefinition& schema_meta_field() const noexcept { return *schema_field_; }
  const FieldDefinition& type_meta_field() const noexcept { return *type_field_; }
  const FieldDefinition& typename_meta_field() const noexcept { return *typename_field_; }

  const Type* list_of(const Type& type) const;
  const Type* non_null(const Type& type) const;

 private:
  friend class SchemaBuilder;
  // The list or non-null wrapper of `type`, made once.
  const Type* wrapper(const Type& type, TypeKind kind) const;
  std::string description_;
  std::deque<Type> owned_;  // named types, in a deque so pointers stay valid
  // Wrappers are made on demand (a variable may be [[Int!]]) by concurrent requests.
  mutable std::mutex wrappers_mutex_;
  mutable std::deque<Type> wrappers_;
  mutable std::map<std::pair<const Type*, TypeKind>, const Type*> wrapper_index_;
  std::map<std::string, const Type*, std::less<>> by_name_;
  std::vector<const Type*> type_order_;
  std::vector<DirectiveDefinition> directives_;
  const Type* query_ = nullptr;
  const Type* mutation_ = nullptr;
  std::unique_ptr<FieldDefinition> schema_field_, type_field_, typename_field_;
};

// Declares a type's fields one by one: `builder.object("University").field({...}).field({...})`.
class TypeBuilder {
 public:
  explicit TypeBuilder(Type& type) : type_(&type) {}
  TypeBuilder& field(FieldDefinition field);
  TypeBuilder& implements(std::string interface_name);
  TypeBuilder& value(std::string name, std::string description = {},
                     std::optional<std::string> deprecation_reason = std::nullopt);  // enum
  TypeBuilder& input_field(InputValue field);                                      // input
  TypeBuilder& member(std::string type_name);                                      // union
  Type& type() noexcept { return *type_; }

 private:
  Type* type_;
};

class SchemaBuilder {
 public:
  SchemaBuilder();
  void description(std::string text) { schema_->description_ = std::move(text); }

  TypeBuilder object(std::string name, std::string description = {});
  TypeBuilder interface(std::string name, std::string description = {},
                        std::function<std::string_view(const std::any&)> resolve_type = {});
  TypeBuilder union_type(std::string name, std::string description = {},
                         std::function<std::string_view(const std::any&)> resolve_type = {});
  TypeBuilder enum_type(std::string name, std::string description = {});
  TypeBuilder input_object(std::string name, std::string description = {});
  TypeBuilder scalar(std::string name, std::string description, ScalarCoercion coercion,
                     std::string specified_by_url = {});
  // A type declared earlier, to add fields to (features extend the roots: "Query", "Mutation").
  TypeBuilder extend(std::string_view name);
  bool has_type(std::string_view name) const;

  // Resolves every type reference, checks the schema and adds introspection. Throws
  // std::invalid_argument naming the first problem. The builder is spent afterwards.
  std::shared_ptr<const Schema> build();

 private:
  Type& declare(TypeKind kind, std::string name, std::string description);
  std::shared_ptr<Schema> schema_;
};

// Parses a type's SDL spelling ("[Int!]!") against the schema: null when a name is unknown,
// std::invalid_argument when the spelling is malformed.
const Type* parse_type_reference(const Schema& schema, std::string_view text);

}  // namespace disha::graphql
