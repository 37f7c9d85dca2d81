#include "features/accounts/audit_log.hpp"

#include <limits>

#include "core/time.hpp"

namespace disha::accounts {

namespace {

std::string_view to_string(AuditAction action) {
  switch (action) {
    case AuditAction::create:
      return "create";
    case AuditAction::remove:
      return "delete";
    case AuditAction::update:
      break;
  }
  return "update";
}

}  // namespace

void record_audit(store::Connection& db, const AuditRecord& record) {
  db.query(
      "INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before_json, after_json) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      utc_timestamp(std::chrono::system_clock::now()), record.actor_id, to_string(record.action),
      record.entity, record.entity_id, record.before_json, record.after_json);
}

boost::asio::awaitable<std::vector<AuditEntry>> AuditLog::list(
    int limit, std::optional<std::int64_t> before_id) {
  const auto below = before_id.value_or(std::numeric_limits<std::int64_t>::max());
  return database_.read([limit, below](store::Connection& db) {
    auto rows = db.query(
        "SELECT id, at, actor_id, action, entity, entity_id, before_json, after_json "
        "FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2",
        below, limit);
    std::vector<AuditEntry> entries;
    for (const auto& row : rows) {
      entries.push_back({row.get<std::int64_t>("id"), row.get<std::string>("at"),
                         row.get<std::optional<std::int64_t>>("actor_id"),
                         row.get<std::string>("action"), row.get<std::string>("entity"),
                         row.get<std::string>("entity_id"),
                         row.get<std::optional<std::string>>("before_json"),
                         row.get<std::optional<std::string>>("after_json")});
    }
    return entries;
  });
}

}  // namespace disha::accounts
