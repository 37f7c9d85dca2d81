#include "graphql/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "graphql/lexer.hpp"

namespace disha::graphql {

namespace {

// The words that start a type-system definition or extension (spec §3).
constexpr std::array<std::string_view, 9> kTypeSystemKeywords = {
    "schema", "scalar", "type", "interface", "union", "enum", "input", "directive", "extend"};

// Recursive descent over the grammar of spec §2, one token of lookahead. Each recursion passes
// through a Nesting, so the stack grows no deeper than the depth limit allows.
class Parser {
 public:
  Parser(std::string_view source, const ParseLimits& limits)
      : lexer_(source, limits.max_tokens), max_depth_(limits.max_depth) {
    advance();
  }

  std::vector<Definition> document() {
    std::vector<Definition> definitions;
    do {
      definitions.push_back(definition());
    } while (!peek(TokenKind::end_of_file));
    return definitions;
  }

 private:
  // One level of nesting, for as long as it lives.
  class Nesting {
   public:
    explicit Nesting(Parser& parser) : parser_(parser) {
      if (parser_.depth_ == parser_.max_depth_) {
        parser_.fail(fmt::format("The document nests deeper than {} levels.", parser_.max_depth_));
      }
      ++parser_.depth_;
    }
    ~Nesting() { --parser_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    Parser& parser_;
  };

  Definition definition() {
    if (peek(TokenKind::brace_open) || peek_keyword("query") || peek_keyword("mutation") ||
        peek_keyword("subscription")) {
      return operation();
    }
    if (peek_keyword("fragment")) return fragment();
    // Here a string (a description) or one of these keywords can only start a type-system
    // definition.
    if (peek(TokenKind::string_value) ||
        (peek(TokenKind::name) && std::find(kTypeSystemKeywords.begin(), kTypeSystemKeywords.end(),
                                            current_.value) != kTypeSystemKeywords.end())) {
      fail(
          fmt::format("Unexpected {}: a document sent for execution holds only operations and "
                      "fragments, not type-system definitions.",
                      describe(current_)));
    }
    unexpected();
  }

  OperationDefinition operation() {
    OperationDefinition operation;
    operation.location = current_.location;
    if (!peek(TokenKind::brace_open)) {
      operation.operation = operation_type();
      if (peek(TokenKind::name)) operation.name = name();
      operation.variable_definitions = variable_definitions();
      operation.directives = directives(/*is_const=*/false);
    }
    operation.selection_set = selection_set();
    return operation;
  }

  OperationType operation_type() {
    const std::string_view word = name();
    if (word == "mutation") return OperationType::mutation;
    if (word == "subscription") return OperationType::subscription;
    return OperationType::query;
  }

  FragmentDefinition fragment() {
    FragmentDefinition fragment;
    fragment.location = current_.location;
    expect_keyword("fragment");
    if (peek_keyword("on")) {
      fail("Unexpected Name \"on\": a fragment needs a name, and not \"on\".");
    }
    fragment.name = name();
    expect_keyword("on");
    fragment.type_condition = name();
    fragment.directives = directives(/*is_const=*/false);
    fragment.selection_set = selection_set();
    return fragment;
  }

  std::vector<VariableDefinition> variable_definitions() {
    std::vector<VariableDefinition> definitions;
    if (!skip(TokenKind::paren_open)) return definitions;
    do {
      VariableDefinition definition;
      definition.location = current_.location;
      expect(TokenKind::dollar);
      definition.name = name();
      expect(TokenKind::colon);
      definition.type = type();
      if (skip(TokenKind::equals)) definition.default_value = value(/*is_const=*/true);
      definition.directives = directives(/*is_const=*/true);
      definitions.push_back(std::move(definition));
    } while (!skip(TokenKind::paren_close));
    return definitions;
  }

  TypeReference type() {
    TypeReference type;
    type.location = current_.location;
    if (peek(TokenKind::bracket_open)) {
      const Nesting nesting(*this);
      advance();
      type.kind = TypeReference::Kind::list;
      type.of_type = std::make_unique<TypeReference>(this->type());
      expect(TokenKind::bracket_close);
    } else {
      type.name = name();
    }
    if (!skip(TokenKind::bang)) return type;
    TypeReference non_null;
    non_null.kind = TypeReference::Kind::non_null;
    non_null.location = type.location;
    non_null.of_type = std::make_unique<TypeReference>(std::move(type));
    return non_null;
  }

  std::vector<Selection> selection_set() {
    const Nesting nesting(*this);
    expect(TokenKind::brace_open);
    std::vector<Selection> selections;
    do {
      selections.push_back(selection());
    } while (!skip(TokenKind::brace_close));
    return selections;
  }

  Selection selection() {
    if (!peek(TokenKind::spread)) return {field()};
    const SourceLocation location = current_.location;
    advance();
    // `... on T` is always an inline fragment: no fragment may be named "on".
    if (peek(TokenKind::name) && !peek_keyword("on")) {
      FragmentSpread spread;
      spread.location = location;
      spread.name = name();
      spread.directives = directives(/*is_const=*/false);
      return {std::move(spread)};
    }
    InlineFragment fragment;
    fragment.location = location;
    if (peek_keyword("on")) {
      advance();
      fragment.type_condition = name();
    }
    fragment.directives = directives(/*is_const=*/false);
    fragment.selection_set = selection_set();
    return {std::move(fragment)};
  }

  Field field() {
    Field field;
    field.location = current_.location;
    field.name = name();
    if (skip(TokenKind::colon)) {
      field.alias = field.name;
      field.name = name();
    }
    field.arguments = arguments(/*is_const=*/false);
    field.directives = directives(/*is_const=*/false);
    if (peek(TokenKind::brace_open)) field.selection_set = selection_set();
    return field;
  }

  std::vector<Argument> arguments(bool is_const) {
    std::vector<Argument> arguments;
    if (!skip(TokenKind::paren_open)) return arguments;
    do {
      Argument argument;
      argument.location = current_.location;
      argument.name = name();
      expect(TokenKind::colon);
      argument.value = value(is_const);
      arguments.push_back(std::move(argument));
    } while (!skip(TokenKind::paren_close));
    return arguments;
  }

  std::vector<Directive> directives(bool is_const) {
    std::vector<Directive> directives;
    while (peek(TokenKind::at)) {
      Directive directive;
      directive.location = current_.location;
      advance();
      directive.name = name();
      directive.arguments = arguments(is_const);
      directives.push_back(std::move(directive));
    }
    return directives;
  }

  // A Value, or with `is_const` a ConstValue: one without variables, anywhere inside it.
  Value value(bool is_const) {
    const SourceLocation location = current_.location;
    const std::string_view text = current_.value;
    switch (current_.kind) {
      case TokenKind::bracket_open:
        return {list(is_const)};
      case TokenKind::brace_open:
        return {object(is_const)};
      case TokenKind::int_value:
        advance();
        return {IntValue{text, location}};
      case TokenKind::float_value:
        advance();
        return {FloatValue{text, location}};
      case TokenKind::string_value: {
        // Copied before advancing: the text may live in the lexer's buffer.
        Value string{StringValue{std::string(text), location}};
        advance();
        return string;
      }
      case TokenKind::name:
        advance();
        if (text == "true" || text == "false") return {BooleanValue{text == "true", location}};
        if (text == "null") return {NullValue{location}};
        return {EnumValue{text, location}};
      case TokenKind::dollar:
        if (is_const) {
          fail(
              "Unexpected variable: a constant value (a default value, or an argument of a "
              "directive on a variable definition) cannot use variables.");
        }
        advance();
        return {Variable{name(), location}};
      default:
        unexpected();
    }
  }

  ListValue list(bool is_const) {
    const Nesting nesting(*this);
    ListValue list;
    list.location = current_.location;
    advance();
    while (!skip(TokenKind::bracket_close)) list.values.push_back(value(is_const));
    return list;
  }

  ObjectValue object(bool is_const) {
    const Nesting nesting(*this);
    ObjectValue object;
    object.location = current_.location;
    advance();
    while (!skip(TokenKind::brace_close)) {
      ObjectField field;
      field.location = current_.location;
      field.name = name();
      expect(TokenKind::colon);
      field.value = value(is_const);
      object.fields.push_back(std::move(field));
    }
    return object;
  }

  void advance() { current_ = lexer_.next(); }
  bool peek(TokenKind kind) const { return current_.kind == kind; }
  bool peek_keyword(std::string_view word) const {
    return current_.kind == TokenKind::name && current_.value == word;
  }

  bool skip(TokenKind kind) {
    if (!peek(kind)) return false;
    advance();
    return true;
  }

  void expect(TokenKind kind) {
    if (!skip(kind)) {
      fail(fmt::format("Expected {}, found {}.", spelling(kind), describe(current_)));
    }
  }

  void expect_keyword(std::string_view word) {
    if (!peek_keyword(word)) {
      fail(fmt::format("Expected \"{}\", found {}.", word, describe(current_)));
    }
    advance();
  }

  std::string_view name() {
    const std::string_view text = current_.value;
    expect(TokenKind::name);
    return text;
  }

  [[noreturn]] void unexpected() const { fail(fmt::format("Unexpected {}.", describe(current_))); }
  [[noreturn]] void fail(const std::string& description) const {
    throw SyntaxError(description, current_.location);
  }

  Lexer lexer_;
  Token current_;
  std::size_t depth_ = 0;
  std::size_t max_depth_;
};

}  // namespace

Document parse(std::string source, const ParseLimits& limits) {
  if (source.size() > limits.max_source_bytes) {
    throw SyntaxError(fmt::format("The document is {} bytes long, more than the limit of {}.",
                                  source.size(), limits.max_source_bytes),
                      SourceLocation{1, 1});
  }
  Document document;
  document.source = std::make_unique<const std::string>(std::move(source));
  document.definitions = Parser(*document.source, limits).document();
  return document;
}

}  // namespace disha::graphql
