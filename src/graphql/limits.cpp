#include "graphql/limits.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "graphql/error.hpp"

namespace disha::graphql {

namespace json = boost::json;

namespace {

constexpr std::uint64_t kSaturated = std::numeric_limits<std::uint64_t>::max() / 4;

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) { return std::min(kSaturated, a + b); }
std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturated / b ? kSaturated : a * b;
}

struct SelectionMeasure {
  std::size_t depth = 0;     // deepest field chain below (a leaf field counts 1)
  std::uint64_t cost = 0;    // fields below, weighted by list sizes
};

class Measurer {
 public:
  Measurer(const Schema& schema, const Document& document, const json::object& variables)
      : schema_(schema), variables_(variables) {
    for (const auto& definition : document.definitions) {
      if (const auto* fragment = std::get_if<FragmentDefinition>(&definition)) fragments_[fragment->name] = fragment;
    }
  }

  SelectionMeasure selections(const Type* parent, const std::vector<Selection>& set, OperationMeasure& totals) {
    SelectionMeasure result;
    for (const auto& selection : set) {
      SelectionMeasure part;
      if (const auto* field = std::get_if<Field>(&selection.node)) {
        part = measure_field(parent, *field, totals);
      } else if (const auto* spread = std::get_if<FragmentSpread>(&selection.node)) {
        part = fragment(spread->name, totals);
      } else {
        const auto& inline_fragment = std::get<InlineFragment>(selection.node);
        const Type* on = inline_fragment.type_condition.empty() ? parent : schema_.find_type(inline_fragment.type_condition);
        part = selections(on, inline_fragment.selection_set, totals);
      }
      result.depth = std::max(result.depth, part.depth);
      result.cost = saturating_add(result.cost, part.cost);
    }
    return result;
  }

 private:
  SelectionMeasure measure_field(const Type* parent, const Field& field, OperationMeasure& totals) {
    if (!field.alias.empty()) ++totals.aliases;
    if (field.name == "__schema" || field.name == "__type") totals.introspection = true;
    const FieldDefinition* definition = nullptr;
    if (parent) {
      const auto& named = parent->named();
      if (field.name == "__schema") {
        definition = &schema_.schema_meta_field();
      } else if (field.name == "__type") {
        definition = &schema_.type_meta_field();
      } else {
        definition = named.field(field.name);
      }
    }
    SelectionMeasure below;
    if (!field.selection_set.empty()) {
      below = selections(definition ? &definition->type->named() : nullptr, field.selection_set, totals);
    }
    std::uint64_t size = definition ? list_size(*definition, field) : 1;
    // Introspection is as deep as its type references (graphql-js's own query nests ofType nine
    // times) and bounded by the schema, so only the client's own fields count toward depth.
    if (field.name == "__schema" || field.name == "__type") below.depth = 0;
    return {below.depth + 1, saturating_add(1, saturating_multiply(size, below.cost))};
  }

  // How many items a field's value may hold: its size argument, else its declared default.
  std::uint64_t list_size(const FieldDefinition& definition, const Field& field) const {
    const auto& cost = definition.cost;
    if (!cost.size_argument.empty()) {
      for (const auto& argument : field.arguments) {
        if (argument.name != cost.size_argument) continue;
        if (const auto* integer = std::get_if<IntValue>(&argument.value.node)) {
          return std::max<std::int64_t>(0, std::strtoll(std::string(integer->text).c_str(), nullptr, 10));
        }
        if (const auto* variable = std::get_if<Variable>(&argument.value.node)) {
          const auto* value = variables_.if_contains(variable->name);
          if (value && value->is_int64()) return static_cast<std::uint64_t>(std::max<std::int64_t>(0, value->get_int64()));
        }
      }
    }
    return cost.default_size;
  }

  SelectionMeasure fragment(std::string_view name, OperationMeasure& totals) {
    if (auto known = measured_.find(name); known != measured_.end()) return known->second;
    auto found = fragments_.find(name);
    if (found == fragments_.end() || in_progress_.contains(name)) return {};
    in_progress_.emplace(name, true);
    const Type* on = schema_.find_type(found->second->type_condition);
    auto result = selections(on, found->second->selection_set, totals);
    in_progress_.erase(name);
    measured_.emplace(name, result);
    return result;
  }

  const Schema& schema_;
  const json::object& variables_;
  std::map<std::string_view, const FragmentDefinition*> fragments_;
  std::map<std::string_view, SelectionMeasure> measured_;
  std::map<std::string_view, bool> in_progress_;
};

}  // namespace

OperationMeasure measure(const Schema& schema, const Document& document, const OperationDefinition& operation,
                         const json::object& variables) {
  OperationMeasure totals;
  Measurer measurer(schema, document, variables);
  const Type* root = operation.operation == OperationType::mutation ? schema.mutation_type() : &schema.query_type();
  auto result = measurer.selections(root, operation.selection_set, totals);
  totals.depth = result.depth;
  totals.cost = result.cost;
  return totals;
}

OperationMeasure check_limits(const Schema& schema, const Document& document, const OperationDefinition& operation,
                              const json::object& variables, const Limits& limits) {
  auto totals = measure(schema, document, operation, variables);
  auto location = std::vector<SourceLocation>{operation.location};
  if (totals.introspection && !limits.introspection) {
    throw RequestError("GraphQL introspection is not allowed here: this server has it turned off.", location,
                       "INTROSPECTION_DISABLED");
  }
  if (totals.depth > limits.max_depth) {
    throw RequestError("The operation is " + std::to_string(totals.depth) + " fields deep; the limit is " +
                           std::to_string(limits.max_depth) + ".",
                       location, "GRAPHQL_LIMIT_EXCEEDED");
  }
  if (totals.aliases > limits.max_aliases) {
    throw RequestError("The operation uses " + std::to_string(totals.aliases) + " aliases; the limit is " +
                           std::to_string(limits.max_aliases) + ".",
                       location, "GRAPHQL_LIMIT_EXCEEDED");
  }
  if (totals.cost > limits.max_cost) {
    throw RequestError("The operation may cost " + std::to_string(totals.cost) + " (fields times list sizes); the limit is " +
                           std::to_string(limits.max_cost) + ".",
                       location, "GRAPHQL_LIMIT_EXCEEDED");
  }
  return totals;
}

}  // namespace disha::graphql
