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

#include "core/error.hpp"

namespace disha::store {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_pending)
      : pool_(threads), threads_(threads), max_pending_(max_pending) {}
  ~WorkerPool() { stop(); }

  // Runs fn() on a worker and resumes the caller on its own executor with the result.
  // Exceptions thrown by fn propagate to the awaiting coroutine.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> run(F fn) {
    using T = std::invoke_result_t<F>;
    if (pending_.fetch_add(1) >= max_pending_) {
      pending_.fetch_sub(1);
      throw Error(ErrorCode::unavailable, "the server is busy; retry shortly")
          .with_retry_after(std::chrono::seconds(1));
    }
    struct Release {
      std::atomic<std::size_t>& pending;
      ~Release() { pending.fetch_sub(1); }
    } release{pending_};
    co_return co_await boost::asio::co_spawn(
        pool_.get_executor(), [&fn]() -> boost::asio::awaitable<T> { co_return fn(); },
        boost::asio::use_awaitable);
  }

  void stop() {
    pool_.join();
  }
  std::size_t threads() const noexcept { return threads_; }
  std::size_t pending() const noexcept { return pending_.load(); }
  std::size_t max_pending() const noexcept { return max_pending_; }

 private:
  boost::asio::thread_pool pool_;
  std::size_t threads_;
  std::size_t max_pending_;
  std::atomic<std::size_t> pending_{0};
};

}  // namespace disha::store
