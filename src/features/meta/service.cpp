#include "features/meta/service.hpp"

#include "core/text.hpp"
#include "core/time.hpp"

namespace disha::meta {

namespace {
std::string now() {
  return utc_timestamp(std::chrono::system_clock::now());
}
}  // namespace

boost::asio::awaitable<int> MetaService::schema_version() {
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  const auto read_at = schema_version_read_at_.load(std::memory_order_acquire);
  const auto max_age =
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(kSchemaVersionMaxAge).count();
  if (read_at != 0 && now - read_at < max_age) co_return schema_version_.load();
  const int version = co_await repository_.schema_version();
  schema_version_.store(version);
  schema_version_read_at_.store(now, std::memory_order_release);
  co_return version;
}

boost::asio::awaitable<MetaInfo> MetaService::info() {
  // co_await stays out of braced initialisers: GCC 12 destroys such temporaries twice.
  const int schema = co_await schema_version();
  co_return MetaInfo{version_, database_, schema, now()};
}

std::string MetaService::echo(std::optional<std::string_view> msg) {
  return require_text(msg, "msg", {.min_chars = 1, .max_chars = 200});
}

boost::asio::awaitable<Ping> MetaService::add_ping(std::optional<std::string_view> msg) {
  auto valid = echo(msg);
  co_return co_await repository_.add_ping(std::move(valid), now());
}

boost::asio::awaitable<Ping> MetaService::ping(std::int64_t id) {
  auto found = co_await repository_.find_ping(id);
  if (!found) throw Error(ErrorCode::not_found, "no ping with id " + std::to_string(id), "id");
  co_return *found;
}

}  // namespace disha::meta
