#include "graphql/printer.hpp"

#include <fmt/format.h>

#include <iterator>

namespace disha::graphql {

namespace {

// A visitor over every kind of node, appending canonical text to `out`.
class Printer {
 public:
  std::string out;

  void operator()(const OperationDefinition& operation) {
    // The shorthand whenever it means the same operation.
    if (operation.operation != OperationType::query || !operation.name.empty() ||
        !operation.variable_definitions.empty() || !operation.directives.empty()) {
      out += keyword(operation.operation);
      if (!operation.name.empty()) {
        out += ' ';
        out += operation.name;
      }
      if (!operation.variable_definitions.empty()) {
        if (operation.name.empty()) out += ' ';
        out += '(';
        join(operation.variable_definitions, [this](const VariableDefinition& definition) {
          out += '$';
          out += definition.name;
          out += ": ";
          type(definition.type);
          if (definition.default_value) {
            out += " = ";
            value(*definition.default_value);
          }
          directives(definition.directives);
        });
        out += ')';
      }
      directives(operation.directives);
      out += ' ';
    }
    selection_set(operation.selection_set);
  }

  void operator()(const FragmentDefinition& fragment) {
    out += "fragment ";
    out += fragment.name;
    out += " on ";
    out += fragment.type_condition;
    directives(fragment.directives);
    out += ' ';
    selection_set(fragment.selection_set);
  }

  void operator()(const Field& field) {
    if (!field.alias.empty()) {
      out += field.alias;
      out += ": ";
    }
    out += field.name;
    arguments(field.arguments);
    directives(field.directives);
    if (!field.selection_set.empty()) {
      out += ' ';
      selection_set(field.selection_set);
    }
  }

  void operator()(const FragmentSpread& spread) {
    out += "...";
    out += spread.name;
    directives(spread.directives);
  }

  void operator()(const InlineFragment& fragment) {
    out += "...";
    if (!fragment.type_condition.empty()) {
      out += " on ";
      out += fragment.type_condition;
    }
    directives(fragment.directives);
    out += ' ';
    selection_set(fragment.selection_set);
  }

  void operator()(const Variable& variable) {
    out += '$';
    out += variable.name;
  }
  void operator()(const IntValue& number) { out += number.text; }
  void operator()(const FloatValue& number) { out += number.text; }
  void operator()(const StringValue& string) { string_literal(string.value); }
  void operator()(const BooleanValue& boolean) { out += boolean.value ? "true" : "false"; }
  void operator()(const NullValue&) { out += "null"; }
  void operator()(const EnumValue& enum_value) { out += enum_value.name; }

  void operator()(const ListValue& list) {
    out += '[';
    join(list.values, [this](const Value& item) { value(item); });
    out += ']';
  }

  void operator()(const ObjectValue& object) {
    out += '{';
    join(object.fields, [this](const ObjectField& field) {
      out += field.name;
      out += ": ";
      value(field.value);
    });
    out += '}';
  }

  void value(const Value& value) { std::visit(*this, value.node); }

  void type(const TypeReference& type) {
    switch (type.kind) {
      case TypeReference::Kind::named:
        out += type.name;
        break;
      case TypeReference::Kind::list:
        out += '[';
        this->type(*type.of_type);
        out += ']';
        break;
      case TypeReference::Kind::non_null:
        this->type(*type.of_type);
        out += '!';
        break;
    }
  }

 private:
  template <typename Items, typename PrintItem>
  void join(const Items& items, PrintItem print_item) {
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += ", ";
      first = false;
      print_item(item);
    }
  }

  void selection_set(const std::vector<Selection>& selections) {
    out += "{\n";
    ++depth_;
    for (const Selection& selection : selections) {
      out.append(2 * depth_, ' ');
      std::visit(*this, selection.node);
      out += '\n';
    }
    --depth_;
    out.append(2 * depth_, ' ');
    out += '}';
  }

  void arguments(const std::vector<Argument>& arguments) {
    if (arguments.empty()) return;
    out += '(';
    join(arguments, [this](const Argument& argument) {
      out += argument.name;
      out += ": ";
      value(argument.value);
    });
    out += ')';
  }

  void directives(const std::vector<Directive>& directives) {
    for (const Directive& directive : directives) {
      out += " @";
      out += directive.name;
      arguments(directive.arguments);
    }
  }

  // Escapes what must be escaped and, as spec §2.9.4 asks, the control characters U+0000 to
  // U+001F and U+007F to U+009F; other characters stay as they are (UTF-8).
  void string_literal(std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      switch (byte) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (byte < 0x20 || byte == 0x7F) {
            fmt::format_to(std::back_inserter(out), "\\u{:04X}", byte);
          } else if (byte == 0xC2 && i + 1 < text.size() &&
                     (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80) {
            // U+0080 to U+009F are C2 80 to C2 9F in UTF-8.
            fmt::format_to(std::back_inserter(out), "\\u{:04X}",
                           static_cast<unsigned char>(text[++i]));
          } else {
            out += text[i];
          }
      }
    }
    out += '"';
  }

  std::size_t depth_ = 0;
};

}  // namespace

std::string print(const Document& document) {
  Printer printer;
  for (const Definition& definition : document.definitions) {
    if (!printer.out.empty()) printer.out += '\n';
    std::visit(printer, definition);
    printer.out += '\n';
  }
  return std::move(printer.out);
}

std::string print(const Value& value) {
  Printer printer;
  printer.value(value);
  return std::move(printer.out);
}

std::string print(const TypeReference& type) {
  Printer printer;
  printer.type(type);
  return std::move(printer.out);
}

}  // namespace disha::graphql
