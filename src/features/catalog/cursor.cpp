#include "features/catalog/cursor.hpp"

#include <array>
#include <bit>
#include <cmath>

#include "core/error.hpp"

namespace disha::catalog {

namespace {

constexpr char kVersion = 1;
constexpr char kNoValue = '-';
constexpr char kNumber = 'n';
constexpr char kText = 's';
constexpr std::size_t kHeaderBytes = 1 + 8 + 8 + 1;  // version, fingerprint, id, kind
constexpr std::size_t kChecksumBytes = 8;

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Each byte's 6-bit value, or -1 for a byte outside the alphabet.
constexpr std::array<int, 256> kSextets = [] {
  std::array<int, 256> sextets{};
  sextets.fill(-1);
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    sextets[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
  }
  return sextets;
}();

[[noreturn]] void refuse(std::string_view why) {
  throw Error(ErrorCode::bad_request, "cursor is not valid: " + std::string(why), "cursor");
}

void put64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

// The caller makes sure 8 bytes are there.
std::uint64_t get64(std::string_view bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  }
  return value;
}

std::string to_base64url(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
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

// Only the canonical form to_base64url writes: a length that is not 1 more than a multiple of 4
// and zero bits after the last byte, so that every text decodes to different bytes.
std::string from_base64url(std::string_view text) {
  if (text.size() % 4 == 1) refuse("not base64url");
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int sextet = kSextets[static_cast<unsigned char>(c)];
    if (sextet < 0) refuse("not base64url");
    buffer = (buffer << 6) | static_cast<std::uint32_t>(sextet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  if ((buffer & ((1u << bits) - 1)) != 0) refuse("not base64url");
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
  std::string record(1, kVersion);
  put64(record, cursor.query_fingerprint);
  put64(record, static_cast<std::uint64_t>(cursor.last_id));
  if (const auto* number = std::get_if<double>(&cursor.last_value)) {
    if (!std::isfinite(*number)) throw Error(ErrorCode::internal, "cursor: sort value not finite");
    record += kNumber;
    put64(record, std::bit_cast<std::uint64_t>(*number));
  } else if (const auto* text = std::get_if<std::string>(&cursor.last_value)) {
    record += kText;
    record += *text;
  } else {
    record += kNoValue;
  }
  put64(record, fingerprint(record));
  auto encoded = to_base64url(record);
  if (encoded.size() > kMaxCursorLength) {
    throw Error(ErrorCode::internal, "cursor: sort value too long to fit");
  }
  return encoded;
}

Cursor decode_cursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxCursorLength) refuse("wrong length");
  const auto record = from_base64url(text);
  if (record.size() < kHeaderBytes + kChecksumBytes) refuse("truncated");
  const std::string_view body(record.data(), record.size() - kChecksumBytes);
  if (get64(std::string_view(record).substr(body.size())) != fingerprint(body)) {
    refuse("checksum mismatch");
  }
  if (body[0] != kVersion) refuse("unknown version");

  Cursor cursor;
  cursor.query_fingerprint = get64(body.substr(1));
  cursor.last_id = static_cast<std::int64_t>(get64(body.substr(9)));
  const char kind = body[17];
  const auto value = body.substr(kHeaderBytes);
  if (kind == kNumber) {
    if (value.size() != 8) refuse("bad number");
    const auto number = std::bit_cast<double>(get64(value));
    if (!std::isfinite(number)) refuse("bad number");
    cursor.last_value = number;
  } else if (kind == kText) {
    cursor.last_value = std::string(value);
  } else if (kind != kNoValue || !value.empty()) {
    refuse("bad value");
  }
  return cursor;
}

}  // namespace disha::catalog
