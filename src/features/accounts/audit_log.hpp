#pragma once
// The audit trail of administrative writes: who changed what, before and after, and when.
// record_audit() runs inside the writer's own transaction, so a change and its entry commit
// together or not at all. Entries are read by admins only (GET /api/v1/admin/audit-log).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/async_database.hpp"

namespace disha::accounts {

enum class AuditAction { create, update, remove };

struct AuditRecord {
  std::int64_t actor_id = 0;
  AuditAction action = AuditAction::update;
  std::string entity;                      // "university", "programme", …
  std::string entity_id;                   // the entity's key, as text
  std::optional<std::string> before_json;  // serialized JSON; absent for create
  std::optional<std::string> after_json;   // serialized JSON; absent for delete
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;                        // RFC 3339, UTC
  std::optional<std::int64_t> actor_id;  // null once the author's account is deleted
  std::string action;                    // "create", "update" or "delete"
  std::string entity;
  std::string entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

void record_audit(store::Connection& db, const AuditRecord& record);

class AuditLog {
 public:
  static constexpr int kMaxPage = 200;
  explicit AuditLog(store::AsyncDatabase& database) : database_(database) {}

  // Newest first; `before_id` continues a page (entries with a smaller id).
  boost::asio::awaitable<std::vector<AuditEntry>> list(int limit,
                                                       std::optional<std::int64_t> before_id);

 private:
  store::AsyncDatabase& database_;
};

}  // namespace disha::accounts
