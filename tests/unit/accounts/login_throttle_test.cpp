#include "features/accounts/login_throttle.hpp"

#include <gtest/gtest.h>

namespace disha::accounts {
namespace {

using namespace std::chrono_literals;

TEST(LoginThrottle, FirstFailuresAreFreeThenDelaysDoubleUpToACap) {
  EXPECT_EQ(LoginThrottle::delay_after(0), 0s);
  EXPECT_EQ(LoginThrottle::delay_after(LoginThrottle::kFreeFailures - 1), 0s);
  EXPECT_EQ(LoginThrottle::delay_after(LoginThrottle::kFreeFailures), 1s);
  EXPECT_EQ(LoginThrottle::delay_after(LoginThrottle::kFreeFailures + 1), 2s);
  EXPECT_EQ(LoginThrottle::delay_after(LoginThrottle::kFreeFailures + 3), 8s);
  EXPECT_EQ(LoginThrottle::delay_after(1000), LoginThrottle::kMaxDelay);
}

TEST(LoginThrottle, BlocksOneAccountUntilTheDelayIsOver) {
  LoginThrottle throttle;
  const auto start = LoginThrottle::Clock::now();
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    EXPECT_FALSE(throttle.wait("a@x.org", start)) << i;
    throttle.failed("a@x.org", start);
  }
  EXPECT_EQ(throttle.wait("a@x.org", start), 1s);
  EXPECT_FALSE(throttle.wait("a@x.org", start + 1s));
  throttle.failed("a@x.org", start + 1s);
  EXPECT_EQ(throttle.wait("a@x.org", start + 1s), 2s);
  EXPECT_EQ(throttle.wait("a@x.org", start + 2500ms), 1s);
  EXPECT_FALSE(throttle.wait("a@x.org", start + 3s));
  EXPECT_FALSE(throttle.wait("b@x.org", start));  // other accounts are untouched
  throttle.succeeded("a@x.org");
  EXPECT_FALSE(throttle.wait("a@x.org", start));
}

TEST(LoginThrottle, ForgetsOldFailures) {
  LoginThrottle throttle;
  const auto start = LoginThrottle::Clock::now();
  for (int i = 0; i < 10; ++i) throttle.failed("a@x.org", start);
  const auto later = start + LoginThrottle::kMemory + 1s;
  EXPECT_FALSE(throttle.wait("a@x.org", later));
  throttle.failed("a@x.org", later);
  EXPECT_FALSE(throttle.wait("a@x.org", later));  // counting starts again
}

}  // namespace
}  // namespace disha::accounts
