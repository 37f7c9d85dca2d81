// Fuzzes validation and the checks between it and execution: every document that parses is
// validated against the pet-store schema of spec §5's examples (tests/unit/graphql/pet_schema.hpp), and each operation of a valid
// document has its (absent) variables coerced and its limits measured. Any crash, sanitizer
// report or exception other than RequestError there is a bug; so is an error without a message,
// a location that is not 1-based, more errors than the limit allows, or a verdict that changes
// when the document is printed and parsed again (only locations may change).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "graphql/limits.hpp"
#include "graphql/parser.hpp"
#include "graphql/printer.hpp"
#include "graphql/schema.hpp"
#include "graphql/validation.hpp"
#include "graphql/values.hpp"
#include "../unit/graphql/pet_schema.hpp"

namespace {

using namespace disha::graphql;

constexpr std::size_t kMaxErrors = 20;

// The messages alone, which printing the document must not change.
std::vector<std::string> checked_messages(const std::vector<GraphQLError>& errors) {
  if (errors.size() > kMaxErrors + 1) std::abort();
  std::vector<std::string> messages;
  for (const auto& error : errors) {
    if (error.message.empty()) std::abort();
    for (const auto& location : error.locations) {
      if (location.line < 1 || location.column < 1) std::abort();
    }
    messages.push_back(error.message);
  }
  return messages;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto schema = testing::build_pet_schema();
  Document document;
  try {
    document = parse(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const SyntaxError&) {
    return 0;
  }
  const auto messages = checked_messages(validate(*schema, document, kMaxErrors));
  const std::string printed = print(document);
  const ParseLimits no_size_limit{.max_source_bytes = printed.size()};
  if (checked_messages(validate(*schema, parse(printed, no_size_limit), kMaxErrors)) != messages)
    std::abort();
  if (!messages.empty()) return 0;
  for (const auto& definition : document.definitions) {
    const auto* operation = std::get_if<OperationDefinition>(&definition);
    if (!operation) continue;
    try {
      const auto variables = coerce_variables(*schema, *operation, {});
      check_limits(*schema, document, *operation, variables, Limits{});
    } catch (const RequestError&) {
    }
  }
  return 0;
}
