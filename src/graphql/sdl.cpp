#include "graphql/sdl.hpp"

#include <boost/json/serialize.hpp>

#include "graphql/introspection.hpp"
#include "graphql/scalars.hpp"
#include "graphql/values.hpp"

namespace disha::graphql {

namespace {

constexpr std::string_view kDefaultDeprecationReason = "No longer supported";

std::string quoted(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

bool printable_as_block_string(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\n' && c != '\t') return false;
  }
  return true;
}

bool is_white_space(char c) { return c == ' ' || c == '\t'; }

// graphql-js's printBlockString.
std::string block_string(std::string_view value) {
  std::string escaped;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.substr(i, 3) == "\"\"\"") {
      escaped += "\\\"\"\"";
      i += 2;
    } else {
      escaped += value[i];
    }
  }
  std::vector<std::string_view> lines;
  std::string_view rest = escaped;
  for (auto end = rest.find('\n'); end != std::string_view::npos; end = rest.find('\n')) {
    lines.push_back(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
  lines.push_back(rest);
  bool single_line = lines.size() == 1;
  bool force_leading_newline = lines.size() > 1 && std::all_of(lines.begin() + 1, lines.end(), [](auto line) {
                                 return line.empty() || is_white_space(line.front());
                               });
  bool trailing_triple_quotes = escaped.ends_with("\\\"\"\"");
  bool trailing_quote = value.ends_with('"') && !trailing_triple_quotes;
  bool trailing_slash = value.ends_with('\\');
  bool force_trailing_newline = trailing_quote || trailing_slash;
  bool multiple_lines = !single_line || value.size() > 70 || force_trailing_newline || force_leading_newline ||
                        trailing_triple_quotes;
  bool skip_leading_newline = single_line && !value.empty() && is_white_space(value.front());
  std::string result;
  if ((multiple_lines && !skip_leading_newline) || force_leading_newline) result += '\n';
  result += escaped;
  if (multiple_lines || force_trailing_newline) result += '\n';
  return "\"\"\"" + result + "\"\"\"";
}

std::string description(std::string_view text, std::string_view indentation = {}, bool first_in_block = true) {
  if (text.empty()) return {};
  std::string printed = printable_as_block_string(text) ? block_string(text) : quoted(text);
  std::string indented;
  for (char c : printed) {
    indented += c;
    if (c == '\n') indented += indentation;
  }
  std::string prefix = !indentation.empty() && !first_in_block ? "\n" + std::string(indentation) : std::string(indentation);
  return prefix + indented + "\n";
}

std::string deprecated(const std::optional<std::string>& reason) {
  if (!reason) return {};
  if (*reason == kDefaultDeprecationReason) return " @deprecated";
  return " @deprecated(reason: " + quoted(*reason) + ")";
}

std::string input_value(const InputValue& value) {
  std::string out = value.name + ": " + value.type->spelling();
  if (value.default_value) out += " = " + print_input_value(*value.type, *value.default_value);
  return out + deprecated(value.deprecation_reason);
}

std::string arguments(const std::vector<InputValue>& args, const std::string& indentation) {
  if (args.empty()) return {};
  bool described = std::any_of(args.begin(), args.end(), [](const auto& arg) { return !arg.description.empty(); });
  std::string out = "(";
  if (!described) {
    for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + input_value(args[i]);
    return out + ")";
  }
  out += "\n";
  for (std::size_t i = 0; i < args.size(); ++i) {
    out += description(args[i].description, "  " + indentation, i == 0) + "  " + indentation + input_value(args[i]);
    out += "\n";
  }
  return out + indentation + ")";
}

std::string block(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  std::string out = " {\n";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
  return out + "\n}";
}

std::string implemented(const Type& type) {
  std::string out;
  for (std::size_t i = 0; i < type.interfaces.size(); ++i) out += (i ? " & " : " implements ") + type.interfaces[i]->name;
  return out;
}

std::string fields(const Type& type) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < type.fields.size(); ++i) {
    const auto& field = type.fields[i];
    items.push_back(description(field.description, "  ", i == 0) + "  " + field.name + arguments(field.arguments, "  ") +
                    ": " + field.type->spelling() + deprecated(field.deprecation_reason));
  }
  return block(items);
}

std::string type_definition(const Type& type) {
  auto head = description(type.description);
  switch (type.kind) {
    case TypeKind::scalar:
      return head + "scalar " + type.name +
             (type.specified_by_url.empty() ? "" : " @specifiedBy(url: " + quoted(type.specified_by_url) + ")");
    case TypeKind::object:
      return head + "type " + type.name + implemented(type) + fields(type);
    case TypeKind::interface:
      return head + "interface " + type.name + implemented(type) + fields(type);
    case TypeKind::union_: {
      std::string members;
      for (std::size_t i = 0; i < type.possible_types.size(); ++i) {
        members += (i ? " | " : " = ") + type.possible_types[i]->name;
      }
      return head + "union " + type.name + members;
    }
    case TypeKind::enum_: {
      std::vector<std::string> items;
      for (std::size_t i = 0; i < type.enum_values.size(); ++i) {
        const auto& value = type.enum_values[i];
        items.push_back(description(value.description, "  ", i == 0) + "  " + value.name +
                        deprecated(value.deprecation_reason));
      }
      return head + "enum " + type.name + block(items);
    }
    case TypeKind::input_object: {
      std::vector<std::string> items;
      for (std::size_t i = 0; i < type.input_fields.size(); ++i) {
        const auto& field = type.input_fields[i];
        items.push_back(description(field.description, "  ", i == 0) + "  " + input_value(field));
      }
      return head + "input " + type.name + block(items);
    }
    default:
      return {};
  }
}

}  // namespace

std::string print_schema(const Schema& schema) {
  std::vector<std::string> parts;
  bool common_names = schema.query_type().name == "Query" &&
                      (!schema.mutation_type() || schema.mutation_type()->name == "Mutation");
  if (!schema.description().empty() || !common_names) {
    std::string definition = description(schema.description()) + "schema {\n  query: " + schema.query_type().name;
    if (schema.mutation_type()) definition += "\n  mutation: " + schema.mutation_type()->name;
    parts.push_back(definition + "\n}");
  }
  for (const auto* type : schema.types()) {
    if (is_built_in_scalar(type->name) || is_introspection_type(type->name)) continue;
    if (type->name == "Mutation" && !schema.mutation_type()) continue;
    parts.push_back(type_definition(*type));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "\n\n" : "") + parts[i];
  return out + "\n";
}

}  // namespace disha::graphql
