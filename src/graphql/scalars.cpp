#include "graphql/scalars.hpp"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "graphql/printer.hpp"

namespace disha::graphql {

namespace json = boost::json;

namespace {

constexpr double kIntMin = std::numeric_limits<std::int32_t>::min();
constexpr double kIntMax = std::numeric_limits<std::int32_t>::max();

std::optional<double> as_number(const json::value& value) {
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  if (value.is_double()) return value.get_double();
  return std::nullopt;
}

json::value int_from_number(double number, const std::string& shown) {
  if (!std::isfinite(number) || std::trunc(number) != number) {
    throw CoercionError("Int cannot represent non-integer value: " + shown);
  }
  if (number < kIntMin || number > kIntMax) {
    throw CoercionError("Int cannot represent non 32-bit signed integer value: " + shown);
  }
  return static_cast<std::int64_t>(number);
}

json::value serialize_int(const json::value& value) {
  if (value.is_bool()) return value.get_bool() ? 1 : 0;
  if (auto number = as_number(value)) return int_from_number(*number, inspect(value));
  throw CoercionError("Int cannot represent non-integer value: " + inspect(value));
}

json::value parse_int(const json::value& value) {
  if (auto number = as_number(value)) return int_from_number(*number, inspect(value));
  throw CoercionError("Int cannot represent non-integer value: " + inspect(value));
}

json::value parse_int_literal(const Value& literal) {
  const auto* integer = std::get_if<IntValue>(&literal.node);
  if (!integer) throw CoercionError("Int cannot represent non-integer value: " + print(literal));
  std::int64_t number = 0;
  auto [end, status] = std::from_chars(integer->text.data(), integer->text.data() + integer->text.size(), number);
  if (status != std::errc() || number < kIntMin || number > kIntMax) {
    throw CoercionError("Int cannot represent non 32-bit signed integer value: " + print(literal));
  }
  return number;
}

json::value float_from_number(double number, const std::string& shown) {
  if (!std::isfinite(number)) throw CoercionError("Float cannot represent non numeric value: " + shown);
  return number;
}

json::value serialize_float(const json::value& value) {
  if (value.is_bool()) return value.get_bool() ? 1.0 : 0.0;
  if (auto number = as_number(value)) return float_from_number(*number, inspect(value));
  throw CoercionError("Float cannot represent non numeric value: " + inspect(value));
}

json::value parse_float(const json::value& value) {
  if (auto number = as_number(value)) return float_from_number(*number, inspect(value));
  throw CoercionError("Float cannot represent non numeric value: " + inspect(value));
}

json::value parse_float_literal(const Value& literal) {
  std::string_view text;
  if (const auto* integer = std::get_if<IntValue>(&literal.node)) text = integer->text;
  if (const auto* real = std::get_if<FloatValue>(&literal.node)) text = real->text;
  if (text.empty()) throw CoercionError("Float cannot represent non numeric value: " + print(literal));
  double number = std::strtod(std::string(text).c_str(), nullptr);
  return float_from_number(number, print(literal));
}

json::value serialize_string(const json::value& value) {
  if (value.is_string()) return value;
  if (value.is_bool()) return value.get_bool() ? "true" : "false";
  if (value.is_number()) return json::string(json::serialize(value));
  throw CoercionError("String cannot represent value: " + inspect(value));
}

json::value parse_string(const json::value& value) {
  if (value.is_string()) return value;
  throw CoercionError("String cannot represent a non string value: " + inspect(value));
}

json::value parse_string_literal(const Value& literal) {
  if (const auto* text = std::get_if<StringValue>(&literal.node)) return json::string(text->value);
  throw CoercionError("String cannot represent a non string value: " + print(literal));
}

json::value serialize_boolean(const json::value& value) {
  if (value.is_bool()) return value;
  if (auto number = as_number(value); number && std::isfinite(*number)) return *number != 0;
  throw CoercionError("Boolean cannot represent a non boolean value: " + inspect(value));
}

json::value parse_boolean(const json::value& value) {
  if (value.is_bool()) return value;
  throw CoercionError("Boolean cannot represent a non boolean value: " + inspect(value));
}

json::value parse_boolean_literal(const Value& literal) {
  if (const auto* flag = std::get_if<BooleanValue>(&literal.node)) return flag->value;
  throw CoercionError("Boolean cannot represent a non boolean value: " + print(literal));
}

json::value serialize_id(const json::value& value) {
  if (value.is_string()) return value;
  if (value.is_int64() || value.is_uint64()) return json::string(json::serialize(value));
  throw CoercionError("ID cannot represent value: " + inspect(value));
}

json::value parse_id(const json::value& value) {
  if (value.is_string()) return value;
  if (value.is_int64() || value.is_uint64()) return json::string(json::serialize(value));
  throw CoercionError("ID cannot represent value: " + inspect(value));
}

json::value parse_id_literal(const Value& literal) {
  if (const auto* text = std::get_if<StringValue>(&literal.node)) return json::string(text->value);
  if (const auto* integer = std::get_if<IntValue>(&literal.node)) return json::string(integer->text);
  throw CoercionError("ID cannot represent a non-string and non-integer value: " + print(literal));
}

}  // namespace

const std::vector<std::pair<std::string, ScalarCoercion>>& built_in_scalars() {
  static const std::vector<std::pair<std::string, ScalarCoercion>> scalars = {
      {"Int", {serialize_int, parse_int, parse_int_literal}},
      {"Float", {serialize_float, parse_float, parse_float_literal}},
      {"String", {serialize_string, parse_string, parse_string_literal}},
      {"Boolean", {serialize_boolean, parse_boolean, parse_boolean_literal}},
      {"ID", {serialize_id, parse_id, parse_id_literal}},
  };
  return scalars;
}

std::string_view built_in_scalar_description(std::string_view name) {
  // graphql-js's wording, so introspection reads the same as any other server's.
  if (name == "Int") {
    return "The `Int` scalar type represents non-fractional signed whole numeric values. Int can "
           "represent values between -(2^31) and 2^31 - 1.";
  }
  if (name == "Float") {
    return "The `Float` scalar type represents signed double-precision fractional values as "
           "specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
  }
  if (name == "String") {
    return "The `String` scalar type represents textual data, represented as UTF-8 character "
           "sequences. The String type is most often used by GraphQL to represent free-form "
           "human-readable text.";
  }
  if (name == "Boolean") return "The `Boolean` scalar type represents `true` or `false`.";
  return "The `ID` scalar type represents a unique identifier, often used to refetch an object "
         "or as key for a cache. The ID type appears in a JSON response as a String; however, "
         "it is not intended to be human-readable. When expected as an input type, any string "
         "(such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
}

ScalarCoercion json_scalar() {
  auto identity = [](const json::value& value) { return value; };
  return {identity, identity, nullptr};
}

bool is_built_in_scalar(std::string_view name) {
  return name == "Int" || name == "Float" || name == "String" || name == "Boolean" || name == "ID";
}

std::string inspect(const json::value& value) {
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& member : value.get_object()) {
      out += (first ? " " : ", ") + std::string(member.key()) + ": " + inspect(member.value());
      first = false;
    }
    return out + (first ? "}" : " }");
  }
  if (value.is_array()) {
    std::string out = "[";
    bool first = true;
    for (const auto& item : value.get_array()) {
      out += (first ? "" : ", ") + inspect(item);
      first = false;
    }
    return out + "]";
  }
  return json::serialize(value);
}

json::value literal_json(const Value& literal, const json::object& variables) {
  return std::visit(
      [&](const auto& node) -> json::value {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, Variable>) {
          const auto* value = variables.if_contains(node.name);
          return value ? *value : json::value();
        } else if constexpr (std::is_same_v<Node, IntValue>) {
          std::int64_t number = 0;
          auto text = node.text;
          auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), number);
          if (status == std::errc()) return number;
          return std::strtod(std::string(text).c_str(), nullptr);
        } else if constexpr (std::is_same_v<Node, FloatValue>) {
          return std::strtod(std::string(node.text).c_str(), nullptr);
        } else if constexpr (std::is_same_v<Node, StringValue>) {
          return json::string(node.value);
        } else if constexpr (std::is_same_v<Node, BooleanValue>) {
          return node.value;
        } else if constexpr (std::is_same_v<Node, NullValue>) {
          return nullptr;
        } else if constexpr (std::is_same_v<Node, EnumValue>) {
          return json::string(node.name);
        } else if constexpr (std::is_same_v<Node, ListValue>) {
          json::array items;
          for (const auto& item : node.values) items.push_back(literal_json(item, variables));
          return items;
        } else {
          json::object fields;
          for (const auto& field : node.fields) fields[field.name] = literal_json(field.value, variables);
          return fields;
        }
      },
      literal.node);
}

}  // namespace disha::graphql
