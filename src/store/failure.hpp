#pragma once
// How both drivers turn a failed database call into disha::Error. Clients see the message of
// `conflict` and `unavailable`, so those are short and generic; `internal` carries the driver's
// own message, which only reaches the logs.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace disha::store {

// The kind of integrity rule a write broke; it chooses the (client-visible) message.
enum class Violation { unique, foreign_key, other };

Error constraint_violation(Violation violation);
// Busy, locked, timed out or disconnected: worth retrying shortly.
Error unavailable(std::string message);
Error internal_failure(std::string message);

// Logs the full failure at debug level: the SQL and the driver's message never reach clients.
void log_failure(std::string_view driver, std::string_view sql, std::string_view message);

}  // namespace disha::store
