#pragma once
// What resolvers see and return.
//
// A resolver returns a Result at once: null, a leaf (JSON, coerced by the field's scalar or enum
// type), an object (any C++ value, handed to the object's own resolvers as their source), a list
// of Results, or a pending value. Pending values are how work leaves the I/O thread and how
// sibling fields are batched: the executor completes every field it can, then dispatches the
// pending work of that wave — each Loader's keys in one batch, each `later` job once — awaits
// it, and completes the fields that waited on it (DataLoader's model, per request).
#include <any>
#include <boost/asio/awaitable.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <variant>
#include <vector>

namespace disha::graphql {

class Type;
class Schema;
struct FieldDefinition;
class Result;
class RequestState;
struct PendingValue;

// An object value with the C++ value its fields resolve from. `type` names its concrete object
// type where the field's type is an interface or union (null: the type's resolve_type decides).
struct ObjectResult {
  std::any source;
  const Type* type = nullptr;
};

class Result {
 public:
  Result() = default;  // null
  static Result leaf(boost::json::value value) {
    Result result;
    if (!value.is_null()) result.value_ = std::move(value);
    return result;
  }
  // A leaf read in place from JSON that outlives the field's completion (its parent's source).
  static Result leaf_view(const boost::json::value& value) {
    Result result;
    if (!value.is_null()) result.value_ = &value;
    return result;
  }
  static Result object(std::any source, const Type* type = nullptr) {
    Result result;
    result.value_ = ObjectResult{std::move(source), type};
    return result;
  }
  static Result list(std::vector<Result> items) {
    Result result;
    result.value_ = std::move(items);
    return result;
  }
  // Work to run in the wave's dispatch, off the resolver: a database write, a call to the
  // worker pool. The job runs once; its Result is completed like a resolver's.
  static Result later(std::function<boost::asio::awaitable<Result>()> job);

  bool is_null() const noexcept { return std::holds_alternative<std::monostate>(value_); }
  const auto& variant() const noexcept { return value_; }

 private:
  template <class Key>
  friend class Loader;
  std::variant<std::monostate, boost::json::value, const boost::json::value*, ObjectResult,
               std::vector<Result>, std::shared_ptr<PendingValue>>
      value_;
};

class LoaderBase {
 public:
  virtual ~LoaderBase() = default;
  // Runs the batch for every key asked for since the last dispatch.
  virtual boost::asio::awaitable<void> dispatch() = 0;
  // How many batches have run: tests use it to check that siblings share one.
  std::size_t batches() const noexcept { return batches_; }

 protected:
  std::size_t batches_ = 0;
};

// A value a wave's dispatch fills in.
struct PendingValue {
  LoaderBase* loader = nullptr;                                // a loader's key
  std::function<boost::asio::awaitable<Result>()> job;         // or a job of its own
  std::optional<Result> result;
  std::exception_ptr error;
};

inline Result Result::later(std::function<boost::asio::awaitable<Result>()> job) {
  auto pending = std::make_shared<PendingValue>();
  pending->job = std::move(job);
  Result result;
  result.value_ = std::move(pending);
  return result;
}

// Batches the keys that one wave of resolvers asks for: load(key) returns a pending Result and
// the batch function maps all keys of the wave to their Results in one call (same order, same
// length). A key asked for twice in a request is fetched once.
template <class Key>
class Loader final : public LoaderBase {
 public:
  using Batch =
      std::function<boost::asio::awaitable<std::vector<Result>>(const std::vector<Key>&)>;
  explicit Loader(Batch batch) : batch_(std::move(batch)) {}

  Result load(const Key& key) {
    auto& pending = cache_[key];
    if (!pending) {
      pending = std::make_shared<PendingValue>();
      pending->loader = this;
      queued_.emplace_back(key, pending);
    }
    Result result;
    if (pending->result) return *pending->result;
    result.value_ = pending;
    return result;
  }

  boost::asio::awaitable<void> dispatch() override {
    auto queued = std::exchange(queued_, {});
    if (queued.empty()) co_return;
    std::vector<Key> keys;
    keys.reserve(queued.size());
    for (const auto& entry : queued) keys.push_back(entry.first);
    ++batches_;
    std::exception_ptr failure;
    std::vector<Result> results;
    try {
      results = co_await batch_(keys);
    } catch (...) {
      failure = std::current_exception();
    }
    for (std::size_t i = 0; i < queued.size(); ++i) {
      auto& pending = *queued[i].second;
      if (failure) {
        pending.error = failure;
      } else if (i < results.size()) {
        pending.result = std::move(results[i]);
      } else {
        pending.result = Result();
      }
    }
  }

 private:
  Batch batch_;
  std::map<Key, std::shared_ptr<PendingValue>> cache_;
  std::vector<std::pair<Key, std::shared_ptr<PendingValue>>> queued_;
};

// Per-request state shared by every resolver of one request: values the host puts in (the
// caller, a pinned snapshot) and the request's loaders.
class RequestState {
 public:
  // The value of type T, made by make() on first use.
  template <class T, class Make>
  T& get(Make make) {
    auto& slot = values_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>(make());
    return *static_cast<T*>(slot.get());
  }
  template <class T>
  void put(std::shared_ptr<T> value) {
    values_[std::type_index(typeid(T))] = std::move(value);
  }
  template <class T>
  T* find() const {
    auto found = values_.find(std::type_index(typeid(T)));
    return found == values_.end() ? nullptr : static_cast<T*>(found->second.get());
  }

  // The request's loader called `name`, made with `batch` on first use.
  template <class Key>
  Loader<Key>& loader(const std::string& name, typename Loader<Key>::Batch batch) {
    auto& slot = loaders_[name];
    if (!slot) slot = std::make_unique<Loader<Key>>(std::move(batch));
    return static_cast<Loader<Key>&>(*slot);
  }
  const LoaderBase* find_loader(const std::string& name) const {
    auto found = loaders_.find(name);
    return found == loaders_.end() ? nullptr : found->second.get();
  }

  // An arena for the JSON resolvers build during this request (REST renderings, say): freed
  // at once with the request rather than node by node.
  const boost::json::storage_ptr& json_storage() {
    if (!storage_) storage_ = boost::json::make_shared_resource<boost::json::monotonic_resource>();
    return *storage_;
  }

 private:
  std::optional<boost::json::storage_ptr> storage_;
  std::map<std::type_index, std::shared_ptr<void>> values_;
  std::map<std::string, std::unique_ptr<LoaderBase>> loaders_;
};

struct ResolveInfo {
  const std::any& source;
  const boost::json::object& arguments;  // coerced; an argument without value or default is absent
  RequestState& request;
  const FieldDefinition& field;
  const Type& parent_type;
  const Schema& schema;

  // The argument's value; null when it is absent or null.
  const boost::json::value* argument(std::string_view name) const {
    const auto* value = arguments.if_contains(name);
    return value && !value->is_null() ? value : nullptr;
  }
  template <class T>
  const T& source_as() const {
    return std::any_cast<const T&>(source);
  }
};

using Resolver = std::function<Result(const ResolveInfo&)>;

// A JSON value (a REST rendering) as a Result of `type`, owning it: objects become object
// values whose fields read their members (see FieldDefinition::resolve), arrays lists.
Result from_json(const Type& type, boost::json::value value);

// The JSON object an object value's source holds or points to (null: the source is not JSON).
// Sources made from JSON are either owned (`json::object`) or, for values nested in their
// parent's JSON, borrowed (`const json::object*`).
const boost::json::object* json_object_of(const std::any& source);

}  // namespace disha::graphql
