#pragma once
// What request handlers use: database work as awaitables, run on the worker pool so that I/O
// threads never block, each call on a leased connection.
#include <boost/asio/awaitable.hpp>
#include <type_traits>

#include "store/database.hpp"
#include "store/worker_pool.hpp"

namespace disha::store {

class AsyncDatabase {
 public:
  AsyncDatabase(Database& database, WorkerPool& workers) : database_(database), workers_(workers) {}

  Database& database() noexcept { return database_; }
  WorkerPool& workers() noexcept { return workers_; }

  // fn(Connection&) on a read connection.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F, Connection&>> read(F fn) {
    return workers_.run([this, fn = std::move(fn)]() mutable {
      Lease lease = database_.acquire(Access::read);
      return fn(*lease);
    });
  }

  // fn(Connection&) in a transaction on the write connection, committed when fn returns.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F, Connection&>> write(F fn) {
    return workers_.run([this, fn = std::move(fn)]() mutable { return database_.transact(fn); });
  }

 private:
  Database& database_;
  WorkerPool& workers_;
};

}  // namespace disha::store
