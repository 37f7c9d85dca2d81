#include "graphql/schema.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "graphql/introspection.hpp"
#include "graphql/scalars.hpp"

namespace disha::graphql {

std::string_view introspection_name(TypeKind kind) noexcept {
  switch (kind) {
    case TypeKind::scalar:
      return "SCALAR";
    case TypeKind::object:
      return "OBJECT";
    case TypeKind::interface:
      return "INTERFACE";
    case TypeKind::union_:
      return "UNION";
    case TypeKind::enum_:
      return "ENUM";
    case TypeKind::input_object:
      return "INPUT_OBJECT";
    case TypeKind::list:
      return "LIST";
    case TypeKind::non_null:
      return "NON_NULL";
  }
  return {};
}

namespace {

template <class Item>
const Item* find_named(const std::vector<Item>& items, std::string_view name) {
  for (const auto& item : items) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

bool is_valid_name(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name.front())) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

[[noreturn]] void invalid(const std::string& message) {
  throw std::invalid_argument("GraphQL schema: " + message);
}

}  // namespace

const InputValue* FieldDefinition::argument(std::string_view argument_name) const {
  return find_named(arguments, argument_name);
}

const InputValue* DirectiveDefinition::argument(std::string_view argument_name) const {
  return find_named(arguments, argument_name);
}

const Type& Type::named() const noexcept {
  const Type* type = this;
  while (!type->is_named()) type = type->of_type;
  return *type;
}

bool Type::is_leaf() const noexcept {
  auto kind_ = named().kind;
  return kind_ == TypeKind::scalar || kind_ == TypeKind::enum_;
}

bool Type::is_composite() const noexcept {
  auto kind_ = named().kind;
  return kind_ == TypeKind::object || kind_ == TypeKind::interface || kind_ == TypeKind::union_;
}

bool Type::is_input() const noexcept {
  auto kind_ = named().kind;
  return kind_ == TypeKind::scalar || kind_ == TypeKind::enum_ || kind_ == TypeKind::input_object;
}

bool Type::is_output() const noexcept { return named().kind != TypeKind::input_object; }

const FieldDefinition* Type::field(std::string_view field_name) const {
  return find_named(fields, field_name);
}

const InputValue* Type::input_field(std::string_view field_name) const {
  return find_named(input_fields, field_name);
}

const EnumValueDefinition* Type::enum_value(std::string_view value_name) const {
  return find_named(enum_values, value_name);
}

std::string Type::spelling() const {
  switch (kind) {
    case TypeKind::list:
      return "[" + of_type->spelling() + "]";
    case TypeKind::non_null:
      return of_type->spelling() + "!";
    default:
      return name;
  }
}

const Type* Schema::find_type(std::string_view name) const {
  auto found = by_name_.find(name);
  return found == by_name_.end() ? nullptr : found->second;
}

const DirectiveDefinition* Schema::directive(std::string_view name) const {
  return find_named(directives_, name);
}

bool Schema::is_possible_type(const Type& abstract, const Type& possible) const {
  if (&abstract == &possible) return true;
  const auto& candidates = abstract.possible_types;
  return std::find(candidates.begin(), candidates.end(), &possible) != candidates.end();
}

bool Schema::is_sub_type(const Type& super, const Type& sub) const {
  if (&super == &sub) return true;
  if (super.kind == TypeKind::non_null) {
    return sub.kind == TypeKind::non_null && is_sub_type(*super.of_type, *sub.of_type);
  }
  if (sub.kind == TypeKind::non_null) return is_sub_type(super, *sub.of_type);
  if (super.kind == TypeKind::list) {
    return sub.kind == TypeKind::list && is_sub_type(*super.of_type, *sub.of_type);
  }
  if (sub.kind == TypeKind::list) return false;
  if (super.is_abstract() && (sub.kind == TypeKind::object || sub.kind == TypeKind::interface)) {
    if (super.kind == TypeKind::union_) return is_possible_type(super, sub);
    return std::find(sub.interfaces.begin(), sub.interfaces.end(), &super) != sub.interfaces.end();
  }
  return false;
}

const Type* Schema::list_of(const Type& type) const { return wrapper(type, TypeKind::list); }

const Type* Schema::non_null(const Type& type) const {
  return type.kind == TypeKind::non_null ? &type : wrapper(type, TypeKind::non_null);
}

const Type* Schema::wrapper(const Type& type, TypeKind kind) const {
  std::lock_guard lock(wrappers_mutex_);
  auto& slot = wrapper_index_[{&type, kind}];
  if (!slot) {
    auto& made = wrappers_.emplace_back();
    made.kind = kind;
    made.of_type = &type;
    slot = &made;
  }
  return slot;
}

const Type* parse_type_reference(const Schema& schema, std::string_view text) {
  auto trimmed = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  text = trimmed(text);
  if (text.empty()) throw std::invalid_argument("empty type reference");
  if (text.back() == '!') {
    const Type* inner = parse_type_reference(schema, text.substr(0, text.size() - 1));
    if (inner && inner->kind == TypeKind::non_null) {
      throw std::invalid_argument("malformed type reference: " + std::string(text));
    }
    return inner ? schema.non_null(*inner) : nullptr;
  }
  if (text.front() == '[') {
    if (text.back() != ']') throw std::invalid_argument("malformed type reference: " + std::string(text));
    const Type* inner = parse_type_reference(schema, text.substr(1, text.size() - 2));
    return inner ? schema.list_of(*inner) : nullptr;
  }
  if (!is_valid_name(text)) throw std::invalid_argument("malformed type reference: " + std::string(text));
  return schema.find_type(text);
}

TypeBuilder& TypeBuilder::field(FieldDefinition definition) {
  type_->fields.push_back(std::move(definition));
  return *this;
}

TypeBuilder& TypeBuilder::implements(std::string interface_name) {
  type_->interface_names.push_back(std::move(interface_name));
  return *this;
}

TypeBuilder& TypeBuilder::value(std::string name, std::string description,
                                std::optional<std::string> deprecation_reason) {
  type_->enum_values.push_back({std::move(name), std::move(description), std::move(deprecation_reason)});
  return *this;
}

TypeBuilder& TypeBuilder::input_field(InputValue definition) {
  type_->input_fields.push_back(std::move(definition));
  return *this;
}

TypeBuilder& TypeBuilder::member(std::string type_name) {
  type_->member_names.push_back(std::move(type_name));
  return *this;
}

SchemaBuilder::SchemaBuilder() : schema_(std::make_shared<Schema>()) {}

Type& SchemaBuilder::declare(TypeKind kind, std::string name, std::string description) {
  if (!schema_) invalid("the builder was spent by build()");
  if (!is_valid_name(name)) invalid("\"" + name + "\" is not a valid type name");
  if (schema_->by_name_.contains(name)) invalid("type \"" + name + "\" is declared twice");
  auto& type = schema_->owned_.emplace_back();
  type.kind = kind;
  type.name = std::move(name);
  type.description = std::move(description);
  schema_->by_name_.emplace(type.name, &type);
  schema_->type_order_.push_back(&type);
  return type;
}

TypeBuilder SchemaBuilder::object(std::string name, std::string description) {
  return TypeBuilder(declare(TypeKind::object, std::move(name), std::move(description)));
}

TypeBuilder SchemaBuilder::interface(std::string name, std::string description,
                                     std::function<std::string_view(const std::any&)> resolve_type) {
  auto& type = declare(TypeKind::interface, std::move(name), std::move(description));
  type.resolve_type = std::move(resolve_type);
  return TypeBuilder(type);
}

TypeBuilder SchemaBuilder::union_type(std::string name, std::string description,
                                      std::function<std::string_view(const std::any&)> resolve_type) {
  auto& type = declare(TypeKind::union_, std::move(name), std::move(description));
  type.resolve_type = std::move(resolve_type);
  return TypeBuilder(type);
}

TypeBuilder SchemaBuilder::enum_type(std::string name, std::string description) {
  return TypeBuilder(declare(TypeKind::enum_, std::move(name), std::move(description)));
}

TypeBuilder SchemaBuilder::input_object(std::string name, std::string description) {
  return TypeBuilder(declare(TypeKind::input_object, std::move(name), std::move(description)));
}

TypeBuilder SchemaBuilder::scalar(std::string name, std::string description,
                                  ScalarCoercion coercion, std::string specified_by_url) {
  auto& type = declare(TypeKind::scalar, std::move(name), std::move(description));
  type.coercion = std::move(coercion);
  type.specified_by_url = std::move(specified_by_url);
  return TypeBuilder(type);
}

TypeBuilder SchemaBuilder::extend(std::string_view name) {
  if (!schema_) invalid("the builder was spent by build()");
  auto found = schema_->by_name_.find(name);
  if (found == schema_->by_name_.end()) invalid("no type \"" + std::string(name) + "\" to extend");
  return TypeBuilder(const_cast<Type&>(*found->second));
}

bool SchemaBuilder::has_type(std::string_view name) const {
  return schema_ && schema_->by_name_.contains(name);
}

namespace {

const Type& resolve_reference(const Schema& schema, const std::string& text,
                              const std::string& where) {
  const Type* type = nullptr;
  try {
    type = parse_type_reference(schema, text);
  } catch (const std::invalid_argument& error) {
    invalid(where + ": " + error.what());
  }
  if (!type) invalid(where + " has unknown type " + text);
  return *type;
}

void resolve_inputs(Schema& schema, std::vector<InputValue>& inputs, const std::string& where) {
  std::set<std::string_view> seen;
  for (auto& input : inputs) {
    auto here = where + "(" + input.name + ":)";
    if (!is_valid_name(input.name)) invalid(here + " is not a valid name");
    if (!seen.insert(input.name).second) invalid(here + " is declared twice");
    input.type = &resolve_reference(schema, input.type_text, here);
    if (!input.type->is_input()) invalid(here + " must have an input type");
    if (input.deprecation_reason && !input.type->nullable() && !input.default_value) {
      invalid(here + " is required and so cannot be deprecated");
    }
  }
}

// The checks of spec §3.6.1 "Type Validation" (objects and interfaces) that a schema written in
// code can get wrong.
void check_implementation(const Type& type, const Type& interface, const Schema& schema) {
  auto where = type.name + " implements " + interface.name;
  for (const auto& expected : interface.fields) {
    const auto* field = type.field(expected.name);
    if (!field) invalid(where + " but has no field " + expected.name);
    if (!schema.is_sub_type(*expected.type, *field->type)) {
      invalid(where + " but its field " + expected.name + " has type " + field->type->spelling());
    }
    for (const auto& argument : expected.arguments) {
      const auto* own = field->argument(argument.name);
      if (!own || own->type != argument.type) {
        invalid(where + " but " + expected.name + "(" + argument.name + ":) differs");
      }
    }
  }
  for (const auto* inherited : interface.interfaces) {
    if (std::find(type.interfaces.begin(), type.interfaces.end(), inherited) == type.interfaces.end()) {
      invalid(where + " so must also implement " + inherited->name);
    }
  }
}

}  // namespace

std::shared_ptr<const Schema> SchemaBuilder::build() {
  if (!schema_) invalid("the builder was spent by build()");
  auto schema = schema_;  // the declarations below still go through this builder
  for (const auto& [name, coercion] : built_in_scalars()) {
    if (!has_type(name)) {
      auto& type = declare(TypeKind::scalar, name, std::string(built_in_scalar_description(name)));
      type.coercion = coercion;
    }
  }
  add_introspection_types(*this);
  schema_.reset();

  auto* query = const_cast<Type*>(schema->find_type("Query"));
  if (!query || query->kind != TypeKind::object) invalid("the schema needs an object type Query");
  schema->query_ = query;
  if (const auto* mutation = schema->find_type("Mutation")) {
    if (mutation->kind != TypeKind::object) invalid("Mutation must be an object type");
    schema->mutation_ = mutation->fields.empty() ? nullptr : mutation;
  }

  for (auto& type : schema->owned_) {
    std::set<std::string_view> seen;
    for (auto& field : type.fields) {
      auto where = type.name + "." + field.name;
      if (!is_valid_name(field.name)) invalid(where + " is not a valid field name");
      if (!seen.insert(field.name).second) invalid(where + " is declared twice");
      if (field.name.starts_with("__") && !type.name.starts_with("__")) {
        invalid(where + ": names starting with __ are reserved");
      }
      field.type = &resolve_reference(*schema, field.type_text, where);
      if (!field.type->is_output()) invalid(where + " must have an output type");
      resolve_inputs(*schema, field.arguments, where);
      if (!field.cost.size_argument.empty() && !field.argument(field.cost.size_argument)) {
        invalid(where + " counts its cost by an unknown argument " + field.cost.size_argument);
      }
    }
    if (type.kind == TypeKind::input_object) resolve_inputs(*schema, type.input_fields, type.name);
    for (const auto& name : type.interface_names) {
      const auto* interface = schema->find_type(name);
      if (!interface || interface->kind != TypeKind::interface) {
        invalid(type.name + " implements " + name + ", which is not an interface");
      }
      type.interfaces.push_back(interface);
    }
    for (const auto& name : type.member_names) {
      const auto* member = schema->find_type(name);
      if (!member || member->kind != TypeKind::object) {
        invalid("union " + type.name + " has member " + name + ", which is not an object type");
      }
      type.possible_types.push_back(member);
    }
    if ((type.kind == TypeKind::object || type.kind == TypeKind::interface) && type.fields.empty()) {
      if (&type != schema->find_type("Mutation")) invalid(type.name + " has no fields");
    }
    if (type.kind == TypeKind::enum_ && type.enum_values.empty()) invalid(type.name + " has no values");
  }
  for (auto& type : schema->owned_) {
    for (const auto* interface : type.interfaces) {
      check_implementation(type, *interface, *schema);
      if (type.kind == TypeKind::object) const_cast<Type*>(interface)->possible_types.push_back(&type);
    }
  }
  auto resolve_meta = [&](FieldDefinition& field) {
    field.type = &resolve_reference(*schema, field.type_text, field.name);
    resolve_inputs(*schema, field.arguments, field.name);
  };
  schema->schema_field_ = std::make_unique<FieldDefinition>(schema_meta_field_definition());
  schema->type_field_ = std::make_unique<FieldDefinition>(type_meta_field_definition());
  schema->typename_field_ = std::make_unique<FieldDefinition>(typename_meta_field_definition());
  resolve_meta(*schema->schema_field_);
  resolve_meta(*schema->type_field_);
  resolve_meta(*schema->typename_field_);
  schema->directives_ = built_in_directives();
  for (auto& directive : schema->directives_) {
    resolve_inputs(*schema, directive.arguments, "@" + directive.name);
  }
  return schema;
}

}  // namespace disha::graphql
