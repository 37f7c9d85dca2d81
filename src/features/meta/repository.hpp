#pragma once
#include <optional>

#include "features/meta/model.hpp"
#include "store/async_database.hpp"

namespace disha::meta {

class MetaRepository {
 public:
  // Pings beyond this many are pruned oldest first, so the table stays small whatever comes in.
  static constexpr int kPingsKept = 1000;

  explicit MetaRepository(store::AsyncDatabase& database) : database_(database) {}

  boost::asio::awaitable<int> schema_version();
  boost::asio::awaitable<Ping> add_ping(std::string msg, std::string created_at);
  boost::asio::awaitable<std::optional<Ping>> find_ping(std::int64_t id);

 private:
  store::AsyncDatabase& database_;
};

}  // namespace disha::meta
