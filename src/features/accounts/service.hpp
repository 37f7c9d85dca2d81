#pragma once
// Registration, login, sessions and the account's own data. Password hashing runs on the worker
// pool: it is slow on purpose and must never hold an I/O thread.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/accounts/credentials.hpp"
#include "features/accounts/login_throttle.hpp"
#include "features/accounts/model.hpp"
#include "features/accounts/repository.hpp"
#include "http/auth.hpp"

namespace disha::accounts {

struct SessionSettings {
  std::chrono::milliseconds idle_timeout{std::chrono::hours(2)};   // unused this long: ended
  std::chrono::milliseconds lifetime{std::chrono::hours(24 * 7)};  // ended this long after login
};

struct LoginResult {
  User user;
  std::string token;
  std::string csrf_token;
  std::string expires_at;  // RFC 3339: the absolute end
};

class AccountService : public http::SessionResolver {
 public:
  // Hashes one random password up front (the stand-in for unknown emails at login).
  AccountService(AccountRepository& repository, store::WorkerPool& workers, PasswordRules rules,
                 SessionSettings settings);

  boost::asio::awaitable<User> register_user(std::optional<std::string_view> email,
                                             std::optional<std::string_view> password,
                                             std::optional<std::string_view> name);
  // Unknown email and wrong password give the same 401 after the same work (one argon2id
  // verification); repeated failures on one email are answered 429 for a growing while.
  boost::asio::awaitable<LoginResult> login(std::optional<std::string_view> email,
                                            std::optional<std::string_view> password);
  boost::asio::awaitable<void> logout(const http::Principal& principal);
  boost::asio::awaitable<User> me(const http::Principal& principal);
  // Checks the current password, sets the new one and ends every other session.
  boost::asio::awaitable<void> change_password(const http::Principal& principal,
                                               std::optional<std::string_view> current_password,
                                               std::optional<std::string_view> new_password);
  // Checks the password, then deletes the account and everything that is the person's.
  boost::asio::awaitable<void> delete_account(const http::Principal& principal,
                                              std::optional<std::string_view> password);
  boost::asio::awaitable<std::vector<SessionInfo>> sessions(const http::Principal& principal);
  // Another user's session id is answered like an unknown one: 404.
  boost::asio::awaitable<void> end_session(const http::Principal& principal, std::string id);

  boost::asio::awaitable<std::optional<http::Principal>> resolve(std::string token) override;

  const SessionSettings& settings() const noexcept { return settings_; }

 private:
  boost::asio::awaitable<bool> password_matches(std::string hash, std::string password);
  // The account behind a live principal; 401 when it is gone.
  boost::asio::awaitable<Credentials> account(const http::Principal& principal);

  AccountRepository& repository_;
  store::WorkerPool& workers_;
  PasswordRules rules_;
  SessionSettings settings_;
  std::string dummy_hash_;
  LoginThrottle throttle_;
};

// Validates a display name: 1–100 characters of UTF-8 text without control characters.
std::string require_name(std::optional<std::string_view> name);

}  // namespace disha::accounts
