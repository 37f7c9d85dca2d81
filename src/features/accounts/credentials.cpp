#include "features/accounts/credentials.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "core/error.hpp"
#include "core/text.hpp"

namespace disha::accounts {

namespace {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool valid_local_part(std::string_view local) {
  constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-";
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') {
    return false;
  }
  if (local.find("..") != std::string_view::npos) return false;
  return std::all_of(local.begin(), local.end(), [&](char c) {
    return is_alnum(c) || c == '.' || kSpecials.find(c) != std::string_view::npos;
  });
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t labels = 0;
  while (true) {
    auto dot = domain.find('.');
    auto label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
        !std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; })) {
      return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  // A top-level domain is never all digits, which also refuses bare IPv4 addresses.
  return labels >= 2 && !std::all_of(domain.begin(), domain.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

void initialise_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw Error(ErrorCode::internal, "libsodium failed to initialise");
}

}  // namespace

std::string normalise_email(std::optional<std::string_view> email, std::string_view field) {
  const std::string name(field);
  if (!email) throw Error(ErrorCode::unprocessable, name + " is required", name);
  auto text = *email;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  auto at = text.rfind('@');
  if (text.size() > kMaxEmailLength || at == std::string_view::npos ||
      !valid_local_part(text.substr(0, at)) || !valid_domain(text.substr(at + 1))) {
    throw Error(ErrorCode::unprocessable, name + " is not a valid email address", name);
  }
  return std::string(text.substr(0, at + 1)) + ascii_lower(text.substr(at + 1));
}

PasswordRules::PasswordRules(std::string_view common_passwords) {
  while (!common_passwords.empty()) {
    auto newline = common_passwords.find('\n');
    auto line = common_passwords.substr(0, newline);
    common_passwords = newline == std::string_view::npos ? std::string_view{}
                                                         : common_passwords.substr(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') common_.insert(ascii_lower(line));
  }
}

void PasswordRules::check(std::optional<std::string_view> password, std::string_view field) const {
  // require_text() checks presence, UTF-8 and length; control characters are refused too.
  auto text = require_text(password, field,
                           {.min_chars = kMinPasswordChars, .max_chars = kMaxPasswordChars});
  if (common_.contains(ascii_lower(text))) {
    throw Error(ErrorCode::unprocessable,
                std::string(field) + " is too common; choose a longer, less predictable one",
                std::string(field));
  }
}

std::string hash_password(std::string_view password) {
  initialise_sodium();
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(encoded, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw Error(ErrorCode::unavailable, "not enough memory to hash a password; retry shortly")
        .with_retry_after(std::chrono::seconds(1));
  }
  return std::string(encoded);
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
  initialise_sodium();
  // crypto_pwhash_str_verify wants a NUL-terminated string.
  std::string hash(encoded_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace disha::accounts
