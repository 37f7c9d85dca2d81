#include "features/catalog/cursor.hpp"

#include <cmath>
#include <cstring>

#include "core/error.hpp"

namespace disha::catalog {

namespace {

constexpr unsigned char kVersion = 1;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

[[noreturn]] void refuse(std::string_view why) {
  throw Error(ErrorCode::bad_request, "cursor is not valid: " + std::string(why), "cursor");
}

void put64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get64(std::string_view& in) {
  if (in.size() < 8) refuse("truncated");
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= std::uint64_t(static_cast<unsigned char>(in[i])) << (8 * i);
  in.remove_prefix(8);
  return value;
}

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

std::string from_base64url(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const char* at = std::strchr(kAlphabet, c);
    if (c == '\0' || at == nullptr) refuse("not base64url");
    buffer = (buffer << 6) | static_cast<std::uint32_t>(at - kAlphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

}  // namespace

std::uint64_t fingerprint(std::string_view canonical_query) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : canonical_query) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string encode_cursor(const Cursor& cursor) {
  std::string record(1, static_cast<char>(kVersion));
  put64(record, cursor.query_fingerprint);
  put64(record, static_cast<std::uint64_t>(cursor.last_id));
  if (const auto* number = std::get_if<double>(&cursor.last_value)) {
    record += 'n';
    std::uint64_t bits = 0;
    std::memcpy(&bits, number, sizeof bits);
    put64(record, bits);
  } else if (const auto* text = std::get_if<std::string>(&cursor.last_value)) {
    record += 's';
    record += *text;
  } else {
    record += '-';
  }
  put64(record, fingerprint(record));  // the checksum
  return base64url(record);
}

Cursor decode_cursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxCursorLength) refuse("wrong length");
  const auto record = from_base64url(text);
  if (record.size() < 1 + 8 + 8 + 1 + 8) refuse("truncated");
  std::string_view body(record.data(), record.size() - 8);
  std::string_view tail(record.data() + body.size(), 8);
  if (get64(tail) != fingerprint(body)) refuse("checksum mismatch");
  if (static_cast<unsigned char>(body[0]) != kVersion) refuse("unknown version");
  body.remove_prefix(1);
  Cursor cursor;
  cursor.query_fingerprint = get64(body);
  cursor.last_id = static_cast<std::int64_t>(get64(body));
  const char kind = body[0];
  body.remove_prefix(1);
  if (kind == 'n') {
    auto bits = get64(body);
    double number = 0;
    std::memcpy(&number, &bits, sizeof number);
    if (!std::isfinite(number) || !body.empty()) refuse("bad value");
    cursor.last_value = number;
  } else if (kind == 's') {
    cursor.last_value = std::string(body);
  } else if (kind != '-' || !body.empty()) {
    refuse("bad value");
  }
  return cursor;
}

}  // namespace disha::catalog
