#include "graphql/introspection.hpp"

#include "graphql/values.hpp"

namespace disha::graphql {

namespace json = boost::json;

namespace {

constexpr std::string_view kDefaultDeprecationReason = "No longer supported";

// A resolver over a source of type Source.
template <class Source, class F>
Resolver on(F f) {
  return [f](const ResolveInfo& info) -> Result { return f(*info.source_as<const Source*>(), info); };
}

Result text(std::string_view value) { return Result::leaf(json::string(value)); }
Result optional_text(std::string_view value) { return value.empty() ? Result() : text(value); }
Result optional_reason(const std::optional<std::string>& value) { return value ? text(*value) : Result(); }

template <class T>
Result objects(const std::vector<T>& items) {
  std::vector<Result> results;
  results.reserve(items.size());
  for (const auto& item : items) {
    if constexpr (std::is_pointer_v<T>) {
      results.push_back(Result::object(item));
    } else {
      results.push_back(Result::object(&item));
    }
  }
  return Result::list(std::move(results));
}

bool include_deprecated(const ResolveInfo& info) {
  const auto* flag = info.argument("includeDeprecated");
  return flag && flag->is_bool() && flag->get_bool();
}

// Deprecated items are left out unless asked for (includeDeprecated: true).
template <class T>
Result visible(const std::vector<T>& items, const ResolveInfo& info) {
  std::vector<Result> results;
  bool all = include_deprecated(info);
  for (const auto& item : items) {
    if (all || !item.deprecation_reason) results.push_back(Result::object(&item));
  }
  return Result::list(std::move(results));
}

FieldDefinition def(std::string name, std::string type, std::string description, std::vector<InputValue> arguments,
                    Resolver resolve) {
  return {.name = std::move(name), .type_text = std::move(type), .description = std::move(description),
          .arguments = std::move(arguments), .resolve = std::move(resolve)};
}

InputValue argument(std::string name, std::string type, std::string description = {},
                    std::optional<json::value> default_value = std::nullopt) {
  return {.name = std::move(name), .type_text = std::move(type), .description = std::move(description),
          .default_value = std::move(default_value)};
}

const InputValue kIncludeDeprecated{.name = "includeDeprecated", .type_text = "Boolean", .default_value = json::value(false)};

void add_schema_type(SchemaBuilder& builder) {
  builder
      .object("__Schema",
              "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all "
              "available types and directives on the server, as well as the entry points for "
              "query, mutation, and subscription operations.")
      .field(def("description", "String", {}, {}, on<Schema>([](const Schema& s, auto&) { return optional_text(s.description()); })))
      .field(def("types", "[__Type!]!", "A list of all types supported by this server.", {},
              on<Schema>([](const Schema& s, auto&) { return objects(s.types()); })))
      .field(def("queryType", "__Type!", "The type that query operations will be rooted at.", {},
              on<Schema>([](const Schema& s, auto&) { return Result::object(&s.query_type()); })))
      .field(def("mutationType", "__Type",
              "If this server supports mutation, the type that mutation operations will be rooted at.", {},
              on<Schema>([](const Schema& s, auto&) {
                return s.mutation_type() ? Result::object(s.mutation_type()) : Result();
              })))
      .field(def("subscriptionType", "__Type",
              "If this server support subscription, the type that subscription operations will be rooted at.",
              {}, [](const ResolveInfo&) { return Result(); }))
      .field(def("directives", "[__Directive!]!", "A list of all directives supported by this server.", {},
              on<Schema>([](const Schema& s, auto&) { return objects(s.directives()); })));
}

void add_type_type(SchemaBuilder& builder) {
  builder
      .object("__Type",
              "The fundamental unit of any GraphQL Schema is the type. There are many kinds of "
              "types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the "
              "kind of a type, certain fields describe information about that type. Scalar types "
              "provide no information beyond a name, description and optional `specifiedByURL`, "
              "while Enum types provide their values. Object and Interface types provide the "
              "fields they describe. Abstract types, Union and Interface, provide the Object "
              "types possible at runtime. List and NonNull types compose other types.")
      .field(def("kind", "__TypeKind!", {}, {},
              on<Type>([](const Type& t, auto&) { return text(introspection_name(t.kind)); })))
      .field(def("name", "String", {}, {}, on<Type>([](const Type& t, auto&) { return optional_text(t.name); })))
      .field(def("description", "String", {}, {},
              on<Type>([](const Type& t, auto&) { return optional_text(t.description); })))
      .field(def("specifiedByURL", "String", {}, {},
              on<Type>([](const Type& t, auto&) { return optional_text(t.specified_by_url); })))
      .field(def("fields", "[__Field!]", {}, {kIncludeDeprecated},
              on<Type>([](const Type& t, const ResolveInfo& info) {
                if (t.kind != TypeKind::object && t.kind != TypeKind::interface) return Result();
                return visible(t.fields, info);
              })))
      .field(def("interfaces", "[__Type!]", {}, {}, on<Type>([](const Type& t, auto&) {
                if (t.kind != TypeKind::object && t.kind != TypeKind::interface) return Result();
                return objects(t.interfaces);
              })))
      .field(def("possibleTypes", "[__Type!]", {}, {}, on<Type>([](const Type& t, auto&) {
                if (!t.is_abstract()) return Result();
                return objects(t.possible_types);
              })))
      .field(def("enumValues", "[__EnumValue!]", {}, {kIncludeDeprecated},
              on<Type>([](const Type& t, const ResolveInfo& info) {
                if (t.kind != TypeKind::enum_) return Result();
                return visible(t.enum_values, info);
              })))
      .field(def("inputFields", "[__InputValue!]", {}, {kIncludeDeprecated},
              on<Type>([](const Type& t, const ResolveInfo& info) {
                if (t.kind != TypeKind::input_object) return Result();
                return visible(t.input_fields, info);
              })))
      .field(def("ofType", "__Type", {}, {},
              on<Type>([](const Type& t, auto&) { return t.of_type ? Result::object(t.of_type) : Result(); })))
      // graphql-js 16.9 asks for it when its introspection query's `oneOf` option is on.
      .field(def("isOneOf", "Boolean", {}, {}, [](const ResolveInfo&) { return Result::leaf(false); }));
}

void add_field_types(SchemaBuilder& builder) {
  builder
      .object("__Field",
              "Object and Interface types are described by a list of Fields, each of which has a "
              "name, potentially a list of arguments, and a return type.")
      .field(def("name", "String!", {}, {}, on<FieldDefinition>([](const FieldDefinition& f, auto&) { return text(f.name); })))
      .field(def("description", "String", {}, {},
              on<FieldDefinition>([](const FieldDefinition& f, auto&) { return optional_text(f.description); })))
      .field(def("args", "[__InputValue!]!", {}, {kIncludeDeprecated},
              on<FieldDefinition>([](const FieldDefinition& f, const ResolveInfo& info) { return visible(f.arguments, info); })))
      .field(def("type", "__Type!", {}, {},
              on<FieldDefinition>([](const FieldDefinition& f, auto&) { return Result::object(f.type); })))
      .field(def("isDeprecated", "Boolean!", {}, {},
              on<FieldDefinition>([](const FieldDefinition& f, auto&) { return Result::leaf(f.deprecation_reason.has_value()); })))
      .field(def("deprecationReason", "String", {}, {},
              on<FieldDefinition>([](const FieldDefinition& f, auto&) { return optional_reason(f.deprecation_reason); })));

  builder
      .object("__InputValue",
              "Arguments provided to Fields or Directives and the input fields of an "
              "InputObject are represented as Input Values which describe their type and "
              "optionally a default value.")
      .field(def("name", "String!", {}, {}, on<InputValue>([](const InputValue& v, auto&) { return text(v.name); })))
      .field(def("description", "String", {}, {},
              on<InputValue>([](const InputValue& v, auto&) { return optional_text(v.description); })))
      .field(def("type", "__Type!", {}, {}, on<InputValue>([](const InputValue& v, auto&) { return Result::object(v.type); })))
      .field(def("defaultValue", "String",
              "A GraphQL-formatted string representing the default value for this input value.", {},
              on<InputValue>([](const InputValue& v, auto&) {
                return v.default_value ? text(print_input_value(*v.type, *v.default_value)) : Result();
              })))
      .field(def("isDeprecated", "Boolean!", {}, {},
              on<InputValue>([](const InputValue& v, auto&) { return Result::leaf(v.deprecation_reason.has_value()); })))
      .field(def("deprecationReason", "String", {}, {},
              on<InputValue>([](const InputValue& v, auto&) { return optional_reason(v.deprecation_reason); })));

  builder
      .object("__EnumValue",
              "One possible value for a given Enum. Enum values are unique values, not a "
              "placeholder for a string or numeric value. However an Enum value is returned in "
              "a JSON response as a string.")
      .field(def("name", "String!", {}, {},
              on<EnumValueDefinition>([](const EnumValueDefinition& v, auto&) { return text(v.name); })))
      .field(def("description", "String", {}, {},
              on<EnumValueDefinition>([](const EnumValueDefinition& v, auto&) { return optional_text(v.description); })))
      .field(def("isDeprecated", "Boolean!", {}, {},
              on<EnumValueDefinition>([](const EnumValueDefinition& v, auto&) { return Result::leaf(v.deprecation_reason.has_value()); })))
      .field(def("deprecationReason", "String", {}, {},
              on<EnumValueDefinition>([](const EnumValueDefinition& v, auto&) { return optional_reason(v.deprecation_reason); })));

  builder
      .object("__Directive",
              "A Directive provides a way to describe alternate runtime execution and type "
              "validation behavior in a GraphQL document.\n\nIn some cases, you need to provide "
              "options to alter GraphQL's execution behavior in ways field arguments will not "
              "suffice, such as conditionally including or skipping a field. Directives provide "
              "this by describing additional information to the executor.")
      .field(def("name", "String!", {}, {},
              on<DirectiveDefinition>([](const DirectiveDefinition& d, auto&) { return text(d.name); })))
      .field(def("description", "String", {}, {},
              on<DirectiveDefinition>([](const DirectiveDefinition& d, auto&) { return optional_text(d.description); })))
      .field(def("isRepeatable", "Boolean!", {}, {},
              on<DirectiveDefinition>([](const DirectiveDefinition& d, auto&) { return Result::leaf(d.repeatable); })))
      .field(def("locations", "[__DirectiveLocation!]!", {}, {},
              on<DirectiveDefinition>([](const DirectiveDefinition& d, auto&) {
                std::vector<Result> names;
                for (const auto& location : d.locations) names.push_back(text(location));
                return Result::list(std::move(names));
              })))
      .field(def("args", "[__InputValue!]!", {}, {kIncludeDeprecated},
              on<DirectiveDefinition>([](const DirectiveDefinition& d, const ResolveInfo& info) {
                return visible(d.arguments, info);
              })));
}

void add_enums(SchemaBuilder& builder) {
  builder.enum_type("__TypeKind", "An enum describing what kind of type a given `__Type` is.")
      .value("SCALAR", "Indicates this type is a scalar.")
      .value("OBJECT", "Indicates this type is an object. `fields` and `interfaces` are valid fields.")
      .value("INTERFACE",
             "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.")
      .value("UNION", "Indicates this type is a union. `possibleTypes` is a valid field.")
      .value("ENUM", "Indicates this type is an enum. `enumValues` is a valid field.")
      .value("INPUT_OBJECT", "Indicates this type is an input object. `inputFields` is a valid field.")
      .value("LIST", "Indicates this type is a list. `ofType` is a valid field.")
      .value("NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field.");

  builder
      .enum_type("__DirectiveLocation",
                 "A Directive can be adjacent to many parts of the GraphQL language, a "
                 "__DirectiveLocation describes one such possible adjacencies.")
      .value("QUERY", "Location adjacent to a query operation.")
      .value("MUTATION", "Location adjacent to a mutation operation.")
      .value("SUBSCRIPTION", "Location adjacent to a subscription operation.")
      .value("FIELD", "Location adjacent to a field.")
      .value("FRAGMENT_DEFINITION", "Location adjacent to a fragment definition.")
      .value("FRAGMENT_SPREAD", "Location adjacent to a fragment spread.")
      .value("INLINE_FRAGMENT", "Location adjacent to an inline fragment.")
      .value("VARIABLE_DEFINITION", "Location adjacent to a variable definition.")
      .value("SCHEMA", "Location adjacent to a schema definition.")
      .value("SCALAR", "Location adjacent to a scalar definition.")
      .value("OBJECT", "Location adjacent to an object type definition.")
      .value("FIELD_DEFINITION", "Location adjacent to a field definition.")
      .value("ARGUMENT_DEFINITION", "Location adjacent to an argument definition.")
      .value("INTERFACE", "Location adjacent to an interface definition.")
      .value("UNION", "Location adjacent to a union definition.")
      .value("ENUM", "Location adjacent to an enum definition.")
      .value("ENUM_VALUE", "Location adjacent to an enum value definition.")
      .value("INPUT_OBJECT", "Location adjacent to an input object type definition.")
      .value("INPUT_FIELD_DEFINITION", "Location adjacent to an input object field definition.");
}

}  // namespace

void add_introspection_types(SchemaBuilder& builder) {
  add_schema_type(builder);
  add_type_type(builder);
  add_field_types(builder);
  add_enums(builder);
}

bool is_introspection_type(std::string_view name) {
  return name == "__Schema" || name == "__Type" || name == "__Field" || name == "__InputValue" ||
         name == "__EnumValue" || name == "__Directive" || name == "__TypeKind" ||
         name == "__DirectiveLocation";
}

FieldDefinition schema_meta_field_definition() {
  return def("__schema", "__Schema!", "Access the current type schema of this server.", {},
          [](const ResolveInfo& info) { return Result::object(&info.schema); });
}

FieldDefinition type_meta_field_definition() {
  return def("__type", "__Type", "Request the type information of a single type.",
          {argument("name", "String!")}, [](const ResolveInfo& info) {
            const auto* name = info.argument("name");
            const Type* type = name && name->is_string() ? info.schema.find_type(name->get_string()) : nullptr;
            return type ? Result::object(type) : Result();
          });
}

FieldDefinition typename_meta_field_definition() {
  return def("__typename", "String!", "The name of the current Object type at runtime.", {},
          [](const ResolveInfo& info) { return Result::leaf(json::string(info.parent_type.name)); });
}

std::vector<DirectiveDefinition> built_in_directives() {
  return {
      {"include",
       "Directs the executor to include this field or fragment only when the `if` argument is true.",
       {"FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"},
       {argument("if", "Boolean!", "Included when true.")}},
      {"skip", "Directs the executor to skip this field or fragment when the `if` argument is true.",
       {"FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"},
       {argument("if", "Boolean!", "Skipped when true.")}},
      {"deprecated", "Marks an element of a GraphQL schema as no longer supported.",
       {"FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"},
       {argument("reason", "String",
         "Explains why this element was deprecated, usually also including a suggestion for how to "
         "access supported similar data. Formatted using the Markdown syntax, as specified by "
         "[CommonMark](https://commonmark.org/).",
         json::value(kDefaultDeprecationReason))}},
      {"specifiedBy", "Exposes a URL that specifies the behavior of this scalar.",
       {"SCALAR"},
       {argument("url", "String!", "The URL that specifies the behavior of this scalar.")}},
  };
}

}  // namespace disha::graphql
