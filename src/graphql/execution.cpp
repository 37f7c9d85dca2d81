#include "graphql/execution.hpp"

#include <algorithm>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <deque>
#include <map>
#include <set>
#include <span>

#include "graphql/values.hpp"

namespace disha::graphql {

namespace json = boost::json;

std::string ExecutionResult::serialize() const {
  std::string body = "{";
  if (!errors.empty()) body += "\"errors\":" + json::serialize(graphql::to_json(errors));
  if (data) body += std::string(errors.empty() ? "" : ",") + "\"data\":" + json::serialize(*data);
  return body + "}";
}

json::object ExecutionResult::to_json() const {
  json::object body;
  if (!errors.empty()) body["errors"] = graphql::to_json(errors);
  if (data) body["data"] = *data;
  return body;
}

const OperationDefinition& select_operation(const Document& document, std::string_view name) {
  const OperationDefinition* chosen = nullptr;
  for (const auto& definition : document.definitions) {
    const auto* operation = std::get_if<OperationDefinition>(&definition);
    if (!operation) continue;
    if (name.empty()) {
      if (chosen) throw RequestError("Must provide operation name if query contains multiple operations.", {}, "BAD_REQUEST");
      chosen = operation;
    } else if (operation->name == name) {
      chosen = operation;
    }
  }
  if (!chosen) {
    if (name.empty()) throw RequestError("Must provide an operation.", {}, "BAD_REQUEST");
    throw RequestError("Unknown operation named \"" + std::string(name) + "\".", {}, "BAD_REQUEST");
  }
  return *chosen;
}

namespace {

// A composite value being built: an object or a list, at a place in its parent.
struct Node {
  Node* parent = nullptr;
  json::value* slot = nullptr;  // where the value sits in the parent's JSON
  bool nullable = true;         // whether that place may hold null
  std::variant<std::string_view, std::size_t> segment;  // its key or index in the parent
  bool dead = false;            // nulled (or under a nulled value): never touch its JSON again
};

// The field whose value is being completed, for messages and paths.
struct FieldPlace {
  const Type* parent_type = nullptr;
  const FieldDefinition* definition = nullptr;
  const std::vector<const Field*>* nodes = nullptr;  // the merged field nodes of the response key
};

using FieldMap = std::vector<std::pair<std::string_view, std::vector<const Field*>>>;

// An object type and the merged field nodes selecting on it: the key of collected fields.
struct FieldsKey {
  const Type* type;
  std::vector<const Field*> nodes;
};
struct FieldsView {
  const Type* type;
  std::span<const Field* const> nodes;
};
struct FieldsOrder {
  using is_transparent = void;
  static FieldsView view(const FieldsKey& key) { return {key.type, key.nodes}; }
  static FieldsView view(const FieldsView& key) { return key; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    auto left = view(a);
    auto right = view(b);
    if (left.type != right.type) return std::less<>()(left.type, right.type);
    return std::lexicographical_compare(left.nodes.begin(), left.nodes.end(), right.nodes.begin(), right.nodes.end(),
                                        std::less<>());
  }
};

// A value waiting for its wave's dispatch.
struct Waiting {
  std::shared_ptr<PendingValue> pending;
  const Type* type;
  FieldPlace place;
  Node* parent;
  std::variant<std::string_view, std::size_t> segment;
  json::value* slot;
  std::vector<const Field*> nodes;  // owned: the FieldMap it came from is gone by then
};

class Executor {
 public:
  Executor(const Schema& schema, const Document& document, const json::object& variables,
           RequestState& state, const ExecutionOptions& options)
      : schema_(schema), variables_(variables), state_(state), options_(options) {
    for (const auto& definition : document.definitions) {
      if (const auto* fragment = std::get_if<FragmentDefinition>(&definition)) {
        fragments_.emplace(fragment->name, fragment);
      }
    }
  }

  // Completes the root fields (all of them, or only `only` for a serial mutation step).
  void start(const Type& root, const FieldMap& fields, Node& root_node, std::optional<std::size_t> only) {
    auto& object = root_node.slot->as_object();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (only && *only != i) continue;
      const auto& [key, nodes] = fields[i];
      execute_field(root, std::any(), key, nodes, root_node, &object.at(key));
      if (!alive(&root_node)) return;
    }
  }

  FieldMap collect(const Type& object_type, const std::vector<Selection>& selections) {
    FieldMap fields;
    std::set<std::string_view> visited;
    collect_fields(object_type, selections, fields, visited);
    return fields;
  }

  Node& make_root(json::value& data) {
    return nodes_.emplace_back(Node{nullptr, &data, true, std::string_view(), false});
  }

  bool has_waiting() const noexcept { return !waiting_.empty(); }

  boost::asio::awaitable<void> run_wave() {
    auto wave = std::exchange(waiting_, {});
    std::set<LoaderBase*> loaders;
    for (auto& item : wave) {
      auto& pending = *item.pending;
      if (pending.result || pending.error) continue;
      if (pending.loader) {
        loaders.insert(pending.loader);
        continue;
      }
      if (!pending.job) continue;
      auto job = std::exchange(pending.job, {});
      try {
        pending.result = co_await job();
      } catch (...) {
        pending.error = std::current_exception();
      }
    }
    for (auto* loader : loaders) co_await loader->dispatch();
    for (auto& item : wave) {
      if (!alive(item.parent)) continue;
      auto& pending = *item.pending;
      item.place.nodes = &item.nodes;
      if (pending.error) {
        try {
          std::rethrow_exception(pending.error);
        } catch (const std::exception& error) {
          field_error(error, item.place, item.parent, item.segment);
        }
        fail(item.parent, item.slot, *item.type);
        continue;
      }
      complete(*item.type, item.place, pending.result ? *pending.result : Result(), *item.parent,
               item.segment, item.slot);
    }
  }

  std::vector<GraphQLError> take_errors() { return std::move(errors_); }

 private:
  bool skipped(const std::vector<Directive>& directives) const {
    for (const auto& directive : directives) {
      if (directive.name != "skip" && directive.name != "include") continue;
      const auto* definition = schema_.directive(directive.name);
      auto arguments = coerce_arguments(definition->arguments, directive.arguments, variables_);
      bool flag = arguments.at("if").as_bool();
      if (directive.name == "skip" ? flag : !flag) return true;
    }
    return false;
  }

  bool applies(std::string_view type_condition, const Type& object_type) const {
    if (type_condition.empty() || type_condition == object_type.name) return true;
    const auto* condition = schema_.find_type(type_condition);
    return condition && schema_.is_possible_type(*condition, object_type);
  }

  // CollectFields (§6.3.2).
  void collect_fields(const Type& object_type, const std::vector<Selection>& selections, FieldMap& fields,
                      std::set<std::string_view>& visited) {
    for (const auto& selection : selections) {
      if (const auto* field = std::get_if<Field>(&selection.node)) {
        if (skipped(field->directives)) continue;
        auto key = field->response_key();
        auto found = std::find_if(fields.begin(), fields.end(), [&](const auto& entry) { return entry.first == key; });
        if (found == fields.end()) {
          fields.emplace_back(key, std::vector<const Field*>{field});
        } else {
          found->second.push_back(field);
        }
      } else if (const auto* spread = std::get_if<FragmentSpread>(&selection.node)) {
        if (skipped(spread->directives) || !visited.insert(spread->name).second) continue;
        auto fragment = fragments_.find(spread->name);
        if (fragment == fragments_.end() || !applies(fragment->second->type_condition, object_type)) continue;
        collect_fields(object_type, fragment->second->selection_set, fields, visited);
      } else {
        const auto& inline_fragment = std::get<InlineFragment>(selection.node);
        if (skipped(inline_fragment.directives) || !applies(inline_fragment.type_condition, object_type)) continue;
        collect_fields(object_type, inline_fragment.selection_set, fields, visited);
      }
    }
  }

  // The fields to execute on an object of `object_type` selected by `nodes`. Every item of a
  // list asks the same question, and variables do not change during execution, so the answer
  // is collected once per execution.
  const FieldMap& sub_fields(const Type& object_type, const std::vector<const Field*>& nodes) {
    FieldsView key{&object_type, nodes};
    if (auto found = collected_.find(key); found != collected_.end()) return found->second;
    FieldMap fields;
    std::set<std::string_view> visited;
    for (const auto* node : nodes) collect_fields(object_type, node->selection_set, fields, visited);
    return collected_.emplace(FieldsKey{&object_type, nodes}, std::move(fields)).first->second;
  }

  const FieldDefinition* definition_of(const Type& object_type, std::string_view name) const {
    if (name == "__typename") return &schema_.typename_meta_field();
    if (&object_type == &schema_.query_type()) {
      if (name == "__schema") return &schema_.schema_meta_field();
      if (name == "__type") return &schema_.type_meta_field();
    }
    return object_type.field(name);
  }

  static bool alive(const Node* node) {
    for (; node; node = node->parent) {
      if (node->dead) return false;
    }
    return true;
  }

  // The value at `slot` (a place of `type` in `parent`) failed: null there, or — when the place
  // may not be null — null the parent in turn.
  void fail(Node* parent, json::value* slot, const Type& type) {
    if (type.nullable()) {
      *slot = nullptr;
      return;
    }
    kill(parent);
  }

  void kill(Node* node) {
    if (!node) return;
    node->dead = true;
    if (node->nullable) {
      *node->slot = nullptr;
      return;
    }
    kill(node->parent);
  }

  json::array path_of(const Node* node, const std::variant<std::string_view, std::size_t>& segment) const {
    std::vector<const Node*> chain;
    for (; node && node->parent; node = node->parent) chain.push_back(node);
    json::array path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) push_segment(path, (*it)->segment);
    push_segment(path, segment);
    return path;
  }

  static void push_segment(json::array& path, const std::variant<std::string_view, std::size_t>& segment) {
    if (const auto* key = std::get_if<std::string_view>(&segment)) {
      path.emplace_back(json::string(*key));
    } else {
      path.emplace_back(std::get<std::size_t>(segment));
    }
  }

  void add_error(std::string message, const FieldPlace& place, const Node* parent,
                 const std::variant<std::string_view, std::size_t>& segment, json::object extensions = {}) {
    GraphQLError error{std::move(message), {}, path_of(parent, segment), std::move(extensions)};
    if (place.nodes && !place.nodes->empty()) error.locations.push_back(place.nodes->front()->location);
    errors_.push_back(std::move(error));
  }

  void field_error(const std::exception& failure, const FieldPlace& place, const Node* parent,
                   const std::variant<std::string_view, std::size_t>& segment) {
    if (const auto* error = dynamic_cast<const Error*>(&failure)) {
      if (error->code() != ErrorCode::internal) {
        json::object extensions{{"code", code_of(error->code())}};
        if (!error->field().empty()) extensions["field"] = error->field();
        add_error(error->what(), place, parent, segment, std::move(extensions));
        return;
      }
    }
    if (const auto* coercion = dynamic_cast<const CoercionError*>(&failure)) {
      add_error(coercion->message(), place, parent, segment, {{"code", "BAD_USER_INPUT"}});
      return;
    }
    if (options_.report_internal) options_.report_internal(failure);
    add_error("Internal server error", place, parent, segment, {{"code", "INTERNAL_SERVER_ERROR"}});
  }

  static std::string code_of(ErrorCode code) {
    switch (code) {
      case ErrorCode::bad_request:
      case ErrorCode::unprocessable:
        return "BAD_USER_INPUT";
      default:
        break;
    }
    std::string name(slug(code));
    for (auto& c : name) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
  }

  // ExecuteField (§6.4): resolves and completes one response key of an object into `slot`.
  void execute_field(const Type& object_type, const std::any& source, std::string_view key,
                     const std::vector<const Field*>& nodes, Node& parent, json::value* slot) {
    const Field& field = *nodes.front();
    const auto* definition = definition_of(object_type, field.name);
    if (!definition) return;  // validation rejects unknown fields; nothing to do
    FieldPlace place{&object_type, definition, &nodes};
    Result result;
    try {
      auto arguments = coerce_arguments(definition->arguments, field.arguments, variables_);
      ResolveInfo info{source, arguments, state_, *definition, object_type, schema_};
      result = definition->resolve ? definition->resolve(info) : default_resolve(info);
    } catch (const std::exception& failure) {
      field_error(failure, place, &parent, key);
      fail(&parent, slot, *definition->type);
      return;
    }
    complete(*definition->type, place, std::move(result), parent, key, slot);
  }

  // A field without a resolver reads its source, a JSON object: the member named like the
  // field, or like its snake_case spelling (REST renderings use snake_case).
  static Result default_resolve(const ResolveInfo& info) {
    const auto* object = json_object_of(info.source);
    if (!object) return Result();
    const auto* value = object->if_contains(info.field.name);
    if (!value) value = object->if_contains(snake_case(info.field.name));
    return value ? borrowed_json(*info.field.type, *value) : Result();
  }

  // Like from_json, but pointing into `value`, which the parent's Result owns and keeps alive
  // while its fields complete: no copy of the tree at each level.
  static Result borrowed_json(const Type& type, const json::value& value) {
    if (value.is_null()) return Result();
    const Type& nullable = type.nullable_type();
    if (nullable.kind == TypeKind::list && value.is_array()) {
      std::vector<Result> items;
      items.reserve(value.get_array().size());
      for (const auto& item : value.get_array()) items.push_back(borrowed_json(*nullable.of_type, item));
      return Result::list(std::move(items));
    }
    if (nullable.is_composite() && value.is_object()) return Result::object(&value.get_object());
    return Result::leaf_view(value);  // completion reports a mismatch
  }

  static std::string snake_case(std::string_view name) {
    std::string out;
    for (char c : name) {
      if (c >= 'A' && c <= 'Z') {
        out += '_';
        out += static_cast<char>(c - 'A' + 'a');
      } else {
        out += c;
      }
    }
    return out;
  }

 private:
  // CompleteValue (§6.4.3): writes the value of `result`, of `type`, into `slot`.
  void complete(const Type& type, const FieldPlace& place, Result result, Node& parent,
                const std::variant<std::string_view, std::size_t>& segment, json::value* slot) {
    const auto& value = result.variant();
    if (const auto* pending = std::get_if<std::shared_ptr<PendingValue>>(&value)) {
      waiting_.push_back({*pending, &type, place, &parent, segment, slot, *place.nodes});
      return;
    }
    if (result.is_null()) {
      if (!type.nullable()) {
        add_error("Cannot return null for non-nullable field " + place.parent_type->name + "." +
                      place.definition->name + ".",
                  place, &parent, segment);
        kill(&parent);
        return;
      }
      *slot = nullptr;
      return;
    }
    const Type& inner = type.nullable_type();
    try {
      switch (inner.kind) {
        case TypeKind::list:
          complete_list(type, place, std::move(result), parent, segment, slot);
          return;
        case TypeKind::scalar:
          *slot = complete_scalar(inner, value);
          return;
        case TypeKind::enum_:
          *slot = complete_enum(inner, value);
          return;
        default:
          complete_object(type, place, std::move(result), parent, segment, slot);
          return;
      }
    } catch (const CoercionError& failure) {
      // A result that does not fit its type is the server's fault, not the client's input.
      add_error(failure.message(), place, &parent, segment);
      fail(&parent, slot, type);
    } catch (const std::exception& failure) {
      field_error(failure, place, &parent, segment);
      fail(&parent, slot, type);
    }
  }

  // A leaf Result's JSON, held or viewed; null when the Result is not a leaf.
  static const json::value* leaf_of(const auto& value) {
    if (const auto* held = std::get_if<json::value>(&value)) return held;
    if (const auto* viewed = std::get_if<const json::value*>(&value)) return *viewed;
    return nullptr;
  }

  static json::value complete_scalar(const Type& type, const auto& value) {
    const auto* leaf = leaf_of(value);
    if (!leaf) throw CoercionError(type.name + " cannot represent a non-leaf value");
    return type.coercion.serialize(*leaf);
  }

  static json::value complete_enum(const Type& type, const auto& value) {
    const auto* leaf = leaf_of(value);
    if (!leaf || !leaf->is_string() || !type.enum_value(leaf->get_string())) {
      throw CoercionError("Enum \"" + type.name + "\" cannot represent value: " +
                          (leaf ? json::serialize(*leaf) : std::string("an object")));
    }
    return *leaf;
  }

  void complete_list(const Type& type, const FieldPlace& place, Result result, Node& parent,
                     const std::variant<std::string_view, std::size_t>& segment, json::value* slot) {
    const auto* items = std::get_if<std::vector<Result>>(&result.variant());
    if (!items) {
      throw CoercionError("Expected Iterable, but did not find one for field \"" + place.parent_type->name + "." +
                          place.definition->name + "\".");
    }
    const Type& item_type = *type.nullable_type().of_type;
    auto& array = slot->emplace_array();
    array.resize(items->size());
    auto& node = nodes_.emplace_back(Node{&parent, slot, type.nullable(), segment, false});
    // Moving items out is safe: `result` is this function's own.
    auto& owned = const_cast<std::vector<Result>&>(*items);
    for (std::size_t i = 0; i < owned.size(); ++i) {
      complete(item_type, place, std::move(owned[i]), node, i, &array[i]);
      if (!alive(&node)) return;
    }
  }

  void complete_object(const Type& type, const FieldPlace& place, Result result, Node& parent,
                       const std::variant<std::string_view, std::size_t>& segment, json::value* slot) {
    const auto* object = std::get_if<ObjectResult>(&result.variant());
    if (!object) {
      throw CoercionError("Expected an object for field \"" + place.parent_type->name + "." +
                          place.definition->name + "\".");
    }
    const Type& declared = type.named();
    const Type* concrete = &declared;
    if (declared.is_abstract()) {
      concrete = object->type;
      if (!concrete && declared.resolve_type) concrete = schema_.find_type(declared.resolve_type(object->source));
      if (!concrete || concrete->kind != TypeKind::object || !schema_.is_possible_type(declared, *concrete)) {
        throw CoercionError("Abstract type \"" + declared.name + "\" must resolve to an Object type at runtime for field \"" +
                            place.parent_type->name + "." + place.definition->name + "\".");
      }
    }
    const auto& fields = sub_fields(*concrete, *place.nodes);
    auto& out = slot->emplace_object();
    out.reserve(fields.size());
    for (const auto& entry : fields) out.emplace(entry.first, nullptr);
    auto& node = nodes_.emplace_back(Node{&parent, slot, type.nullable(), segment, false});
    for (const auto& [key, nodes] : fields) {
      execute_field(*concrete, object->source, key, nodes, node, &out.at(key));
      if (!alive(&node)) return;
    }
  }

  const Schema& schema_;
  const json::object& variables_;
  RequestState& state_;
  const ExecutionOptions& options_;
  std::map<std::string_view, const FragmentDefinition*> fragments_;
  std::map<FieldsKey, FieldMap, FieldsOrder> collected_;  // see sub_fields
  std::deque<Node> nodes_;
  std::vector<Waiting> waiting_;
  std::vector<GraphQLError> errors_;
};

}  // namespace

Result from_json(const Type& type, json::value value) {
  if (value.is_null()) return Result();
  const Type& nullable = type.nullable_type();
  if (nullable.kind == TypeKind::list && value.is_array()) {
    auto& array = value.get_array();
    std::vector<Result> items;
    items.reserve(array.size());
    for (auto& item : array) items.push_back(from_json(*nullable.of_type, std::move(item)));
    return Result::list(std::move(items));
  }
  if (nullable.is_composite() && value.is_object()) return Result::object(std::move(value.get_object()));
  return Result::leaf(std::move(value));  // completion reports a mismatch
}

const json::object* json_object_of(const std::any& source) {
  if (const auto* owned = std::any_cast<json::object>(&source)) return owned;
  if (const auto* borrowed = std::any_cast<const json::object*>(&source)) return *borrowed;
  return nullptr;
}

boost::asio::awaitable<ExecutionResult> execute(const Schema& schema, const Document& document,
                                                const OperationDefinition& operation,
                                                const json::object& variables, RequestState& state,
                                                const ExecutionOptions& options) {
  ExecutionResult result;
  const Type* root = &schema.query_type();
  if (operation.operation == OperationType::mutation) root = schema.mutation_type();
  if (!root || operation.operation == OperationType::subscription) {
    result.errors.push_back({"Schema is not configured to execute " + std::string(keyword(operation.operation)) +
                                 " operation.",
                             {operation.location}, {}, {}});
    result.data = nullptr;
    co_return result;
  }
  Executor executor(schema, document, variables, state, options);
  // The response tree lives in one arena, released at once with the result.
  json::value data = json::object(json::make_shared_resource<json::monotonic_resource>());
  auto& root_node = executor.make_root(data);
  auto fields = executor.collect(*root, operation.selection_set);
  auto& object = data.as_object();
  object.reserve(fields.size());
  for (const auto& entry : fields) object.emplace(entry.first, nullptr);
  bool serial = operation.operation == OperationType::mutation;
  std::size_t steps = serial ? fields.size() : 1;
  for (std::size_t step = 0; step < steps; ++step) {
    std::optional<std::size_t> only;
    if (serial) only = step;
    executor.start(*root, fields, root_node, only);
    while (executor.has_waiting()) co_await executor.run_wave();
    if (root_node.dead) break;
  }
  result.errors = executor.take_errors();
  result.data = std::move(data);
  co_return result;
}

}  // namespace disha::graphql
