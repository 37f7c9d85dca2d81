#pragma once
// Opaque keyset cursors for list endpoints: the last item's sort value and id, and a
// fingerprint of the query that made the page, so a cursor is refused by any other query.
// Encoded as base64url (no padding) of a small binary record with a format version and a
// checksum: garbage, truncation and edits are refused with 400 naming "cursor".
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace disha::catalog {

struct Cursor {
  std::uint64_t query_fingerprint = 0;
  // monostate: the last item had no value (not disclosed); double: a number; string: a name.
  std::variant<std::monostate, double, std::string> last_value;
  std::int64_t last_id = 0;
};

inline constexpr std::size_t kMaxCursorLength = 512;

std::string encode_cursor(const Cursor& cursor);
// Throws disha::Error(bad_request, …, "cursor").
Cursor decode_cursor(std::string_view text);
// FNV-1a (64 bits) of the caller's canonical form of its query (filters, text, sort).
std::uint64_t fingerprint(std::string_view canonical_query) noexcept;

}  // namespace disha::catalog
