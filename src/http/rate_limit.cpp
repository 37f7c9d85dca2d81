#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>

#include "http/router.hpp"

namespace disha::http {

namespace {

double refill_per_ms(const RateRule& rule) {
  return rule.capacity / static_cast<double>(std::max<std::int64_t>(1, rule.period.count()));
}

}  // namespace

std::optional<std::chrono::milliseconds> TokenBucket::take(const RateRule& rule,
                                                           Clock::time_point now) {
  const double elapsed_ms = std::chrono::duration<double, std::milli>(now - last_).count();
  tokens_ = std::min(rule.capacity, tokens_ + std::max(0.0, elapsed_ms) * refill_per_ms(rule));
  last_ = std::max(last_, now);
  if (tokens_ >= 1) {
    tokens_ -= 1;
    return std::nullopt;
  }
  const double wait_ms = (1 - tokens_) / refill_per_ms(rule);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(wait_ms)));
}

bool TokenBucket::full(const RateRule& rule, Clock::time_point now) const {
  const double elapsed_ms = std::chrono::duration<double, std::milli>(now - last_).count();
  return tokens_ + elapsed_ms * refill_per_ms(rule) >= rule.capacity;
}

const RateRule& RateLimiter::rule(Bucket bucket) const {
  switch (bucket) {
    case Bucket::anonymous:
      return limits_.anonymous;
    case Bucket::user:
      return limits_.user;
    case Bucket::credentials:
      break;
  }
  return limits_.credentials;
}

std::optional<std::chrono::milliseconds> RateLimiter::take(Bucket bucket, const std::string& key,
                                                           Clock::time_point now) {
  const RateRule& bucket_rule = rule(bucket);
  std::lock_guard lock(mutex_);
  auto found = buckets_.find(key);
  if (found == buckets_.end()) {
    // Full buckets carry no information (a fresh one is the same): drop them to stay bounded.
    if (buckets_.size() >= max_keys_) {
      std::erase_if(buckets_, [&](const auto& item) {
        return item.second.tokens.full(rule(item.second.bucket), now);
      });
    }
    found = buckets_.emplace(key, Entry{bucket, TokenBucket(bucket_rule, now)}).first;
  }
  return found->second.tokens.take(bucket_rule, now);
}

Middleware rate_limit(RateLimiter& limiter, TrustedProxies proxies) {
  return [&limiter, proxies = std::move(proxies)](Context& context,
                                                  const Next& next) -> net::awaitable<Response> {
    if (context.protocol_error || !context.matched) co_return co_await next(context);
    const auto client = client_address(context, proxies).to_string();
    std::optional<std::chrono::milliseconds> wait;
    if (context.matched->options.rate_class == RateClass::credentials) {
      wait = limiter.take(RateLimiter::Bucket::credentials, "c:" + client);
    }
    if (!wait) {
      wait = context.principal ? limiter.take(RateLimiter::Bucket::user,
                                              "u:" + std::to_string(context.principal->user_id))
                               : limiter.take(RateLimiter::Bucket::anonymous, "a:" + client);
    }
    if (wait) {
      auto seconds = std::chrono::ceil<std::chrono::seconds>(*wait);
      throw Error(ErrorCode::too_many_requests, "too many requests; slow down")
          .with_retry_after(std::max(seconds, std::chrono::seconds(1)));
    }
    co_return co_await next(context);
  };
}

}  // namespace disha::http
