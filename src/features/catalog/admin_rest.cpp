#include "features/catalog/admin_rest.hpp"

#include "features/catalog/admin.hpp"
#include "features/catalog/json.hpp"
#include "http/json_body.hpp"
#include "http/response.hpp"

namespace disha::catalog {

namespace {

using Awaitable = boost::asio::awaitable<http::Response>;

constexpr std::size_t kBodyLimit = 64 * 1024;

[[noreturn]] void not_found(std::string_view what, std::string_view key) {
  throw Error(ErrorCode::not_found, "no " + std::string(what) + " '" + std::string(key) + "'");
}

http::Response entity_response(http::Status status, const Snapshot& snapshot, Table table,
                               std::string_view key) {
  switch (table) {
    case Table::universities:
      return http::json_response(
          status, university_detail_json(snapshot, *snapshot.find(EntityKind::university, key)));
    case Table::programmes:
      return http::json_response(
          status, programme_detail_json(snapshot, *snapshot.find(EntityKind::programme, key)));
    case Table::careers:
      return http::json_response(status, career_detail_json(snapshot, *snapshot.find_career(key)));
    case Table::factors:
      break;
  }
  return http::json_response(status, factor_json(*snapshot.factor(key)));
}

std::string path_of(Table table, std::string_view key) {
  switch (table) {
    case Table::universities:
      return "/api/v1/universities/" + std::string(key);
    case Table::programmes:
      return "/api/v1/programmes/" + std::string(key);
    case Table::careers:
      return "/api/v1/careers/" + std::string(key);
    case Table::factors:
      break;
  }
  return "/api/v1/factors/" + std::string(key);
}

void add_entity_routes(http::Router& router, CatalogService& service, Table table,
                       const std::string& collection) {
  using http::Method;
  const http::RouteOptions admin{.body_limit = kBodyLimit,
                                 .policy = http::Policy::roles({"admin"})};
  const std::string item = collection + (table == Table::factors ? "/{code}" : "/{key}");
  const std::string item_param = table == Table::factors ? "code" : "key";

  router.add(
      Method::post, collection,
      [&service, table](http::Context& context) -> Awaitable {
        auto body = http::read_json_object(context);
        auto actor = context.principal->user_id;
        auto key = co_await create_entity(service, table, body, actor);
        auto response = entity_response(http::Status::created, *service.snapshot(), table, key);
        response.set(boost::beast::http::field::location, path_of(table, key));
        co_return response;
      },
      admin);

  router.add(
      Method::put, item,
      [&service, table, item_param](http::Context& context) -> Awaitable {
        auto key = std::string(context.param(item_param));
        auto body = http::read_json_object(context);
        auto actor = context.principal->user_id;
        co_await update_entity(service, table, key, body, actor);
        co_return entity_response(http::Status::ok, *service.snapshot(), table, key);
      },
      admin);

  router.add(
      Method::delete_, item,
      [&service, table, item_param](http::Context& context) -> Awaitable {
        auto key = std::string(context.param(item_param));
        auto actor = context.principal->user_id;
        co_await remove_entity(service, table, key, actor);
        co_return http::empty_response(http::Status::no_content);
      },
      admin);
}

void add_value_routes(http::Router& router, CatalogService& service, EntityKind owner,
                      const std::string& collection) {
  using http::Method;
  const http::RouteOptions admin{.body_limit = kBodyLimit,
                                 .policy = http::Policy::roles({"admin"})};
  const std::string path = collection + "/{key}/factors/{code}";

  router.add(
      Method::put, path,
      [&service, owner](http::Context& context) -> Awaitable {
        auto key = std::string(context.param("key"));
        auto code = std::string(context.param("code"));
        auto body = http::read_json_object(context);
        auto actor = context.principal->user_id;
        co_await set_value(service, owner, key, code, body, actor);
        auto fresh = service.snapshot();
        auto fresh_index = fresh->find(owner, key);
        if (!fresh_index) not_found(to_string(owner), key);
        const auto& fresh_factor = *fresh->factor(code);
        auto stored = fresh->factor_value(owner, *fresh_index, fresh_factor);
        co_return http::json_response(http::Status::ok,
                                      factor_value_json(fresh_factor, stored ? &*stored : nullptr));
      },
      admin);

  router.add(
      Method::delete_, path,
      [&service, owner](http::Context& context) -> Awaitable {
        auto key = std::string(context.param("key"));
        auto code = std::string(context.param("code"));
        auto actor = context.principal->user_id;
        co_await remove_value(service, owner, key, code, actor);
        co_return http::empty_response(http::Status::no_content);
      },
      admin);
}

}  // namespace

void add_admin_routes(http::Router& router, CatalogService& service) {
  add_entity_routes(router, service, Table::universities, "/api/v1/universities");
  add_entity_routes(router, service, Table::programmes, "/api/v1/programmes");
  add_entity_routes(router, service, Table::careers, "/api/v1/careers");
  add_entity_routes(router, service, Table::factors, "/api/v1/factors");
  add_value_routes(router, service, EntityKind::university, "/api/v1/universities");
  add_value_routes(router, service, EntityKind::programme, "/api/v1/programmes");
}

}  // namespace disha::catalog
