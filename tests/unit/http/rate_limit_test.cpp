#include "http/rate_limit.hpp"

#include <gtest/gtest.h>

namespace disha::http {
namespace {

using namespace std::chrono_literals;

TEST(TokenBucket, AllowsABurstThenRefillsEvenly) {
  const RateRule rule{3, 3s};  // 3 at once, then one a second
  const auto start = TokenBucket::Clock::now();
  TokenBucket bucket(rule, start);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(bucket.take(rule, start)) << i;
  EXPECT_EQ(bucket.take(rule, start), 1000ms);
  EXPECT_EQ(bucket.take(rule, start + 400ms), 600ms);
  EXPECT_FALSE(bucket.take(rule, start + 1s));
  EXPECT_TRUE(bucket.take(rule, start + 1s));
  EXPECT_FALSE(bucket.full(rule, start + 3s));
  EXPECT_TRUE(bucket.full(rule, start + 4s));
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(bucket.take(rule, start + 1h)) << i;  // capped at 3
  EXPECT_TRUE(bucket.take(rule, start + 1h));
}

TEST(RateLimiter, KeepsOneBucketPerKeyAndClass) {
  RateLimiter limiter({.anonymous = {1, 60s}, .user = {2, 60s}, .credentials = {1, 60s}});
  const auto now = RateLimiter::Clock::now();
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::anonymous, "a:1.2.3.4", now));
  EXPECT_EQ(limiter.take(RateLimiter::Bucket::anonymous, "a:1.2.3.4", now), 60s);
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::anonymous, "a:5.6.7.8", now));
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::user, "u:7", now));
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::user, "u:7", now));
  EXPECT_TRUE(limiter.take(RateLimiter::Bucket::user, "u:7", now));
}

TEST(RateLimiter, StaysBoundedByDroppingRefilledBuckets) {
  RateLimiter limiter({.anonymous = {1, 1s}}, 2);
  const auto now = RateLimiter::Clock::now();
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::anonymous, "a:1", now));
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::anonymous, "a:2", now));
  // Both buckets have refilled by now + 2s, so they may go; "a:1" starts afresh.
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::anonymous, "a:3", now + 2s));
  EXPECT_FALSE(limiter.take(RateLimiter::Bucket::anonymous, "a:1", now + 2s));
}

}  // namespace
}  // namespace disha::http
