#pragma once
// Holds the current catalogue snapshot and replaces it after every committed write. Reads take
// the snapshot (one atomic load) and never touch the database; a write runs in a transaction
// that bumps the catalogue revision, then a new snapshot is built and swapped in before the
// write is acknowledged, so the next read sees it.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "features/catalog/repository.hpp"
#include "features/catalog/snapshot.hpp"
#include "store/async_database.hpp"

namespace disha::catalog {

int current_year();

class CatalogService {
 public:
  // Loads the first snapshot (blocking: call at start-up, before serving).
  explicit CatalogService(store::AsyncDatabase& database);

  std::shared_ptr<const Snapshot> snapshot() const { return snapshot_.load(); }

  using WriteFn = std::function<void(CatalogWriter&, store::Connection&)>;
  // fn in one transaction that also bumps the revision; returns once the new snapshot is in.
  // fn is taken by reference (keep it in a named local): GCC 12 mishandles by-value coroutine
  // parameters of a call that is the operand of co_await.
  boost::asio::awaitable<void> write(const WriteFn& fn);
  // Rebuilds the snapshot when the database's revision is not the snapshot's: another instance
  // (or `disha import`) changed the catalogue. Blocking; true when a new snapshot went in.
  bool refresh_if_stale();
  // Calls refresh_if_stale() every `interval` on a thread of its own until the service goes.
  void watch(std::chrono::milliseconds interval);

 private:
  std::shared_ptr<const Snapshot> load(store::Connection& db,
                                       store::Connection* second = nullptr) const;
  void install(std::shared_ptr<const Snapshot> fresh);

  store::AsyncDatabase& database_;
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
  std::jthread watcher_;  // declared last: stops first
};

}  // namespace disha::catalog
