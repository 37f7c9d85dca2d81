#include "features/accounts/login_throttle.hpp"

#include <algorithm>

namespace disha::accounts {

std::chrono::seconds LoginThrottle::delay_after(int failures) noexcept {
  if (failures < kFreeFailures) return std::chrono::seconds(0);
  const int doublings = std::min(failures - kFreeFailures, 20);
  return std::min(std::chrono::seconds(1LL << doublings), kMaxDelay);
}

std::optional<std::chrono::seconds> LoginThrottle::wait(const std::string& email,
                                                        Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto found = records_.find(email);
  if (found == records_.end()) return std::nullopt;
  const auto allowed_at = found->second.last_failure + delay_after(found->second.failures);
  if (now >= allowed_at) return std::nullopt;
  return std::max(std::chrono::seconds(1),
                  std::chrono::ceil<std::chrono::seconds>(allowed_at - now));
}

void LoginThrottle::failed(const std::string& email, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (records_.size() >= max_accounts_ && !records_.contains(email)) {
    std::erase_if(records_,
                  [&](const auto& item) { return now - item.second.last_failure >= kMemory; });
  }
  auto& record = records_[email];
  if (record.failures > 0 && now - record.last_failure >= kMemory) record.failures = 0;
  ++record.failures;
  record.last_failure = now;
}

void LoginThrottle::succeeded(const std::string& email) {
  std::lock_guard lock(mutex_);
  records_.erase(email);
}

}  // namespace disha::accounts
