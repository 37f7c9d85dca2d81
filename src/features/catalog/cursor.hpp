#pragma once
// Opaque keyset cursors for list endpoints sorted by one key then id: the last item's sort value
// and id, and a fingerprint of the query that made the page, so that the caller can refuse a
// cursor made by any other query.
//
// Format (version 1), base64url without padding of the little-endian record
//   version:1  query_fingerprint:8  last_id:8  kind:1  value  checksum:8
// where kind is '-' (no value, nothing follows), 'n' (an IEEE-754 double, 8 bytes, finite) or
// 's' (the text's bytes, up to the checksum), and the checksum is FNV-1a 64 of everything before
// it. Decoding is strict (only canonical base64url, zero trailing bits), so garbage, truncation
// and any edit are refused with 400 naming "cursor". The checksum catches damage, not forgery: a
// hand-made cursor can only move a page of the same query, which the client could ask for anyway.
#include <cstddef>
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

// Room for the longest name the catalogue allows (300 characters of up to 4 UTF-8 bytes each).
inline constexpr std::size_t kMaxCursorLength = 2048;

// At most kMaxCursorLength characters of [A-Za-z0-9_-]. Throws disha::Error(internal) for a
// non-finite number (an undisclosed value is monostate) or a text too long to fit.
std::string encode_cursor(const Cursor& cursor);
// Throws disha::Error(bad_request, …, "cursor") for anything encode_cursor did not make.
Cursor decode_cursor(std::string_view text);
// FNV-1a (64 bits) of the caller's canonical form of its query (filters, text, sort).
std::uint64_t fingerprint(std::string_view canonical_query) noexcept;

}  // namespace disha::catalog
