#include "features/accounts/token.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "core/error.hpp"

namespace disha::accounts {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenChars = 43;  // base64url of 32 bytes without padding

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

}  // namespace

IssuedToken issue_token() {
  if (sodium_init() < 0) throw Error(ErrorCode::internal, "libsodium failed to initialise");
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string token(
      sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(token.data(), token.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token.resize(kTokenChars);
  auto hash = token_hash(token);
  return {std::move(token), std::move(hash)};
}

std::string token_hash(std::string_view token) {
  return sha256_hex(token);
}

bool well_formed_token(std::string_view text) noexcept {
  return text.size() == kTokenChars && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

std::string csrf_token(std::string_view token) {
  return sha256_hex("disha-csrf:" + std::string(token));
}

}  // namespace disha::accounts
