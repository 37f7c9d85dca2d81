#include "features/catalog/service.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace disha::catalog {

int current_year() {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

CatalogService::CatalogService(store::AsyncDatabase& database) : database_(database) {
  // At start-up nothing else holds connections: with a spare one, two readers share the load.
  auto& db = database_.database();
  auto lease = db.acquire(store::Access::read);
  if (db.stats().size >= 3) {
    auto second = db.acquire(store::Access::read);
    snapshot_.store(load(*lease, &*second));
  } else {
    snapshot_.store(load(*lease));
  }
}

std::shared_ptr<const Snapshot> CatalogService::load(store::Connection& db,
                                                     store::Connection* second) const {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  auto data = load_catalog(db, second);
  const auto read = Clock::now();
  auto snapshot = std::make_shared<const Snapshot>(std::move(data), current_year());
  // Loading a large catalogue leaves much freed heap behind; give it back to the system.
  malloc_trim(0);
  auto ms = [](auto duration) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
  };
  spdlog::info(
      "catalogue revision {}: {} universities, {} programmes; read in {} ms, indexed in {} ms",
      snapshot->revision(), snapshot->data().universities.size(),
      snapshot->data().programmes.size(), ms(read - started), ms(Clock::now() - read));
  return snapshot;
}

boost::asio::awaitable<void> CatalogService::write(const WriteFn& fn) {
  co_await database_.write([&fn](store::Connection& db) {
    CatalogWriter writer(db);
    fn(writer, db);
    writer.bump_revision();
  });
  // Built from what was committed, on a worker: a large catalogue takes a moment.
  install(co_await database_.read([this](store::Connection& db) { return load(db); }));
}

void CatalogService::install(std::shared_ptr<const Snapshot> fresh) {
  // Two writers may finish out of order; never replace a newer snapshot with an older one.
  auto current = snapshot_.load();
  while (current->revision() < fresh->revision() &&
         !snapshot_.compare_exchange_weak(current, fresh)) {
  }
}

bool CatalogService::refresh_if_stale() {
  auto lease = database_.database().acquire(store::Access::read);
  if (catalog_revision(*lease) == snapshot()->revision()) return false;
  install(load(*lease));
  return true;
}

void CatalogService::watch(std::chrono::milliseconds interval) {
  watcher_ = std::jthread([this, interval](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (true) {
      std::unique_lock lock(mutex);
      // Sleeps for the interval, waking at once when the service stops.
      wake.wait_for(lock, stop, interval, [] { return false; });
      if (stop.stop_requested()) return;
      try {
        refresh_if_stale();
      } catch (const std::exception& error) {
        // The database may be away for a moment; the old snapshot keeps serving.
        spdlog::warn("catalogue refresh failed: {}", error.what());
      }
    }
  });
}

}  // namespace disha::catalog
