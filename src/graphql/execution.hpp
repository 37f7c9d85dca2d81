#pragma once
// Execution (spec §6): the operation's selection set is resolved field by field against the
// schema's resolvers, results are coerced to their types, errors become field errors beside
// partial data, and a null in a non-null position propagates to the nearest nullable parent.
//
// Fields run in waves (see resolve.hpp): everything that can complete at once does, then the
// pending work of the wave is dispatched — each loader once — and awaited, and so on. Query
// fields share waves; mutation root fields run one after another, each to the end, as the spec
// requires.
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/ast.hpp"
#include "graphql/error.hpp"
#include "graphql/resolve.hpp"
#include "graphql/schema.hpp"

namespace disha::graphql {

struct ExecutionResult {
  std::optional<boost::json::value> data;  // absent: the request failed before execution
  std::vector<GraphQLError> errors;

  boost::json::object to_json() const;
  // The response body, {"errors": […], "data": …}, written without copying the data tree.
  std::string serialize() const;
};

// GetOperation (§6.1): the operation called `name`, or the only one when `name` is empty.
// Throws RequestError when there is no such operation or the choice is ambiguous.
const OperationDefinition& select_operation(const Document& document, std::string_view name);

struct ExecutionOptions {
  // Told about exceptions that are not disha::Error (bugs); their message never reaches the
  // client, which sees "Internal server error".
  std::function<void(const std::exception&)> report_internal;
};

// Executes a validated document's operation with coerced variables (see values.hpp).
boost::asio::awaitable<ExecutionResult> execute(const Schema& schema, const Document& document,
                                                const OperationDefinition& operation,
                                                const boost::json::object& variables,
                                                RequestState& state,
                                                const ExecutionOptions& options = {});

}  // namespace disha::graphql
