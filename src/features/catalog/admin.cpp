#include "features/catalog/admin.hpp"

#include <boost/json/serialize.hpp>

#include "features/accounts/audit_log.hpp"
#include "features/catalog/body.hpp"
#include "features/catalog/json.hpp"
#include "features/catalog/validation.hpp"

namespace disha::catalog {

namespace {

namespace json = boost::json;
using Table = CatalogWriter::Table;
using accounts::AuditAction;

FactorLookup lookup_in(const Snapshot& snapshot) {
  return [&snapshot](std::string_view code) { return snapshot.factor(code); };
}

std::string as_text(const json::object& object) {
  return json::serialize(object);
}

// An entity as the audit trail records it: its own fields and stored values (derived factor
// values are computed from the fields, so the snapshot leaves them out).
template <class Entity>
std::string audit_json(const Snapshot& snapshot, EntityKind kind, std::uint32_t index,
                       Entity entity) {
  entity.values = snapshot.stored_values(kind, index);
  return as_text(to_json(entity));
}

void audit(store::Connection& db, std::int64_t actor, AuditAction action, std::string entity,
           std::string key, std::optional<std::string> before, std::optional<std::string> after) {
  accounts::record_audit(db, {actor, action, std::move(entity), std::move(key), std::move(before),
                              std::move(after)});
}

[[noreturn]] void not_found(std::string_view what, std::string_view key) {
  throw Error(ErrorCode::not_found, "no " + std::string(what) + " '" + std::string(key) + "'");
}

std::string_view entity_name(Table table) {
  switch (table) {
    case Table::universities:
      return "university";
    case Table::programmes:
      return "programme";
    case Table::careers:
      return "career";
    case Table::factors:
      break;
  }
  return "factor";
}

// The current entity's audit JSON, or nullopt when there is none.
std::optional<std::string> before_of(const Snapshot& snapshot, Table table, std::string_view key) {
  const auto& data = snapshot.data();
  switch (table) {
    case Table::universities:
      if (auto i = snapshot.find(EntityKind::university, key)) {
        return audit_json(snapshot, EntityKind::university, *i, data.universities[*i]);
      }
      return std::nullopt;
    case Table::programmes:
      if (auto i = snapshot.find(EntityKind::programme, key)) {
        return audit_json(snapshot, EntityKind::programme, *i, data.programmes[*i]);
      }
      return std::nullopt;
    case Table::careers:
      if (auto i = snapshot.find_career(key)) return as_text(to_json(data.careers[*i]));
      return std::nullopt;
    case Table::factors:
      break;
  }
  if (const auto* factor = snapshot.factor(key)) return as_text(factor_json(*factor));
  return std::nullopt;
}

// Parses, validates and upserts one entity; `key` is the URL's slug for PUT, nullopt for POST.
struct Upsert {
  std::string key;
  std::string after_json;
  CatalogService::WriteFn write;
};

Upsert prepare(Table table, const json::object& body, std::optional<std::string_view> key,
               const Snapshot& snapshot) {
  auto factors = lookup_in(snapshot);
  switch (table) {
    case Table::universities: {
      auto u = university_from_json(body, key);
      validate(u, factors);
      auto after = as_text(to_json(u));
      return {u.slug, std::move(after),
              [u](CatalogWriter& writer, store::Connection&) { writer.upsert_university(u); }};
    }
    case Table::programmes: {
      auto p = programme_from_json(body, key);
      validate(p, factors);
      auto after = as_text(to_json(p));
      return {p.slug, std::move(after),
              [p](CatalogWriter& writer, store::Connection&) { writer.upsert_programme(p); }};
    }
    case Table::careers: {
      auto c = career_from_json(body, key);
      validate(c);
      auto after = as_text(to_json(c));
      return {c.slug, std::move(after),
              [c](CatalogWriter& writer, store::Connection&) { writer.upsert_career(c); }};
    }
    case Table::factors:
      break;
  }
  auto f = factor_from_json(body, key);
  validate(f);
  if (const auto* existing = snapshot.factor(f.code)) {
    // What values mean may not change under them: type and scope are fixed once created, and a
    // derived factor stays derived.
    if (existing->type != f.type || existing->scope != f.scope) {
      throw Error(ErrorCode::conflict, "a factor's type and scope cannot change", "type");
    }
    f.derived_from = existing->derived_from;
    f.position = existing->position;
  } else {
    int last = 0;
    for (const auto& factor : snapshot.data().factors) last = std::max(last, factor.position);
    f.position = last + 10;
  }
  auto after = as_text(factor_json(f));
  return {f.code, std::move(after),
          [f](CatalogWriter& writer, store::Connection&) { writer.upsert_factor(f); }};
}

}  // namespace

boost::asio::awaitable<std::string> create_entity(CatalogService& service, Table table,
                                                  const json::object& body, std::int64_t actor) {
  auto snapshot = service.snapshot();
  auto upsert = prepare(table, body, std::nullopt, *snapshot);
  CatalogService::WriteFn write = [&](CatalogWriter& writer, store::Connection& db) {
    if (writer.exists(table, upsert.key)) {
      throw Error(ErrorCode::conflict,
                  std::string(entity_name(table)) + " '" + upsert.key + "' exists already",
                  table == Table::factors ? "code" : "slug");
    }
    upsert.write(writer, db);
    audit(db, actor, AuditAction::create, std::string(entity_name(table)), upsert.key,
          std::nullopt, upsert.after_json);
  };
  co_await service.write(write);
  co_return upsert.key;
}

boost::asio::awaitable<void> update_entity(CatalogService& service, Table table,
                                           const std::string& key, const json::object& body,
                                           std::int64_t actor) {
  auto snapshot = service.snapshot();
  auto before = before_of(*snapshot, table, key);
  if (!before) not_found(entity_name(table), key);
  auto upsert = prepare(table, body, key, *snapshot);
  CatalogService::WriteFn write = [&](CatalogWriter& writer, store::Connection& db) {
    if (!writer.exists(table, key)) not_found(entity_name(table), key);
    upsert.write(writer, db);
    audit(db, actor, AuditAction::update, std::string(entity_name(table)), key, before,
          upsert.after_json);
  };
  co_await service.write(write);
}

boost::asio::awaitable<void> remove_entity(CatalogService& service, Table table,
                                           const std::string& key, std::int64_t actor) {
  auto snapshot = service.snapshot();
  auto before = before_of(*snapshot, table, key);
  if (!before) not_found(entity_name(table), key);
  if (table == Table::factors && !snapshot->factor(key)->derived_from.empty()) {
    throw Error(ErrorCode::conflict, "a factor computed from an entity field stays", "code");
  }
  CatalogService::WriteFn write = [&](CatalogWriter& writer, store::Connection& db) {
    if (!writer.remove(table, key)) not_found(entity_name(table), key);
    audit(db, actor, AuditAction::remove, std::string(entity_name(table)), key, before,
          std::nullopt);
  };
  co_await service.write(write);
}

boost::asio::awaitable<void> set_value(CatalogService& service, EntityKind owner,
                                       const std::string& key, const std::string& code,
                                       const json::object& body, std::int64_t actor) {
  auto snapshot = service.snapshot();
  auto index = snapshot->find(owner, key);
  if (!index) not_found(to_string(owner), key);
  const auto* factor = snapshot->factor(code);
  if (!factor) not_found("factor", code);
  auto value = factor_value_from_json(body, *factor);
  validate_value(value, owner, lookup_in(*snapshot), "value");
  auto current = snapshot->factor_value(owner, *index, *factor);
  std::optional<std::string> before;
  if (current) before = as_text(to_json(*current));
  const auto entity_key = key + "/" + code;
  CatalogService::WriteFn write = [&](CatalogWriter& writer, store::Connection& db) {
    writer.set_value(owner, key, value);
    audit(db, actor, before ? AuditAction::update : AuditAction::create, "factor_value", entity_key,
          before, as_text(to_json(value)));
  };
  co_await service.write(write);
}

boost::asio::awaitable<void> remove_value(CatalogService& service, EntityKind owner,
                                          const std::string& key, const std::string& code,
                                          std::int64_t actor) {
  auto snapshot = service.snapshot();
  auto index = snapshot->find(owner, key);
  if (!index) not_found(to_string(owner), key);
  const auto* factor = snapshot->factor(code);
  if (!factor) not_found("factor", code);
  if (!factor->derived_from.empty()) {
    throw Error(ErrorCode::conflict,
                code + " is computed from the " + factor->derived_from + " field", "code");
  }
  auto current = snapshot->factor_value(owner, *index, *factor);
  if (!current) not_found("value of " + code + " for", key);
  auto before = as_text(to_json(*current));
  const auto entity_key = key + "/" + code;
  CatalogService::WriteFn write = [&](CatalogWriter& writer, store::Connection& db) {
    if (!writer.remove_value(owner, key, code)) not_found("value of " + code + " for", key);
    audit(db, actor, AuditAction::remove, "factor_value", entity_key, before, std::nullopt);
  };
  co_await service.write(write);
}

}  // namespace disha::catalog
