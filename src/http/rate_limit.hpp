#pragma once
// Token-bucket rate limits: per user when signed in, per client address otherwise, plus a
// stricter per-address bucket on routes of RateClass::credentials (login, register). Over the
// limit a request is answered 429 with Retry-After.
// The buckets live in this process's memory: with several instances each one limits on its own
// (see docs/security.md).
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/client_address.hpp"
#include "http/middleware.hpp"

namespace disha::http {

struct RateRule {
  double capacity = 60;                      // a burst of this many requests…
  std::chrono::milliseconds period{60'000};  // …refilled evenly over this period
};

class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;
  TokenBucket(const RateRule& rule, Clock::time_point now) : tokens_(rule.capacity), last_(now) {}

  // Takes a token: nullopt when one was there, else how long until one will be.
  std::optional<std::chrono::milliseconds> take(const RateRule& rule, Clock::time_point now);
  // Whether the bucket has refilled completely by `now` (it then equals a fresh one).
  bool full(const RateRule& rule, Clock::time_point now) const;

 private:
  double tokens_;
  Clock::time_point last_;
};

struct RateLimits {
  RateRule anonymous{120, std::chrono::minutes(1)};   // per client address
  RateRule user{600, std::chrono::minutes(1)};        // per signed-in user
  RateRule credentials{10, std::chrono::minutes(1)};  // per client address, login and register
};

class RateLimiter {
 public:
  using Clock = TokenBucket::Clock;
  explicit RateLimiter(RateLimits limits, std::size_t max_keys = 100'000)
      : limits_(limits), max_keys_(max_keys) {}

  enum class Bucket { anonymous, user, credentials };
  // Takes a token from the bucket of `key`: nullopt when allowed, else the wait.
  std::optional<std::chrono::milliseconds> take(Bucket bucket, const std::string& key,
                                                Clock::time_point now = Clock::now());

 private:
  const RateRule& rule(Bucket bucket) const;

  RateLimits limits_;
  std::size_t max_keys_;
  std::mutex mutex_;
  struct Entry {
    Bucket bucket;
    TokenBucket tokens;
  };
  std::unordered_map<std::string, Entry> buckets_;
};

// Runs after authenticate(), so that signed-in callers draw from their own bucket.
Middleware rate_limit(RateLimiter& limiter, TrustedProxies proxies);

}  // namespace disha::http
