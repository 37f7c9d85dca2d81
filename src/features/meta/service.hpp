#pragma once
// The `meta` feature: what is running, and a durable write that proves the whole path from
// HTTP to the database and back.
#include <atomic>
#include <chrono>
#include <string>

#include "features/meta/model.hpp"
#include "features/meta/repository.hpp"

namespace disha::meta {

class MetaService {
 public:
  MetaService(MetaRepository& repository, std::string version, std::string database)
      : repository_(repository), version_(std::move(version)), database_(std::move(database)) {}

  // The schema version is read from the database at most once a second: it changes only when
  // a migration runs, and /api/v1/meta is a hot, cheap endpoint (load balancers poll it).
  boost::asio::awaitable<MetaInfo> info();
  // Validates msg (1–200 characters of UTF-8 text) and returns it.
  static std::string echo(std::optional<std::string_view> msg);
  boost::asio::awaitable<Ping> add_ping(std::optional<std::string_view> msg);
  // Throws not_found for an unknown id.
  boost::asio::awaitable<Ping> ping(std::int64_t id);

 private:
  static constexpr std::chrono::milliseconds kSchemaVersionMaxAge{1000};

  boost::asio::awaitable<int> schema_version();

  MetaRepository& repository_;
  std::string version_;
  std::string database_;
  std::atomic<int> schema_version_{0};
  std::atomic<std::chrono::steady_clock::rep> schema_version_read_at_{0};  // 0: never read
};

}  // namespace disha::meta
