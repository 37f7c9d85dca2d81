#pragma once
// A fixed set of connections lent out one caller at a time. Callers block up to the acquire
// timeout, then get `unavailable` so that a saturated database sheds load instead of queueing
// without end.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.hpp"
#include "store/failure.hpp"

namespace disha::store {

template <class C>
class ConnectionPool {
 public:
  explicit ConnectionPool(std::chrono::milliseconds acquire_timeout)
      : acquire_timeout_(acquire_timeout) {}

  void add(std::unique_ptr<C> connection) {
    std::lock_guard lock(mutex_);
    free_.push_back(connection.get());
    all_.push_back(std::move(connection));
  }

  C* take() {
    std::unique_lock lock(mutex_);
    if (free_.empty()) {
      ++waiting_;
      const bool got =
          available_.wait_for(lock, acquire_timeout_, [this] { return !free_.empty(); });
      --waiting_;
      if (!got) throw unavailable("all database connections are busy; retry shortly");
    }
    C* connection = free_.back();  // the most recently used one: its caches are warm
    free_.pop_back();
    ++in_use_;
    return connection;
  }

  void give_back(C* connection) noexcept {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(connection);
      --in_use_;
    }
    available_.notify_one();
  }

  PoolStats stats() const {
    std::lock_guard lock(mutex_);
    return {static_cast<int>(all_.size()), in_use_, waiting_};
  }

 private:
  const std::chrono::milliseconds acquire_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<C>> all_;
  std::vector<C*> free_;
  int in_use_ = 0;
  int waiting_ = 0;
};

}  // namespace disha::store
