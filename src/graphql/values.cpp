#include "graphql/values.hpp"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>

#include "graphql/printer.hpp"
#include "graphql/scalars.hpp"

namespace disha::graphql {

namespace json = boost::json;

namespace {

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Variables whose values are not known yet (validation) fit wherever they are used: the rule
// "All Variable Usages Are Allowed" checks them.
struct LiteralCoercion {
  const json::object* variables = nullptr;  // null: variables unknown

  // nullopt: the value is absent (an unset variable).
  std::optional<json::value> coerce(const Type& type, const Value& literal) const {
    if (const auto* variable = std::get_if<Variable>(&literal.node)) {
      if (!variables) return json::value();
      const auto* value = variables->if_contains(variable->name);
      if (!value) return std::nullopt;
      if (value->is_null() && !type.nullable()) {
        throw CoercionError("Expected value of type \"" + type.spelling() + "\", found null.");
      }
      return *value;
    }
    if (type.kind == TypeKind::non_null) {
      if (std::holds_alternative<NullValue>(literal.node)) {
        throw CoercionError("Expected value of type \"" + type.spelling() + "\", found null.");
      }
      return coerce(*type.of_type, literal);
    }
    if (std::holds_alternative<NullValue>(literal.node)) return json::value();
    switch (type.kind) {
      case TypeKind::list:
        return coerce_list(type, literal);
      case TypeKind::input_object:
        return coerce_object(type, literal);
      case TypeKind::enum_:
        return coerce_enum(type, literal);
      default:
        return coerce_scalar(type, literal);
    }
  }

  json::value coerce_list(const Type& type, const Value& literal) const {
    json::array items;
    if (const auto* list = std::get_if<ListValue>(&literal.node)) {
      for (const auto& item : list->values) {
        auto value = coerce(*type.of_type, item);
        if (!value && !type.of_type->nullable()) {
          throw CoercionError("Expected value of type \"" + type.of_type->spelling() + "\", found " + print(item) + ".");
        }
        items.push_back(value ? std::move(*value) : json::value());
      }
      return items;
    }
    auto value = coerce(*type.of_type, literal);
    if (value) items.push_back(std::move(*value));
    return items;
  }

  json::value coerce_object(const Type& type, const Value& literal) const {
    const auto* object = std::get_if<ObjectValue>(&literal.node);
    if (!object) {
      throw CoercionError("Expected value of type \"" + type.name + "\", found " + print(literal) + ".");
    }
    for (const auto& field : object->fields) {
      if (!type.input_field(field.name)) {
        throw CoercionError("Field \"" + std::string(field.name) + "\" is not defined by type \"" + type.name + "\".");
      }
    }
    json::object result;
    for (const auto& definition : type.input_fields) {
      const ObjectField* given = nullptr;
      for (const auto& field : object->fields) {
        if (field.name == definition.name) given = &field;
      }
      std::optional<json::value> value;
      if (given) value = coerce(*definition.type, given->value);
      if (!value && definition.default_value) value = *definition.default_value;
      if (!value) {
        if (!definition.type->nullable()) {
          throw CoercionError("Field \"" + type.name + "." + definition.name + "\" of required type \"" +
                              definition.type->spelling() + "\" was not provided.");
        }
        continue;
      }
      result[definition.name] = std::move(*value);
    }
    return result;
  }

  static json::value coerce_enum(const Type& type, const Value& literal) {
    const auto* name = std::get_if<EnumValue>(&literal.node);
    if (!name) {
      throw CoercionError("Enum \"" + type.name + "\" cannot represent non-enum value: " + print(literal) + ".");
    }
    if (!type.enum_value(name->name)) {
      throw CoercionError("Value \"" + std::string(name->name) + "\" does not exist in \"" + type.name + "\" enum.");
    }
    return json::string(name->name);
  }

  json::value coerce_scalar(const Type& type, const Value& literal) const {
    // The built-in scalars' messages name the value already (graphql-js reports them as they
    // are); a custom scalar's reason is put after what was expected.
    if (type.coercion.parse_literal) return type.coercion.parse_literal(literal);
    try {
      static const json::object no_variables;
      return type.coercion.parse(literal_json(literal, variables ? *variables : no_variables));
    } catch (const CoercionError& error) {
      throw CoercionError("Expected value of type \"" + type.name + "\", found " + print(literal) + "; " + error.message());
    }
  }
};

std::string joined(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

json::value coerce_input(const Type& type, const json::value& value, const std::string& path) {
  if (type.kind == TypeKind::non_null) {
    if (value.is_null()) {
      throw CoercionError("Expected non-nullable type \"" + type.spelling() + "\" not to be null.", path);
    }
    return coerce_input(*type.of_type, value, path);
  }
  if (value.is_null()) return nullptr;
  switch (type.kind) {
    case TypeKind::list: {
      json::array items;
      if (value.is_array()) {
        std::size_t index = 0;
        for (const auto& item : value.get_array()) {
          items.push_back(coerce_input(*type.of_type, item, joined(path, std::to_string(index++))));
        }
      } else {
        items.push_back(coerce_input(*type.of_type, value, path));
      }
      return items;
    }
    case TypeKind::input_object: {
      if (!value.is_object()) {
        throw CoercionError("Expected type \"" + type.name + "\" to be an object.", path);
      }
      const auto& given = value.get_object();
      for (const auto& member : given) {
        if (!type.input_field(member.key())) {
          throw CoercionError("Field \"" + std::string(member.key()) + "\" is not defined by type \"" +
                                  type.name + "\".",
                              path);
        }
      }
      json::object result;
      for (const auto& definition : type.input_fields) {
        if (const auto* field = given.if_contains(definition.name)) {
          result[definition.name] = coerce_input(*definition.type, *field, joined(path, definition.name));
        } else if (definition.default_value) {
          result[definition.name] = *definition.default_value;
        } else if (!definition.type->nullable()) {
          throw CoercionError("Field \"" + definition.name + "\" of required type \"" +
                                  definition.type->spelling() + "\" was not provided.",
                              path);
        }
      }
      return result;
    }
    case TypeKind::enum_:
      if (!value.is_string() || !type.enum_value(value.get_string())) {
        if (value.is_string()) {
          throw CoercionError("Value " + inspect(value) + " does not exist in \"" + type.name + "\" enum.", path);
        }
        throw CoercionError("Enum \"" + type.name + "\" cannot represent non-string value: " + inspect(value) + ".", path);
      }
      return value;
    default:
      try {
        return type.coercion.parse(value);
      } catch (const CoercionError& error) {
        throw CoercionError(error.message(), path);
      }
  }
}

// The type a variable definition names; validation has checked it exists and is an input type.
const Type& type_of(const Schema& schema, const TypeReference& reference) {
  switch (reference.kind) {
    case TypeReference::Kind::list:
      return *schema.list_of(type_of(schema, *reference.of_type));
    case TypeReference::Kind::non_null:
      return *schema.non_null(type_of(schema, *reference.of_type));
    default:
      break;
  }
  const auto* type = schema.find_type(reference.name);
  if (!type || !type->is_input()) {
    throw RequestError("Variable type \"" + std::string(reference.name) + "\" is not an input type of this schema.",
                       {reference.location});
  }
  return *type;
}

std::string number_text(double number) {
  char buffer[32];
  auto [end, status] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, end);
}

std::string quoted_json(std::string_view text) { return json::serialize(json::string(text)); }

}  // namespace

json::value coerce_literal(const Type& type, const Value& literal, const json::object& variables) {
  auto value = LiteralCoercion{&variables}.coerce(type, literal);
  return value ? std::move(*value) : json::value();
}

std::optional<std::string> literal_error(const Type& type, const Value& literal) {
  try {
    LiteralCoercion{}.coerce(type, literal);
    return std::nullopt;
  } catch (const CoercionError& error) {
    return error.message();
  }
}

json::value coerce_variable_value(const Type& type, const json::value& value) {
  return coerce_input(type, value, {});
}

json::object coerce_variables(const Schema& schema, const OperationDefinition& operation,
                              const json::object& inputs) {
  json::object coerced;
  for (const auto& definition : operation.variable_definitions) {
    const auto& type = type_of(schema, definition.type);
    const auto name = std::string(definition.name);
    const auto* given = inputs.if_contains(definition.name);
    if (!given) {
      if (definition.default_value) {
        coerced[name] = coerce_literal(type, *definition.default_value, {});
      } else if (!type.nullable()) {
        throw RequestError("Variable \"$" + name + "\" of required type \"" + type.spelling() + "\" was not provided.",
                           {definition.location});
      }
      continue;
    }
    if (given->is_null() && !type.nullable()) {
      throw RequestError("Variable \"$" + name + "\" of non-null type \"" + type.spelling() + "\" must not be null.",
                         {definition.location});
    }
    try {
      coerced[name] = coerce_variable_value(type, *given);
    } catch (const CoercionError& error) {
      auto at = error.path().empty() ? std::string() : " at \"" + joined(name, error.path()) + "\"";
      throw RequestError("Variable \"$" + name + "\" got invalid value " + inspect(*given) + at + "; " + error.message(),
                         {definition.location});
    }
  }
  return coerced;
}

json::object coerce_arguments(const std::vector<InputValue>& definitions,
                              const std::vector<Argument>& arguments, const json::object& variables) {
  json::object coerced;
  for (const auto& definition : definitions) {
    const Argument* given = nullptr;
    for (const auto& argument : arguments) {
      if (argument.name == definition.name) given = &argument;
    }
    const auto* variable = given ? std::get_if<Variable>(&given->value.node) : nullptr;
    bool provided = given && (!variable || variables.contains(variable->name));
    if (!provided) {
      if (definition.default_value) {
        coerced[definition.name] = *definition.default_value;
      } else if (!definition.type->nullable()) {
        if (variable) {
          throw CoercionError("Argument \"" + definition.name + "\" of required type \"" + definition.type->spelling() +
                              "\" was provided the variable \"$" + std::string(variable->name) +
                              "\" which was not provided a runtime value.");
        }
        throw CoercionError("Argument \"" + definition.name + "\" of required type \"" +
                            definition.type->spelling() + "\" was not provided.");
      }
      continue;
    }
    if (variable) {
      const auto& value = variables.at(variable->name);
      if (value.is_null() && !definition.type->nullable()) {
        throw CoercionError("Argument \"" + definition.name + "\" of non-null type \"" +
                            definition.type->spelling() + "\" must not be null.");
      }
      coerced[definition.name] = value;
      continue;
    }
    try {
      coerced[definition.name] = coerce_literal(*definition.type, given->value, variables);
    } catch (const CoercionError& error) {
      throw CoercionError("Argument \"" + definition.name + "\" has invalid value " + print(given->value) + ". " +
                          error.message());
    }
  }
  return coerced;
}

std::string print_input_value(const Type& type, const json::value& value) {
  if (type.kind == TypeKind::non_null) return print_input_value(*type.of_type, value);
  if (value.is_null()) return "null";
  switch (type.kind) {
    case TypeKind::list: {
      if (!value.is_array()) return print_input_value(*type.of_type, value);
      std::string out = "[";
      for (const auto& item : value.get_array()) {
        if (out.size() > 1) out += ", ";
        out += print_input_value(*type.of_type, item);
      }
      return out + "]";
    }
    case TypeKind::input_object: {
      std::string out = "{";
      if (!value.is_object()) return out + "}";
      for (const auto& definition : type.input_fields) {
        const auto* field = value.get_object().if_contains(definition.name);
        if (!field) continue;
        if (out.size() > 1) out += ", ";
        out += definition.name + ": " + print_input_value(*definition.type, *field);
      }
      return out + "}";
    }
    case TypeKind::enum_:
      return value.is_string() ? std::string(value.get_string()) : inspect(value);
    default:
      break;
  }
  json::value serialized = value;
  if (type.coercion.serialize) serialized = type.coercion.serialize(value);
  if (serialized.is_bool()) return serialized.get_bool() ? "true" : "false";
  if (serialized.is_int64() || serialized.is_uint64()) return json::serialize(serialized);
  if (serialized.is_double()) return number_text(serialized.get_double());
  if (serialized.is_string()) {
    std::string_view text = serialized.get_string();
    bool integer_like = type.name == "ID" && !text.empty() &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return integer_like ? std::string(text) : quoted_json(text);
  }
  return quoted(json::serialize(serialized));
}

}  // namespace disha::graphql
