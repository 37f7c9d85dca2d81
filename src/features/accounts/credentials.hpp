#pragma once
// The pure rules for what people type in: email syntax and normalisation, password rules,
// argon2id hashing. Hashing is slow on purpose (tens of milliseconds, 64 MiB): callers in the
// server run it on the worker pool, never on an I/O thread.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace disha::accounts {

inline constexpr std::size_t kMaxEmailLength = 254;  // RFC 5321's path limit
inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordChars = 256;

// Trims surrounding white space and lower-cases the domain (the local part is case-sensitive
// by the RFC, so it is kept). Accepts the common dot-atom form: local@domain.tld with ASCII
// letters, digits and !#$%&'*+/=?^_`{|}~.- in the local part and LDH labels in the domain.
// Throws disha::Error(unprocessable) naming `field`.
std::string normalise_email(std::optional<std::string_view> email,
                            std::string_view field = "email");

class PasswordRules {
 public:
  // `common_passwords`: one a line, compared case-insensitively; '#' starts a comment line.
  explicit PasswordRules(std::string_view common_passwords);
  // Throws disha::Error(unprocessable) naming `field` when the password is absent, not valid
  // UTF-8, outside 10–256 characters, or on the common list.
  void check(std::optional<std::string_view> password, std::string_view field) const;
  std::size_t common_count() const noexcept { return common_.size(); }

 private:
  std::unordered_set<std::string> common_;
};

// argon2id (libsodium crypto_pwhash_str) at the interactive limits: the encoded string
// carries its own salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded_hash, std::string_view password);

}  // namespace disha::accounts
