#pragma once
// The bounded pool where blocking work (database calls) runs, so I/O threads never block.
// A full queue answers at once with disha::Error(unavailable) carrying Retry-After, rather than
// queueing without end.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "core/error.hpp"

namespace disha::store {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_pending)
      : pool_(threads), threads_(threads), max_pending_(max_pending) {}
  ~WorkerPool() { stop(); }

  // Runs fn() on a worker and resumes the caller on its own executor with the result.
  // Exceptions thrown by fn propagate to the awaiting coroutine. Not a coroutine itself: fn is
  // moved into the job at once, so no by-value coroutine parameter outlives the call (GCC 12
  // mishandles those when the call is the operand of co_await).
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> run(F fn) {
    using T = std::invoke_result_t<F>;
    if (pending_.fetch_add(1) >= max_pending_) {
      pending_.fetch_sub(1);
      throw Error(ErrorCode::unavailable, "the server is busy; retry shortly")
          .with_retry_after(std::chrono::seconds(1));
    }
    return boost::asio::co_spawn(
        pool_.get_executor(),
        [this, job = std::move(fn), slot = Slot(pending_)]() mutable -> boost::asio::awaitable<T> {
          co_return job();
        },
        boost::asio::use_awaitable);
  }

  void stop() { pool_.join(); }
  std::size_t threads() const noexcept { return threads_; }
  std::size_t pending() const noexcept { return pending_.load(); }
  std::size_t max_pending() const noexcept { return max_pending_; }

 private:
  // One queue place, given back when the job (and so the lambda holding this) is destroyed.
  class Slot {
   public:
    explicit Slot(std::atomic<std::size_t>& pending) : pending_(&pending) {}
    Slot(Slot&& other) noexcept : pending_(std::exchange(other.pending_, nullptr)) {}
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (pending_) pending_->fetch_sub(1);
    }

   private:
    std::atomic<std::size_t>* pending_;
  };

  boost::asio::thread_pool pool_;
  std::size_t threads_;
  std::size_t max_pending_;
  std::atomic<std::size_t> pending_{0};
};

}  // namespace disha::store
