#include "features/meta/repository.hpp"

#include "store/migrations.hpp"

namespace disha::meta {

boost::asio::awaitable<int> MetaRepository::schema_version() {
  return database_.read(store::applied_schema_version);
}

boost::asio::awaitable<Ping> MetaRepository::add_ping(std::string msg, std::string created_at) {
  return database_.write([msg = std::move(msg),
                          created_at = std::move(created_at)](store::Connection& db) {
    auto rows = db.query("INSERT INTO meta_pings (msg, created_at) VALUES ($1, $2) RETURNING id",
                         msg, created_at);
    Ping ping{rows[0].get<std::int64_t>("id"), msg, created_at};
    db.query("DELETE FROM meta_pings WHERE id <= $1", ping.id - kPingsKept);
    return ping;
  });
}

boost::asio::awaitable<std::optional<Ping>> MetaRepository::find_ping(std::int64_t id) {
  return database_.read([id](store::Connection& db) -> std::optional<Ping> {
    auto rows = db.query("SELECT id, msg, created_at FROM meta_pings WHERE id = $1", id);
    if (rows.empty()) return std::nullopt;
    return Ping{rows[0].get<std::int64_t>("id"), rows[0].get<std::string>("msg"),
                rows[0].get<std::string>("created_at")};
  });
}

}  // namespace disha::meta
