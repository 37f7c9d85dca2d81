#pragma once
// Growing delays after failed logins on one account: the first few failures are free, then each
// one doubles the wait before the next attempt is even checked (up to a cap). Keyed by the
// normalised email whether or not an account exists, so the delay says nothing about existence.
// Kept in this process's memory (see docs/security.md).
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace disha::accounts {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kFreeFailures = 3;
  static constexpr std::chrono::seconds kMaxDelay{15 * 60};
  // A record with no failure for this long is forgotten.
  static constexpr std::chrono::hours kMemory{1};

  explicit LoginThrottle(std::size_t max_accounts = 100'000) : max_accounts_(max_accounts) {}

  // How long the account must wait before another attempt, or nullopt when it may try now.
  std::optional<std::chrono::seconds> wait(const std::string& email,
                                           Clock::time_point now = Clock::now());
  void failed(const std::string& email, Clock::time_point now = Clock::now());
  void succeeded(const std::string& email);

  // The delay imposed after `failures` consecutive failures (zero while they are free).
  static std::chrono::seconds delay_after(int failures) noexcept;

 private:
  struct Record {
    int failures = 0;
    Clock::time_point last_failure;
  };
  std::size_t max_accounts_;
  std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace disha::accounts
