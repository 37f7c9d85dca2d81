#include "store/failure.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace disha::store {

Error constraint_violation(Violation violation) {
  switch (violation) {
    case Violation::unique:
      return Error(ErrorCode::conflict, "a record with the same key already exists");
    case Violation::foreign_key:
      return Error(ErrorCode::conflict,
                   "the record refers to a record that does not exist, or is still referred to");
    case Violation::other:
      break;
  }
  return Error(ErrorCode::conflict, "the record conflicts with a data rule or an existing record");
}

Error unavailable(std::string message) {
  return Error(ErrorCode::unavailable, std::move(message))
      .with_retry_after(std::chrono::seconds(1));
}

Error internal_failure(std::string message) {
  return Error(ErrorCode::internal, std::move(message));
}

void log_failure(std::string_view driver, std::string_view sql, std::string_view message) {
  spdlog::debug("{} statement failed: {} -- SQL: {}", driver, message, sql);
}

}  // namespace disha::store
