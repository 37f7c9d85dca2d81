#include "graphql/validation.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "graphql/lexer.hpp"
#include "graphql/printer.hpp"
#include "graphql/values.hpp"

// One walk over the document runs every rule, in graphql-js's order of rules at each node, so
// the errors come out in the order graphql-js 16 reports them, with its messages and locations.
// The walk tracks the types graphql-js's TypeInfo tracks: the parent type of a selection set
// (null when unknown: rules that need it stay silent, as the unknown name is reported once
// where it occurs) and the input type of a value.

namespace disha::graphql {

namespace {

using Selections = std::vector<Selection>;

// Thrown once `max_errors` errors are collected, to leave every walk at once.
struct ErrorLimitReached {};

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

bool is_object_or_interface(const Type* type) {
  return type && (type->kind == TypeKind::object || type->kind == TypeKind::interface);
}

// The composite named type under `type`, the parent type of a selection set below it.
const Type* composite_named(const Type* type) {
  return type && type->is_composite() ? &type->named() : nullptr;
}

// Calls on_repeat(first, index) for each item whose name an earlier item (`first`) has, in
// order. Items with an empty name take no part. Short lists, the usual case, need no hashing.
template <class Items, class NameOf, class OnRepeat>
void for_each_repeat(const Items& items, NameOf name_of, OnRepeat on_repeat) {
  constexpr std::size_t kShortList = 8;
  if (items.size() <= kShortList) {
    for (std::size_t index = 1; index < items.size(); ++index) {
      const std::string_view name = name_of(items[index]);
      if (name.empty()) continue;
      for (std::size_t first = 0; first < index; ++first) {
        if (name_of(items[first]) == name) {
          on_repeat(first, index);
          break;
        }
      }
    }
    return;
  }
  std::unordered_map<std::string_view, std::size_t> first_by_name;
  first_by_name.reserve(items.size());
  for (std::size_t index = 0; index < items.size(); ++index) {
    const std::string_view name = name_of(items[index]);
    if (name.empty()) continue;
    auto [found, inserted] = first_by_name.try_emplace(name, index);
    if (!inserted) on_repeat(found->second, index);
  }
}

// Line and column of a position in the source, for the nodes whose location the tree does not
// keep: names (they are views into the source) and a selection set's brace. Columns count code
// points, as the lexer's do. Errors come roughly in source order, so each scan goes on from the
// last one.
class SourcePositions {
 public:
  explicit SourcePositions(std::string_view source) : source_(source) {}

  SourceLocation of(const char* at) {
    if (at < source_.data() || at > source_.data() + source_.size()) return {};
    const auto offset = static_cast<std::size_t>(at - source_.data());
    if (offset < scanned_) {
      scanned_ = 0;
      location_ = {1, 1};
    }
    for (; scanned_ < offset; ++scanned_) {
      const char c = source_[scanned_];
      const bool crlf = c == '\r' && scanned_ + 1 < source_.size() && source_[scanned_ + 1] == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) {
        ++location_.line;
        location_.column = 1;
      } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++location_.column;
      }
    }
    return location_;
  }

  SourceLocation of(std::string_view name) { return of(name.data()); }

  // The `{` opening a field's selection set: the first brace after its name that is outside
  // the parentheses of its arguments and directives.
  SourceLocation selection_set_of(const Field& field) {
    const char* name = field.name.data();
    if (name < source_.data() || name >= source_.data() + source_.size()) return field.location;
    Lexer lexer(source_.substr(static_cast<std::size_t>(name - source_.data())));
    int parentheses = 0;
    for (Token token = lexer.next(); token.kind != TokenKind::end_of_file; token = lexer.next()) {
      if (token.kind == TokenKind::paren_open) ++parentheses;
      if (token.kind == TokenKind::paren_close) --parentheses;
      if (token.kind == TokenKind::brace_open && parentheses == 0) return of(token.value.data());
    }
    return field.location;
  }

 private:
  std::string_view source_;
  std::size_t scanned_ = 0;
  SourceLocation location_{1, 1};
};

// Where a variable is used, and what the position expects (graphql-js's getVariableUsages).
struct VariableUsage {
  const Variable* variable = nullptr;
  const Type* type = nullptr;         // null: the position is unknown
  bool location_has_default = false;  // the argument or input field there has a default value
};

// What the rules ask of the schema, the way graphql-js's TypeInfo answers it.
class SchemaLookup {
 public:
  explicit SchemaLookup(const Schema& schema) : schema_(schema) {}
  const Schema& schema() const noexcept { return schema_; }

  // `__schema` and `__type` exist on the query root only, `__typename` on every composite type.
  const FieldDefinition* field(const Type* parent, std::string_view name) const {
    if (!parent) return nullptr;
    if (parent == &schema_.query_type()) {
      if (name == "__schema") return &schema_.schema_meta_field();
      if (name == "__type") return &schema_.type_meta_field();
    }
    if (name == "__typename" && parent->is_composite()) return &schema_.typename_meta_field();
    return is_object_or_interface(parent) ? parent->field(name) : nullptr;
  }

  const Type* type(std::string_view name) const { return schema_.find_type(name); }

  // Whether some object could be of both types (graphql-js's doTypesOverlap).
  bool types_overlap(const Type& a, const Type& b) const {
    if (&a == &b) return true;
    if (a.is_abstract()) {
      if (!b.is_abstract()) return schema_.is_possible_type(a, b);
      return std::any_of(
          a.possible_types.begin(), a.possible_types.end(),
          [&](const Type* possible) { return schema_.is_possible_type(b, *possible); });
    }
    return b.is_abstract() && schema_.is_possible_type(b, a);
  }

 private:
  const Schema& schema_;
};

// The item type a list literal's items meet at `type` (TypeInfo's rule: a list where no list is
// expected is checked item by item against the type itself).
const Type* item_type_of(const Type* type) {
  if (!type) return nullptr;
  const Type& nullable = type->nullable_type();
  return nullable.kind == TypeKind::list ? nullable.of_type : &nullable;
}

// The variable usages of an operation or a fragment, each with the type its position expects.
class UsageCollector {
 public:
  explicit UsageCollector(const SchemaLookup& lookup) : lookup_(lookup) {}

  void selection_set(const Selections& selections, const Type* parent,
                     std::vector<VariableUsage>& out) const {
    for (const auto& selection : selections) {
      if (const auto* field = std::get_if<Field>(&selection.node)) {
        const FieldDefinition* definition = lookup_.field(parent, field->name);
        for (const auto& argument : field->arguments) {
          const InputValue* argument_definition =
              definition ? definition->argument(argument.name) : nullptr;
          input(argument.value, argument_definition, out);
        }
        directives(field->directives, out);
        selection_set(field->selection_set,
                      definition ? composite_named(definition->type) : nullptr, out);
      } else if (const auto* spread = std::get_if<FragmentSpread>(&selection.node)) {
        directives(spread->directives, out);
      } else {
        const auto& fragment = std::get<InlineFragment>(selection.node);
        const Type* type =
            fragment.type_condition.empty() ? parent : lookup_.type(fragment.type_condition);
        directives(fragment.directives, out);
        selection_set(fragment.selection_set, composite_named(type), out);
      }
    }
  }

  void directives(const std::vector<Directive>& directives, std::vector<VariableUsage>& out) const {
    for (const auto& directive : directives) {
      const DirectiveDefinition* definition = lookup_.schema().directive(directive.name);
      for (const auto& argument : directive.arguments) {
        input(argument.value, definition ? definition->argument(argument.name) : nullptr, out);
      }
    }
  }

 private:
  void input(const Value& value, const InputValue* definition,
             std::vector<VariableUsage>& out) const {
    this->value(value, definition ? definition->type : nullptr,
                definition && definition->default_value.has_value(), out);
  }

  void value(const Value& value, const Type* type, bool has_default,
             std::vector<VariableUsage>& out) const {
    if (const auto* variable = std::get_if<Variable>(&value.node)) {
      out.push_back({variable, type, has_default});
    } else if (const auto* list = std::get_if<ListValue>(&value.node)) {
      const Type* item_type = item_type_of(type);
      for (const auto& item : list->values) this->value(item, item_type, false, out);
    } else if (const auto* object = std::get_if<ObjectValue>(&value.node)) {
      const Type* object_type = type ? &type->named() : nullptr;
      const bool is_input_object = object_type && object_type->kind == TypeKind::input_object;
      for (const auto& field : object->fields) {
        input(field.value, is_input_object ? object_type->input_field(field.name) : nullptr, out);
      }
    }
  }

  const SchemaLookup& lookup_;
};

// "Overlapping Fields Can Be Merged" (spec §5.3.2), by graphql-js's algorithm: every selection
// set compares the fields it collects (inline fragments flattened) pairwise within one response
// key, then against the fields of the fragments it spreads, and those fragments against each
// other; two fields with sub-selections compare those the same way. Collected fields are cached
// per selection set and each pair of fragments is compared once (per exclusivity), which keeps
// the work polynomial. A hostile document can still ask for many comparisons, so they are
// counted and the check gives up past a bound, as it does past a nesting depth.
class FieldMerging {
 public:
  struct Conflict {
    std::string_view response_key;
    std::string reason;  // empty when `subconflicts` say why
    std::vector<Conflict> subconflicts;
    std::vector<const Field*> fields1, fields2;
  };

  FieldMerging(const SchemaLookup& lookup,
               const std::unordered_map<std::string_view, const FragmentDefinition*>& fragments)
      : lookup_(lookup), fragments_(fragments) {}

  std::vector<Conflict> conflicts_within(const Selections& selections, const Type* parent) {
    std::vector<Conflict> conflicts;
    if (gave_up_ || only_distinct_fields(selections)) return conflicts;
    const Collected& collected = collect(selections, parent);
    // (A) The fields of this set among themselves: the only place fields of one set meet.
    for (const auto& group : collected.groups) {
      auto fields = collected.fields_of(group);
      for (std::size_t i = 0; i < fields.size() && !gave_up_; ++i) {
        for (std::size_t j = i + 1; j < fields.size() && !gave_up_; ++j) {
          add(conflicts, find_conflict(false, group.key, fields[i], fields[j]));
        }
      }
    }
    if (collected.fragment_names.empty()) return conflicts;
    // (B) These fields against each fragment spread here, (C) those fragments pairwise.
    std::vector<std::pair<std::string_view, std::string_view>> discovered;
    const auto& names = collected.fragment_names;
    for (std::size_t i = 0; i < names.size() && !gave_up_; ++i) {
      between_fields_and_fragment(conflicts, false, collected, names[i], discovered);
      for (std::size_t j = i + 1; j < names.size() && !gave_up_; ++j) {
        between_fragments(conflicts, false, names[i], names[j]);
      }
    }
    process_discovered(conflicts, false, collected, discovered);
    return conflicts;
  }

  // Whether the check stopped at its bound; the document is then rejected as too complex.
  bool gave_up() const noexcept { return gave_up_; }

 private:
  static constexpr std::size_t kMaxComparisons = 100'000;
  static constexpr std::size_t kMaxDepth = 200;

  struct FieldAndDefinition {
    const Type* parent = nullptr;  // the type the field is selected on
    const Field* field = nullptr;
    const FieldDefinition* definition = nullptr;  // null when unknown (meta fields included)
  };
  struct Group {
    std::string_view key;
    std::uint32_t begin = 0, end = 0;
  };
  // The fields of one selection set, grouped by response key, and the fragments it spreads.
  struct Collected {
    std::vector<FieldAndDefinition> fields;  // group by group
    std::vector<Group> groups;               // in order of first appearance
    std::vector<std::uint32_t> sorted;       // indexes into `groups`, by key
    std::vector<std::string_view> fragment_names;

    std::span<const FieldAndDefinition> fields_of(const Group& group) const {
      return {fields.data() + group.begin, fields.data() + group.end};
    }
    std::span<const FieldAndDefinition> find(std::string_view key) const {
      auto found = std::lower_bound(
          sorted.begin(), sorted.end(), key,
          [&](std::uint32_t index, std::string_view wanted) { return groups[index].key < wanted; });
      if (found == sorted.end() || groups[*found].key != key) return {};
      return fields_of(groups[*found]);
    }
  };
  struct PairHash {
    std::size_t operator()(
        const std::pair<std::string_view, std::string_view>& pair) const noexcept {
      const std::hash<std::string_view> hash;
      return hash(pair.first) * 31 + hash(pair.second);
    }
  };
  // Raises the depth for the lifetime of a recursive step; past the bound the check gives up.
  class Deeper {
   public:
    explicit Deeper(FieldMerging& merging) : merging_(merging) {
      if (++merging_.depth_ > kMaxDepth) merging_.gave_up_ = true;
    }
    ~Deeper() { --merging_.depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

   private:
    FieldMerging& merging_;
  };

  // The usual selection set: a few fields, each with its own response key, nothing spread.
  // Nothing in it can conflict, and it is collected only if a comparison above needs it.
  static bool only_distinct_fields(const Selections& selections) {
    constexpr std::size_t kShortSet = 16;
    if (selections.size() > kShortSet) return false;
    for (std::size_t index = 0; index < selections.size(); ++index) {
      const auto* field = std::get_if<Field>(&selections[index].node);
      if (!field) return false;
      for (std::size_t before = 0; before < index; ++before) {
        if (std::get<Field>(selections[before].node).response_key() == field->response_key())
          return false;
      }
    }
    return true;
  }

  static void add(std::vector<Conflict>& conflicts, std::optional<Conflict> conflict) {
    if (conflict) conflicts.push_back(std::move(*conflict));
  }

  const Collected& collect(const Selections& selections, const Type* parent) {
    auto [found, inserted] = cache_.try_emplace(&selections);
    Collected& collected = found->second;
    if (!inserted) return collected;
    raw_.clear();
    group_index_.clear();
    fragment_seen_.clear();
    gather(selections, parent, collected);
    // Lay the fields out group by group (a counting sort keeps source order within a group).
    std::vector<std::uint32_t> next(collected.groups.size(), 0);
    for (const auto& [group, field] : raw_) ++collected.groups[group].end;
    std::uint32_t offset = 0;
    for (std::size_t index = 0; index < collected.groups.size(); ++index) {
      auto& group = collected.groups[index];
      const std::uint32_t size = group.end;
      group.begin = offset;
      group.end = offset + size;
      next[index] = offset;
      offset += size;
    }
    collected.fields.resize(raw_.size());
    for (const auto& [group, field] : raw_) collected.fields[next[group]++] = field;
    collected.sorted.resize(collected.groups.size());
    for (std::uint32_t index = 0; index < collected.sorted.size(); ++index)
      collected.sorted[index] = index;
    std::sort(collected.sorted.begin(), collected.sorted.end(),
              [&](std::uint32_t a, std::uint32_t b) {
                return collected.groups[a].key < collected.groups[b].key;
              });
    count(raw_.size());
    return collected;
  }

  void gather(const Selections& selections, const Type* parent, Collected& collected) {
    for (const auto& selection : selections) {
      if (const auto* field = std::get_if<Field>(&selection.node)) {
        const FieldDefinition* definition =
            is_object_or_interface(parent) ? parent->field(field->name) : nullptr;
        auto [found, inserted] = group_index_.try_emplace(
            field->response_key(), static_cast<std::uint32_t>(collected.groups.size()));
        if (inserted) collected.groups.push_back({field->response_key(), 0, 0});
        raw_.push_back({found->second, {parent, field, definition}});
      } else if (const auto* spread = std::get_if<FragmentSpread>(&selection.node)) {
        if (fragment_seen_.insert(spread->name).second)
          collected.fragment_names.push_back(spread->name);
      } else {
        const auto& fragment = std::get<InlineFragment>(selection.node);
        const Type* type =
            fragment.type_condition.empty() ? parent : lookup_.type(fragment.type_condition);
        gather(fragment.selection_set, type, collected);
      }
    }
  }

  const Collected* fragment_fields(std::string_view name) {
    auto found = fragments_.find(name);
    if (found == fragments_.end()) return nullptr;
    const FragmentDefinition& fragment = *found->second;
    return &collect(fragment.selection_set, lookup_.type(fragment.type_condition));
  }

  // Every step counts, comparisons of fields and of fragments alike, so that no document can
  // keep the check busy for long.
  void count(std::size_t work) {
    comparisons_ += work;
    if (comparisons_ > kMaxComparisons) gave_up_ = true;
  }

  // "Compared once" is per exclusivity, and a pair compared as not exclusive covers both.
  bool compared(std::string_view a, std::string_view b, bool mutually_exclusive) const {
    auto found = compared_pairs_.find(ordered(a, b));
    if (found == compared_pairs_.end()) return false;
    return mutually_exclusive || !found->second;
  }
  void mark_compared(std::string_view a, std::string_view b, bool mutually_exclusive) {
    compared_pairs_[ordered(a, b)] = mutually_exclusive;
  }
  static std::pair<std::string_view, std::string_view> ordered(std::string_view a,
                                                               std::string_view b) {
    return a < b ? std::pair{a, b} : std::pair{b, a};
  }

  // (D, E) A set of fields against a fragment, and against the fragments it spreads.
  void between_fields_and_fragment(
      std::vector<Conflict>& conflicts, bool mutually_exclusive, const Collected& fields,
      std::string_view fragment_name,
      std::vector<std::pair<std::string_view, std::string_view>>& discovered) {
    count(1);
    if (gave_up_) return;
    const Collected* fragment = fragment_fields(fragment_name);
    if (!fragment || fragment == &fields) return;
    between(conflicts, mutually_exclusive, fields, *fragment);
    for (const auto referenced : fragment->fragment_names)
      discovered.emplace_back(fragment_name, referenced);
  }

  void process_discovered(std::vector<Conflict>& conflicts, bool mutually_exclusive,
                          const Collected& fields,
                          std::vector<std::pair<std::string_view, std::string_view>>& discovered) {
    while (!discovered.empty() && !gave_up_) {
      const auto [fragment_name, referenced] = discovered.back();
      discovered.pop_back();
      if (compared(referenced, fragment_name, mutually_exclusive)) continue;
      mark_compared(referenced, fragment_name, mutually_exclusive);
      between_fields_and_fragment(conflicts, mutually_exclusive, fields, referenced, discovered);
    }
  }

  // (F, G) Two fragments, and each against the fragments the other spreads.
  void between_fragments(std::vector<Conflict>& conflicts, bool mutually_exclusive,
                         std::string_view name1, std::string_view name2) {
    count(1);
    if (gave_up_ || name1 == name2 || compared(name1, name2, mutually_exclusive)) return;
    mark_compared(name1, name2, mutually_exclusive);
    const Deeper deeper(*this);
    const Collected* fragment1 = fragment_fields(name1);
    const Collected* fragment2 = fragment_fields(name2);
    if (!fragment1 || !fragment2) return;
    between(conflicts, mutually_exclusive, *fragment1, *fragment2);
    for (const auto referenced : fragment2->fragment_names) {
      between_fragments(conflicts, mutually_exclusive, name1, referenced);
    }
    for (const auto referenced : fragment1->fragment_names) {
      between_fragments(conflicts, mutually_exclusive, referenced, name2);
    }
  }

  // Every field of one set against the fields of another with the same response key.
  void between(std::vector<Conflict>& conflicts, bool mutually_exclusive, const Collected& fields1,
               const Collected& fields2) {
    count(fields1.groups.size());
    for (const auto& group : fields1.groups) {
      if (gave_up_) return;
      auto others = fields2.find(group.key);
      for (const auto& field1 : fields1.fields_of(group)) {
        for (const auto& field2 : others) {
          if (gave_up_) return;
          add(conflicts, find_conflict(mutually_exclusive, group.key, field1, field2));
        }
      }
    }
  }

  // (H, I, J) The sub-selections of two fields with the same response key.
  std::vector<Conflict> between_sub_selections(bool mutually_exclusive, const Type* parent1,
                                               const Selections& selections1, const Type* parent2,
                                               const Selections& selections2) {
    std::vector<Conflict> conflicts;
    const Collected& fields1 = collect(selections1, parent1);
    const Collected& fields2 = collect(selections2, parent2);
    between(conflicts, mutually_exclusive, fields1, fields2);
    std::vector<std::pair<std::string_view, std::string_view>> discovered;
    for (const auto name : fields2.fragment_names) {
      between_fields_and_fragment(conflicts, mutually_exclusive, fields1, name, discovered);
    }
    process_discovered(conflicts, mutually_exclusive, fields1, discovered);
    for (const auto name : fields1.fragment_names) {
      between_fields_and_fragment(conflicts, mutually_exclusive, fields2, name, discovered);
    }
    process_discovered(conflicts, mutually_exclusive, fields2, discovered);
    for (const auto name1 : fields1.fragment_names) {
      for (const auto name2 : fields2.fragment_names) {
        if (gave_up_) return conflicts;
        between_fragments(conflicts, mutually_exclusive, name1, name2);
      }
    }
    return conflicts;
  }

  std::optional<Conflict> find_conflict(bool parents_mutually_exclusive, std::string_view key,
                                        const FieldAndDefinition& first,
                                        const FieldAndDefinition& second) {
    count(1);
    if (gave_up_) return std::nullopt;
    // Fields on two different object types never apply to the same object, so they may differ
    // in name and arguments; interfaces and unions might overlap, now or in a later schema.
    const bool mutually_exclusive =
        parents_mutually_exclusive ||
        (first.parent != second.parent && first.parent && second.parent &&
         first.parent->kind == TypeKind::object && second.parent->kind == TypeKind::object);
    const Field& field1 = *first.field;
    const Field& field2 = *second.field;
    auto conflict = [&](std::string reason) {
      return Conflict{key, std::move(reason), {}, {&field1}, {&field2}};
    };
    if (!mutually_exclusive) {
      if (field1.name != field2.name) {
        return conflict(quoted(field1.name) + " and " + quoted(field2.name) +
                        " are different fields");
      }
      if (!same_arguments(field1.arguments, field2.arguments))
        return conflict("they have differing arguments");
    }
    const Type* type1 = first.definition ? first.definition->type : nullptr;
    const Type* type2 = second.definition ? second.definition->type : nullptr;
    if (type1 && type2 && types_conflict(*type1, *type2)) {
      return conflict("they return conflicting types " + quoted(type1->spelling()) + " and " +
                      quoted(type2->spelling()));
    }
    if (field1.selection_set.empty() || field2.selection_set.empty()) return std::nullopt;
    const Deeper deeper(*this);
    if (gave_up_) return std::nullopt;
    auto subconflicts = between_sub_selections(
        mutually_exclusive, type1 ? &type1->named() : nullptr, field1.selection_set,
        type2 ? &type2->named() : nullptr, field2.selection_set);
    if (subconflicts.empty()) return std::nullopt;
    Conflict result{key, {}, {}, {&field1}, {&field2}};
    for (const auto& sub : subconflicts) {
      result.fields1.insert(result.fields1.end(), sub.fields1.begin(), sub.fields1.end());
      result.fields2.insert(result.fields2.end(), sub.fields2.begin(), sub.fields2.end());
    }
    result.subconflicts = std::move(subconflicts);
    return result;
  }

  // Lists and non-null must match; leaf types must be the same; composite types are compared
  // through their sub-fields instead.
  static bool types_conflict(const Type& type1, const Type& type2) {
    if (type1.kind == TypeKind::list) {
      return type2.kind != TypeKind::list || types_conflict(*type1.of_type, *type2.of_type);
    }
    if (type2.kind == TypeKind::list) return true;
    if (type1.kind == TypeKind::non_null) {
      return type2.kind != TypeKind::non_null || types_conflict(*type1.of_type, *type2.of_type);
    }
    if (type2.kind == TypeKind::non_null) return true;
    if (type1.is_leaf() || type2.is_leaf()) return &type1 != &type2;
    return false;
  }

  // Arguments are the same when each has its namesake with an equal value, in any order.
  static bool same_arguments(const std::vector<Argument>& arguments1,
                             const std::vector<Argument>& arguments2) {
    if (arguments1.size() != arguments2.size()) return false;
    return std::all_of(arguments1.begin(), arguments1.end(), [&](const Argument& argument1) {
      auto found =
          std::find_if(arguments2.rbegin(), arguments2.rend(),
                       [&](const Argument& argument2) { return argument2.name == argument1.name; });
      return found != arguments2.rend() && same_value(argument1.value, found->value);
    });
  }

  // Structural equality, input object fields in any order (graphql-js compares values printed
  // with their fields sorted).
  static bool same_value(const Value& value1, const Value& value2) {
    if (value1.node.index() != value2.node.index()) return false;
    return std::visit(
        [&](const auto& first) -> bool {
          using Node = std::decay_t<decltype(first)>;
          const auto& second = std::get<Node>(value2.node);
          if constexpr (std::is_same_v<Node, Variable> || std::is_same_v<Node, EnumValue>) {
            return first.name == second.name;
          } else if constexpr (std::is_same_v<Node, IntValue> || std::is_same_v<Node, FloatValue>) {
            return first.text == second.text;
          } else if constexpr (std::is_same_v<Node, StringValue> ||
                               std::is_same_v<Node, BooleanValue>) {
            return first.value == second.value;
          } else if constexpr (std::is_same_v<Node, NullValue>) {
            return true;
          } else if constexpr (std::is_same_v<Node, ListValue>) {
            return std::equal(first.values.begin(), first.values.end(), second.values.begin(),
                              second.values.end(), same_value);
          } else {
            return same_fields(first.fields, second.fields);
          }
        },
        value1.node);
  }

  static bool same_fields(const std::vector<ObjectField>& fields1,
                          const std::vector<ObjectField>& fields2) {
    if (fields1.size() != fields2.size()) return false;
    auto by_name = [](const std::vector<ObjectField>& fields) {
      std::vector<const ObjectField*> sorted;
      sorted.reserve(fields.size());
      for (const auto& field : fields) sorted.push_back(&field);
      std::stable_sort(
          sorted.begin(), sorted.end(),
          [](const ObjectField* a, const ObjectField* b) { return a->name < b->name; });
      return sorted;
    };
    const auto sorted1 = by_name(fields1);
    const auto sorted2 = by_name(fields2);
    for (std::size_t index = 0; index < sorted1.size(); ++index) {
      if (sorted1[index]->name != sorted2[index]->name) return false;
      if (!same_value(sorted1[index]->value, sorted2[index]->value)) return false;
    }
    return true;
  }

  const SchemaLookup& lookup_;
  const std::unordered_map<std::string_view, const FragmentDefinition*>& fragments_;
  std::unordered_map<const Selections*, Collected> cache_;
  std::unordered_map<std::pair<std::string_view, std::string_view>, bool, PairHash> compared_pairs_;
  // Scratch space of collect(), kept to reuse its memory.
  std::vector<std::pair<std::uint32_t, FieldAndDefinition>> raw_;
  std::unordered_map<std::string_view, std::uint32_t> group_index_;
  std::unordered_set<std::string_view> fragment_seen_;
  std::size_t comparisons_ = 0;
  std::size_t depth_ = 0;
  bool gave_up_ = false;
};

std::string reason_of(const FieldMerging::Conflict& conflict) {
  if (conflict.subconflicts.empty()) return conflict.reason;
  std::string reason;
  for (const auto& sub : conflict.subconflicts) {
    if (!reason.empty()) reason += " and ";
    reason += "subfields " + quoted(sub.response_key) + " conflict because " + reason_of(sub);
  }
  return reason;
}

class Validator {
 public:
  Validator(const Schema& schema, const Document& document, std::size_t max_errors)
      : document_(document),
        max_errors_(max_errors),
        lookup_(schema),
        positions_(document.source ? std::string_view(*document.source) : std::string_view()),
        usages_(lookup_),
        merging_(lookup_, fragments_) {
    for (const auto& definition : document.definitions) {
      if (const auto* fragment = std::get_if<FragmentDefinition>(&definition)) {
        fragments_[fragment->name] = fragment;  // a repeated name refers to the last one
      } else {
        ++operation_count_;
      }
    }
  }

  std::vector<GraphQLError> run() {
    try {
      for (const auto& definition : document_.definitions) {
        if (const auto* operation = std::get_if<OperationDefinition>(&definition)) {
          walk_operation(*operation);
        } else {
          walk_fragment(std::get<FragmentDefinition>(definition));
        }
      }
      check_unused_fragments();
    } catch (const ErrorLimitReached&) {
    }
    return std::move(errors_);
  }

 private:
  // Like graphql-js, one more error says that the limit cut the list short.
  void report(std::string message, std::vector<SourceLocation> locations) {
    GraphQLError error;
    if (errors_.size() >= max_errors_) {
      error.message = "Too many validation errors, error limit reached. Validation aborted.";
      errors_.push_back(std::move(error));
      throw ErrorLimitReached{};
    }
    error.message = std::move(message);
    error.locations = std::move(locations);
    errors_.push_back(std::move(error));
  }

  const Schema& schema() const { return lookup_.schema(); }

  const FragmentDefinition* fragment_named(std::string_view name) const {
    auto found = fragments_.find(name);
    return found == fragments_.end() ? nullptr : found->second;
  }

  // The type a variable definition spells. Its wrappers are built here rather than by
  // Schema::list_of / non_null, which grow the shared schema and so must not run per request.
  const Type* type_of(const TypeReference& reference) {
    if (reference.kind == TypeReference::Kind::named) return lookup_.type(reference.name);
    const Type* inner = type_of(*reference.of_type);
    if (!inner) return nullptr;
    Type& wrapper = wrappers_.emplace_back();
    wrapper.kind =
        reference.kind == TypeReference::Kind::list ? TypeKind::list : TypeKind::non_null;
    wrapper.of_type = inner;
    return &wrapper;
  }

  // ---- Definitions

  void walk_operation(const OperationDefinition& operation) {
    // Unique Operation Names (§5.2.1.1)
    if (!operation.name.empty()) {
      auto [first, inserted] = operation_names_.try_emplace(operation.name, &operation);
      if (!inserted) {
        report("There can be only one operation named " + quoted(operation.name) + ".",
               {positions_.of(first->second->name), positions_.of(operation.name)});
      }
    }
    // Lone Anonymous Operation (§5.2.2.1)
    if (operation.name.empty() && operation_count_ > 1) {
      report("This anonymous operation must be the only defined operation.", {operation.location});
    }
    // The schema has no subscription type (and maybe no mutation type): graphql-js says so when
    // executing; here it is an error of the document.
    const Type* root = root_type(operation);
    const std::string_view directive_location =
        operation.operation == OperationType::query      ? "QUERY"
        : operation.operation == OperationType::mutation ? "MUTATION"
                                                         : "SUBSCRIPTION";
    if (!root) {
      report("Schema is not configured to execute " + std::string(keyword(operation.operation)) +
                 " operation.",
             {operation.location});
    }
    // Variable Uniqueness (§5.8.1)
    report_repeats_grouped(
        operation.variable_definitions,
        [](const VariableDefinition& definition) { return definition.name; },
        [](std::string_view name) {
          return "There can be only one variable named \"$" + std::string(name) + "\".";
        },
        [](const VariableDefinition& definition) { return definition.location; });
    check_unique_directives(operation.directives);

    variable_types_.clear();
    for (const auto& definition : operation.variable_definitions)
      walk_variable_definition(definition);
    walk_directives(operation.directives, directive_location);
    walk_selection_set(operation.selection_set, root);
    check_variable_usages(operation);
  }

  void walk_fragment(const FragmentDefinition& definition) {
    const Type* type = lookup_.type(definition.type_condition);
    // Fragments On Composite Types (§5.5.1.3)
    if (type && !type->is_composite()) {
      report("Fragment " + quoted(definition.name) + " cannot condition on non composite type " +
                 quoted(definition.type_condition) + ".",
             {positions_.of(definition.type_condition)});
    }
    // Fragment Name Uniqueness (§5.5.1.1)
    auto [first, inserted] = fragment_names_.try_emplace(definition.name, &definition);
    if (!inserted) {
      report("There can be only one fragment named " + quoted(definition.name) + ".",
             {positions_.of(first->second->name), positions_.of(definition.name)});
    }
    // Fragment Spreads Must Not Form Cycles (§5.5.2.2)
    detect_cycles(definition);
    check_unique_directives(definition.directives);
    // Fragment Spread Type Existence (§5.5.1.2)
    if (!type)
      report("Unknown type " + quoted(definition.type_condition) + ".",
             {positions_.of(definition.type_condition)});
    walk_directives(definition.directives, "FRAGMENT_DEFINITION");
    walk_selection_set(definition.selection_set, composite_named(type));
  }

  void walk_variable_definition(const VariableDefinition& definition) {
    const Type* type = type_of(definition.type);
    variable_types_.push_back(type);
    // Variables Are Input Types (§5.8.2)
    if (type && !type->is_input()) {
      report("Variable \"$" + std::string(definition.name) + "\" cannot be non-input type " +
                 quoted(print(definition.type)) + ".",
             {definition.type.location});
    }
    check_unique_directives(definition.directives);
    const TypeReference* named = &definition.type;
    while (named->kind != TypeReference::Kind::named) named = named->of_type.get();
    if (!lookup_.type(named->name))
      report("Unknown type " + quoted(named->name) + ".", {named->location});
    if (definition.default_value)
      walk_value(*definition.default_value, type && type->is_input() ? type : nullptr, true);
    walk_directives(definition.directives, "VARIABLE_DEFINITION");
  }

  // ---- Selections

  void walk_selection_set(const Selections& selections, const Type* parent) {
    report_field_conflicts(selections, parent);
    for (const auto& selection : selections) {
      if (const auto* field = std::get_if<Field>(&selection.node)) {
        walk_field(*field, parent);
      } else if (const auto* spread = std::get_if<FragmentSpread>(&selection.node)) {
        walk_fragment_spread(*spread, parent);
      } else {
        walk_inline_fragment(std::get<InlineFragment>(selection.node), parent);
      }
    }
  }

  void walk_field(const Field& field, const Type* parent) {
    const FieldDefinition* definition = lookup_.field(parent, field.name);
    const Type* type = definition ? definition->type : nullptr;
    // Leaf Field Selections (§5.3.3)
    if (type && type->is_leaf() && !field.selection_set.empty()) {
      report("Field " + quoted(field.name) + " must not have a selection since type " +
                 quoted(type->spelling()) + " has no subfields.",
             {positions_.selection_set_of(field)});
    } else if (type && !type->is_leaf() && field.selection_set.empty()) {
      report("Field " + quoted(field.name) + " of type " + quoted(type->spelling()) +
                 " must have a selection of subfields. Did you mean \"" + std::string(field.name) +
                 " { ... }\"?",
             {field.location});
    }
    // Field Selections (§5.3.1)
    if (parent && !definition) {
      report("Cannot query field " + quoted(field.name) + " on type " + quoted(parent->name) + ".",
             {field.location});
    }
    check_unique_directives(field.directives);
    check_unique_arguments(field.arguments);
    for (const auto& argument : field.arguments) {
      const InputValue* argument_definition =
          definition ? definition->argument(argument.name) : nullptr;
      // Argument Names (§5.4.1)
      if (definition && !argument_definition) {
        report("Unknown argument " + quoted(argument.name) + " on field \"" + parent->name + "." +
                   definition->name + "\".",
               {argument.location});
      }
      walk_value(argument.value, argument_definition ? argument_definition->type : nullptr, true);
    }
    walk_directives(field.directives, "FIELD");
    if (!field.selection_set.empty())
      walk_selection_set(field.selection_set, composite_named(type));
    // Required Arguments (§5.4.2.1)
    if (definition) {
      for (const auto& argument : definition->arguments) {
        if (is_required(argument) && !has_argument(field.arguments, argument.name)) {
          report("Field " + quoted(definition->name) + " argument " + quoted(argument.name) +
                     " of type " + quoted(argument.type->spelling()) +
                     " is required, but it was not provided.",
                 {field.location});
        }
      }
    }
  }

  void walk_fragment_spread(const FragmentSpread& spread, const Type* parent) {
    const FragmentDefinition* definition = fragment_named(spread.name);
    // Fragment Spread Target Defined (§5.5.2.1)
    if (!definition)
      report("Unknown fragment " + quoted(spread.name) + ".", {positions_.of(spread.name)});
    // Fragment Spread Is Possible (§5.5.2.3)
    if (definition && parent) {
      const Type* type = lookup_.type(definition->type_condition);
      if (type && type->is_composite() && !lookup_.types_overlap(*type, *parent)) {
        report("Fragment " + quoted(spread.name) + " cannot be spread here as objects of type " +
                   quoted(parent->name) + " can never be of type " + quoted(type->name) + ".",
               {spread.location});
      }
    }
    check_unique_directives(spread.directives);
    walk_directives(spread.directives, "FRAGMENT_SPREAD");
  }

  void walk_inline_fragment(const InlineFragment& fragment, const Type* parent) {
    const bool has_condition = !fragment.type_condition.empty();
    const Type* type = has_condition ? lookup_.type(fragment.type_condition) : parent;
    // Fragments On Composite Types (§5.5.1.3)
    if (has_condition && type && !type->is_composite()) {
      report("Fragment cannot condition on non composite type " + quoted(fragment.type_condition) +
                 ".",
             {positions_.of(fragment.type_condition)});
    }
    // Fragment Spread Is Possible (§5.5.2.3)
    if (type && type->is_composite() && parent && !lookup_.types_overlap(*type, *parent)) {
      report("Fragment cannot be spread here as objects of type " + quoted(parent->name) +
                 " can never be of type " + quoted(type->name) + ".",
             {fragment.location});
    }
    check_unique_directives(fragment.directives);
    // Fragment Spread Type Existence (§5.5.1.2)
    if (has_condition && !type) {
      report("Unknown type " + quoted(fragment.type_condition) + ".",
             {positions_.of(fragment.type_condition)});
    }
    walk_directives(fragment.directives, "INLINE_FRAGMENT");
    walk_selection_set(fragment.selection_set, composite_named(type));
  }

  // ---- Directives and arguments

  void walk_directives(const std::vector<Directive>& directives, std::string_view location) {
    for (const auto& directive : directives) {
      const DirectiveDefinition* definition = schema().directive(directive.name);
      const std::string at = "\"@" + std::string(directive.name) + "\"";
      // Directives Are Defined (§5.7.1), Directives Are In Valid Locations (§5.7.2)
      if (!definition) {
        report("Unknown directive " + at + ".", {directive.location});
      } else if (std::find(definition->locations.begin(), definition->locations.end(), location) ==
                 definition->locations.end()) {
        report("Directive " + at + " may not be used on " + std::string(location) + ".",
               {directive.location});
      }
      // Argument Names (§5.4.1)
      if (definition) {
        for (const auto& argument : directive.arguments) {
          if (!definition->argument(argument.name)) {
            report("Unknown argument " + quoted(argument.name) + " on directive " + at + ".",
                   {argument.location});
          }
        }
      }
      check_unique_arguments(directive.arguments);
      for (const auto& argument : directive.arguments) {
        const InputValue* argument_definition =
            definition ? definition->argument(argument.name) : nullptr;
        walk_value(argument.value, argument_definition ? argument_definition->type : nullptr, true);
      }
      // Required Arguments (§5.4.2.1)
      if (definition) {
        for (const auto& argument : definition->arguments) {
          if (is_required(argument) && !has_argument(directive.arguments, argument.name)) {
            report("Directive " + at + " argument " + quoted(argument.name) + " of type " +
                       quoted(argument.type->spelling()) + " is required, but it was not provided.",
                   {directive.location});
          }
        }
      }
    }
  }

  static bool is_required(const InputValue& argument) {
    return !argument.type->nullable() && !argument.default_value;
  }

  static bool has_argument(const std::vector<Argument>& arguments, std::string_view name) {
    return std::any_of(arguments.begin(), arguments.end(),
                       [&](const Argument& argument) { return argument.name == name; });
  }

  // Argument Uniqueness (§5.4.2)
  void check_unique_arguments(const std::vector<Argument>& arguments) {
    report_repeats_grouped(
        arguments, [](const Argument& argument) { return argument.name; },
        [](std::string_view name) {
          return "There can be only one argument named " + quoted(name) + ".";
        },
        [](const Argument& argument) { return argument.location; });
  }

  // Directives Are Unique Per Location (§5.7.3): for the non-repeatable directives it knows.
  void check_unique_directives(const std::vector<Directive>& directives) {
    if (directives.size() < 2) return;
    auto name_of = [&](const Directive& directive) {
      const DirectiveDefinition* definition = schema().directive(directive.name);
      return definition && !definition->repeatable ? directive.name : std::string_view();
    };
    for_each_repeat(directives, name_of, [&](std::size_t first, std::size_t repeat) {
      report("The directive \"@" + std::string(directives[repeat].name) +
                 "\" can only be used once at this location.",
             {directives[first].location, directives[repeat].location});
    });
  }

  // One error for each name given more than once, with the locations of all its uses, in the
  // order of the names' first uses.
  template <class Items, class NameOf, class Message, class LocationOf>
  void report_repeats_grouped(const Items& items, NameOf name_of, Message message,
                              LocationOf location_of) {
    if (items.size() < 2) return;
    std::vector<std::pair<std::size_t, std::size_t>> repeats;
    for_each_repeat(items, name_of, [&](std::size_t first, std::size_t repeat) {
      repeats.emplace_back(first, repeat);
    });
    if (repeats.empty()) return;
    std::stable_sort(repeats.begin(), repeats.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t begin = 0; begin < repeats.size();) {
      const std::size_t first = repeats[begin].first;
      std::vector<SourceLocation> locations{location_of(items[first])};
      std::size_t end = begin;
      for (; end < repeats.size() && repeats[end].first == first; ++end) {
        locations.push_back(location_of(items[repeats[end].second]));
      }
      report(message(name_of(items[first])), std::move(locations));
      begin = end;
    }
  }

  // ---- Values

  // Values of Correct Type (§5.6.1) and Input Object Field Names and Uniqueness (§5.6.2, §5.6.3).
  // `type` is what the position expects (null: unknown). `check_type` is false below a value
  // already found not to fit, where graphql-js checks no further.
  void walk_value(const Value& value, const Type* type, bool check_type) {
    if (std::holds_alternative<Variable>(value.node)) return;
    if (const auto* null = std::get_if<NullValue>(&value.node)) {
      if (check_type && type && !type->nullable()) {
        report("Expected value of type " + quoted(type->spelling()) + ", found null.",
               {null->location});
      }
      return;
    }
    if (const auto* list = std::get_if<ListValue>(&value.node)) {
      const Type* item_type = item_type_of(type);
      if (check_type && (!type || type->nullable_type().kind != TypeKind::list)) {
        check_leaf(value, item_type);
        check_type = false;
      }
      for (const auto& item : list->values) walk_value(item, item_type, check_type);
      return;
    }
    if (const auto* object = std::get_if<ObjectValue>(&value.node)) {
      walk_object(*object, value, type, check_type);
      return;
    }
    if (check_type) check_leaf(value, type);
  }

  void walk_object(const ObjectValue& object, const Value& value, const Type* type,
                   bool check_type) {
    const Type* object_type = type ? &type->named() : nullptr;
    const bool is_input_object = object_type && object_type->kind == TypeKind::input_object;
    if (check_type && !is_input_object) {
      check_leaf(value, type);
      check_type = false;
    }
    if (check_type) {
      for (const auto& field : object_type->input_fields) {
        const bool given = std::any_of(
            object.fields.begin(), object.fields.end(),
            [&](const ObjectField& given_field) { return given_field.name == field.name; });
        if (!given && !field.type->nullable() && !field.default_value) {
          report("Field \"" + object_type->name + "." + field.name + "\" of required type " +
                     quoted(field.type->spelling()) + " was not provided.",
                 {object.location});
        }
      }
    }
    std::vector<std::size_t> first_of_name;  // filled only when a name repeats
    for_each_repeat(
        object.fields, [](const ObjectField& field) { return field.name; },
        [&](std::size_t first, std::size_t repeat) {
          first_of_name.resize(object.fields.size(), object.fields.size());
          first_of_name[repeat] = first;
        });
    for (std::size_t index = 0; index < object.fields.size(); ++index) {
      const ObjectField& field = object.fields[index];
      const InputValue* definition =
          is_input_object ? object_type->input_field(field.name) : nullptr;
      if (check_type && !definition) {
        report("Field " + quoted(field.name) + " is not defined by type " +
                   quoted(object_type->name) + ".",
               {field.location});
      }
      if (!first_of_name.empty() && first_of_name[index] < object.fields.size()) {
        report("There can be only one input field named " + quoted(field.name) + ".",
               {object.fields[first_of_name[index]].location, field.location});
      }
      walk_value(field.value, definition ? definition->type : nullptr, check_type);
    }
  }

  // A literal where the position expects `type` (null: unknown): scalars and enums decide
  // through input coercion; any other type cannot take it.
  void check_leaf(const Value& value, const Type* type) {
    if (!type) return;
    if (!type->is_leaf()) {
      report("Expected value of type " + quoted(type->spelling()) + ", found " + print(value) + ".",
             {value.location()});
      return;
    }
    if (auto error = literal_error(*type, value)) report(std::move(*error), {value.location()});
  }

  // ---- Variables

  // All Variable Uses Defined (§5.8.3), All Variables Used (§5.8.4), All Variable Usages Are
  // Allowed (§5.8.5): over the operation and every fragment it reaches.
  void check_variable_usages(const OperationDefinition& operation) {
    std::vector<VariableUsage> usages;
    usages_.directives(operation.directives, usages);
    usages_.selection_set(operation.selection_set, root_type(operation), usages);
    for (const FragmentDefinition* definition : referenced_fragments(operation.selection_set)) {
      used_fragment_names_.insert(definition->name);
      const auto& fragment_usages = usages_of(*definition);
      usages.insert(usages.end(), fragment_usages.begin(), fragment_usages.end());
    }

    std::unordered_map<std::string_view, std::size_t> defined;  // name → index of its definition
    for (std::size_t index = 0; index < operation.variable_definitions.size(); ++index) {
      defined[operation.variable_definitions[index].name] = index;
    }
    const std::string in_operation =
        operation.name.empty() ? std::string() : " by operation " + quoted(operation.name);
    std::unordered_set<std::string_view> used;
    for (const auto& usage : usages) {
      used.insert(usage.variable->name);
      if (!defined.contains(usage.variable->name)) {
        report("Variable \"$" + std::string(usage.variable->name) + "\" is not defined" +
                   in_operation + ".",
               {usage.variable->location, operation.location});
      }
    }
    for (const auto& definition : operation.variable_definitions) {
      if (used.contains(definition.name)) continue;
      report(
          "Variable \"$" + std::string(definition.name) + "\" is never used" +
              (operation.name.empty() ? std::string() : " in operation " + quoted(operation.name)) +
              ".",
          {definition.location});
    }
    for (const auto& usage : usages) {
      auto found = defined.find(usage.variable->name);
      if (found == defined.end() || !usage.type) continue;
      const VariableDefinition& definition = operation.variable_definitions[found->second];
      const Type* variable_type = variable_types_[found->second];
      if (variable_type &&
          !usage_allowed(*variable_type, definition, *usage.type, usage.location_has_default)) {
        report("Variable \"$" + std::string(usage.variable->name) + "\" of type " +
                   quoted(variable_type->spelling()) + " used in position expecting type " +
                   quoted(usage.type->spelling()) + ".",
               {definition.location, usage.variable->location});
      }
    }
  }

  // Null when the schema has no root for the operation's type.
  const Type* root_type(const OperationDefinition& operation) const {
    switch (operation.operation) {
      case OperationType::query:
        return &schema().query_type();
      case OperationType::mutation:
        return schema().mutation_type();
      case OperationType::subscription:
        break;
    }
    return nullptr;
  }

  // A nullable variable may go where a non-null value is expected when a default value stands
  // in for a missing one (§5.8.5 AreTypesCompatible, and graphql-js's allowance for defaults).
  bool usage_allowed(const Type& variable_type, const VariableDefinition& definition,
                     const Type& location_type, bool location_has_default) const {
    if (!location_type.nullable() && variable_type.nullable()) {
      const bool has_non_null_default =
          definition.default_value &&
          !std::holds_alternative<NullValue>(definition.default_value->node);
      if (!has_non_null_default && !location_has_default) return false;
      return schema().is_sub_type(*location_type.of_type, variable_type);
    }
    return schema().is_sub_type(location_type, variable_type);
  }

  const std::vector<VariableUsage>& usages_of(const FragmentDefinition& definition) {
    auto [found, inserted] = fragment_usages_.try_emplace(&definition);
    if (inserted) {
      usages_.directives(definition.directives, found->second);
      usages_.selection_set(definition.selection_set,
                            composite_named(lookup_.type(definition.type_condition)),
                            found->second);
    }
    return found->second;
  }

  // ---- Fragments

  // The spreads anywhere in a selection set, not entering fragments, in graphql-js's order.
  const std::vector<const FragmentSpread*>& spreads_in(const Selections& selections) {
    auto [found, inserted] = spreads_.try_emplace(&selections);
    if (inserted) {
      std::vector<const Selections*> to_visit{&selections};
      while (!to_visit.empty()) {
        const Selections* current = to_visit.back();
        to_visit.pop_back();
        for (const auto& selection : *current) {
          if (const auto* spread = std::get_if<FragmentSpread>(&selection.node)) {
            found->second.push_back(spread);
          } else if (const auto* field = std::get_if<Field>(&selection.node)) {
            if (!field->selection_set.empty()) to_visit.push_back(&field->selection_set);
          } else {
            to_visit.push_back(&std::get<InlineFragment>(selection.node).selection_set);
          }
        }
      }
    }
    return found->second;
  }

  // The fragments an operation reaches, directly or through other fragments, each once.
  std::vector<const FragmentDefinition*> referenced_fragments(const Selections& selections) {
    std::vector<const FragmentDefinition*> reached;
    std::unordered_set<std::string_view> names;
    std::vector<const Selections*> to_visit{&selections};
    while (!to_visit.empty()) {
      const Selections* current = to_visit.back();
      to_visit.pop_back();
      for (const FragmentSpread* spread : spreads_in(*current)) {
        if (!names.insert(spread->name).second) continue;
        if (const FragmentDefinition* definition = fragment_named(spread->name)) {
          reached.push_back(definition);
          to_visit.push_back(&definition->selection_set);
        }
      }
    }
    return reached;
  }

  // Fragment Spreads Must Not Form Cycles (§5.5.2.2): a depth-first walk over spreads, each
  // fragment entered once in the whole document, without recursion (chains can be long).
  void detect_cycles(const FragmentDefinition& start) {
    if (!cycle_checked_.insert(start.name).second) return;
    struct Frame {
      const FragmentDefinition* fragment;
      const std::vector<const FragmentSpread*>* spreads;
      std::size_t next;
    };
    std::vector<Frame> stack;
    std::vector<const FragmentSpread*> path;  // the spreads that led to the current fragment
    std::unordered_map<std::string_view, std::size_t>
        path_index;  // fragment name → its start in path
    auto enter = [&](const FragmentDefinition& definition) {
      const auto& spreads = spreads_in(definition.selection_set);
      if (spreads.empty()) return false;
      path_index[definition.name] = path.size();
      stack.push_back({&definition, &spreads, 0});
      return true;
    };
    enter(start);
    while (!stack.empty()) {
      Frame& frame = stack.back();
      if (frame.next == frame.spreads->size()) {
        path_index.erase(frame.fragment->name);
        stack.pop_back();
        if (!stack.empty()) path.pop_back();
        continue;
      }
      const FragmentSpread* spread = (*frame.spreads)[frame.next++];
      path.push_back(spread);
      auto cycle = path_index.find(spread->name);
      if (cycle != path_index.end()) {
        report_cycle(spread->name, std::span(path).subspan(cycle->second));
      } else if (const FragmentDefinition* definition = fragment_named(spread->name);
                 definition && cycle_checked_.insert(spread->name).second && enter(*definition)) {
        continue;  // the spread stays on the path while its fragment is walked
      }
      path.pop_back();
    }
  }

  void report_cycle(std::string_view name, std::span<const FragmentSpread* const> cycle) {
    std::string via;
    std::vector<SourceLocation> locations;
    for (std::size_t index = 0; index < cycle.size(); ++index) {
      locations.push_back(cycle[index]->location);
      if (index + 1 == cycle.size()) break;
      if (!via.empty()) via += ", ";
      via += quoted(cycle[index]->name);
    }
    report("Cannot spread fragment " + quoted(name) + " within itself" +
               (via.empty() ? "." : " via " + via + "."),
           std::move(locations));
  }

  // No Unused Fragments (§5.5.1.4), once every operation has been walked.
  void check_unused_fragments() {
    for (const auto& definition : document_.definitions) {
      const auto* fragment = std::get_if<FragmentDefinition>(&definition);
      if (fragment && !used_fragment_names_.contains(fragment->name)) {
        report("Fragment " + quoted(fragment->name) + " is never used.", {fragment->location});
      }
    }
  }

  // ---- Field merging

  void report_field_conflicts(const Selections& selections, const Type* parent) {
    if (merging_.gave_up()) return;
    for (const auto& conflict : merging_.conflicts_within(selections, parent)) {
      std::vector<SourceLocation> locations;
      for (const Field* field : conflict.fields1) locations.push_back(field->location);
      for (const Field* field : conflict.fields2) locations.push_back(field->location);
      report("Fields " + quoted(conflict.response_key) + " conflict because " +
                 reason_of(conflict) +
                 ". Use different aliases on the fields to fetch both if this was intentional.",
             std::move(locations));
    }
    if (merging_.gave_up()) {
      report("The document is too complex to check that its fields can be merged.", {});
    }
  }

  const Document& document_;
  std::size_t max_errors_;
  SchemaLookup lookup_;
  SourcePositions positions_;
  UsageCollector usages_;
  std::unordered_map<std::string_view, const FragmentDefinition*> fragments_;
  FieldMerging merging_;
  std::size_t operation_count_ = 0;
  std::vector<GraphQLError> errors_;

  std::unordered_map<std::string_view, const OperationDefinition*> operation_names_;
  std::unordered_map<std::string_view, const FragmentDefinition*> fragment_names_;
  std::unordered_set<std::string_view> used_fragment_names_;
  std::unordered_set<std::string_view> cycle_checked_;
  std::unordered_map<const Selections*, std::vector<const FragmentSpread*>> spreads_;
  std::unordered_map<const FragmentDefinition*, std::vector<VariableUsage>> fragment_usages_;
  std::vector<const Type*> variable_types_;  // of the current operation's variable definitions
  std::deque<Type> wrappers_;                // list and non-null types of variable definitions
};

}  // namespace

std::vector<GraphQLError> validate(const Schema& schema, const Document& document,
                                   std::size_t max_errors) {
  return Validator(schema, document, max_errors).run();
}

}  // namespace disha::graphql
