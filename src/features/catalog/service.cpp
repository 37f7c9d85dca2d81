#include "features/catalog/service.hpp"

#include <chrono>

namespace disha::catalog {

int current_year() {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

CatalogService::CatalogService(store::AsyncDatabase& database) : database_(database) {
  auto lease = database_.database().acquire(store::Access::read);
  snapshot_.store(load(*lease));
}

std::shared_ptr<const Snapshot> CatalogService::load(store::Connection& db) const {
  return std::make_shared<const Snapshot>(load_catalog(db), current_year());
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
