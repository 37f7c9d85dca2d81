#include "features/catalog/service.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <chrono>

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

boost::asio::awaitable<bool> CatalogService::refresh_if_stale() {
  const auto known = snapshot()->revision();
  auto fresh = co_await database_.read([this, known](store::Connection& db) {
    return catalog_revision(db) == known ? std::shared_ptr<const Snapshot>() : load(db);
  });
  if (!fresh) co_return false;
  install(std::move(fresh));
  co_return true;
}

}  // namespace disha::catalog
