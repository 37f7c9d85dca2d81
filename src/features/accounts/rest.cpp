#include "features/accounts/rest.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <charconv>

#include "http/json_body.hpp"
#include "http/response.hpp"

namespace disha::accounts {

namespace {

using Awaitable = boost::asio::awaitable<http::Response>;
using boost::beast::http::field;

constexpr std::size_t kCredentialsBodyLimit = 4096;

boost::json::object to_json(const SessionInfo& session) {
  return {{"id", session.id},
          {"created_at", session.created_at},
          {"last_used_at", session.last_used_at},
          {"expires_at", session.expires_at},
          {"current", session.current}};
}

boost::json::object to_json(const AuditEntry& entry) {
  boost::json::object object{{"id", entry.id},         {"at", entry.at},
                             {"actor_id", nullptr},    {"action", entry.action},
                             {"entity", entry.entity}, {"entity_id", entry.entity_id},
                             {"before", nullptr},      {"after", nullptr}};
  if (entry.actor_id) object["actor_id"] = *entry.actor_id;
  // Stored as JSON text written by the server itself.
  if (entry.before_json) object["before"] = boost::json::parse(*entry.before_json);
  if (entry.after_json) object["after"] = boost::json::parse(*entry.after_json);
  return object;
}

// The principal is always there: these routes' policies require a session.
const http::Principal& caller(const http::Context& context) {
  return *context.principal;
}

std::optional<bool> optional_bool(const boost::json::object& body, std::string_view key) {
  auto found = body.find(key);
  if (found == body.end()) return std::nullopt;
  if (!found->value().is_bool()) {
    throw Error(ErrorCode::unprocessable, std::string(key) + " must be true or false",
                std::string(key));
  }
  return found->value().as_bool();
}

std::string cookie(std::string_view name, std::string_view value, std::int64_t max_age_s,
                   bool http_only) {
  return std::string(name) + "=" + std::string(value) +
         "; Path=/; Max-Age=" + std::to_string(max_age_s) + "; Secure; SameSite=Strict" +
         (http_only ? "; HttpOnly" : "");
}

void set_session_cookies(http::Response& response, const LoginResult& login,
                         std::chrono::milliseconds lifetime) {
  const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(lifetime).count();
  response.insert(field::set_cookie, cookie(http::kSessionCookie, login.token, max_age, true));
  response.insert(field::set_cookie, cookie(http::kCsrfCookie, login.csrf_token, max_age, false));
}

void clear_session_cookies(http::Response& response) {
  response.insert(field::set_cookie, cookie(http::kSessionCookie, "", 0, true));
  response.insert(field::set_cookie, cookie(http::kCsrfCookie, "", 0, false));
}

http::Response no_store(http::Response response) {
  response.set(field::cache_control, "no-store");
  return response;
}

int parse_limit(std::optional<std::string_view> text) {
  if (!text) return 50;
  int limit = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc() || end != text->data() + text->size() || limit < 1 ||
      limit > AuditLog::kMaxPage) {
    throw Error(ErrorCode::unprocessable,
                "limit must be an integer from 1 to " + std::to_string(AuditLog::kMaxPage),
                "limit");
  }
  return limit;
}

std::optional<std::int64_t> parse_before(std::optional<std::string_view> text) {
  if (!text) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc() || end != text->data() + text->size() || id < 1) {
    throw Error(ErrorCode::unprocessable, "before must be a positive integer", "before");
  }
  return id;
}

}  // namespace

void add_routes(http::Router& router, AccountService& service, AuditLog& audit_log) {
  using http::Method;
  using http::Policy;
  const http::RouteOptions signed_in{.body_limit = kCredentialsBodyLimit,
                                     .policy = Policy::authenticated()};
  const http::RouteOptions credentials{.body_limit = kCredentialsBodyLimit,
                                       .policy = Policy::public_access(),
                                       .rate_class = http::RateClass::credentials};

  router.add(
      Method::post, "/api/v1/auth/register",
      [&service](http::Context& context) -> Awaitable {
        auto body = http::read_json_object(context);
        http::reject_unknown_fields(body, {"email", "password", "name"});
        auto user = co_await service.register_user(http::optional_string(body, "email"),
                                                   http::optional_string(body, "password"),
                                                   http::optional_string(body, "name"));
        auto response = no_store(http::json_response(http::Status::created, to_json(user)));
        response.set(field::location, "/api/v1/me");
        co_return response;
      },
      credentials);

  // {"cookie": true} answers with the session in HttpOnly cookies (the web UI) instead of a
  // token in the body (API clients), so page scripts never see the session secret.
  router.add(
      Method::post, "/api/v1/auth/login",
      [&service](http::Context& context) -> Awaitable {
        auto body = http::read_json_object(context);
        http::reject_unknown_fields(body, {"email", "password", "cookie"});
        const bool use_cookie = optional_bool(body, "cookie").value_or(false);
        auto login = co_await service.login(http::optional_string(body, "email"),
                                            http::optional_string(body, "password"));
        boost::json::object answer{{"user", to_json(login.user)},
                                   {"csrf_token", login.csrf_token},
                                   {"expires_at", login.expires_at}};
        if (!use_cookie) answer["token"] = login.token;
        auto response = no_store(http::json_response(http::Status::ok, answer));
        if (use_cookie) set_session_cookies(response, login, service.settings().lifetime);
        co_return response;
      },
      credentials);

  router.add(
      Method::post, "/api/v1/auth/logout",
      [&service](http::Context& context) -> Awaitable {
        co_await service.logout(caller(context));
        auto response = http::empty_response(http::Status::no_content);
        clear_session_cookies(response);
        co_return response;
      },
      signed_in);

  router.add(
      Method::get, "/api/v1/me",
      [&service](http::Context& context) -> Awaitable {
        auto user = co_await service.me(caller(context));
        co_return no_store(http::json_response(http::Status::ok, to_json(user)));
      },
      signed_in);

  router.add(
      Method::delete_, "/api/v1/me",
      [&service](http::Context& context) -> Awaitable {
        auto body = http::read_json_object(context);
        http::reject_unknown_fields(body, {"password"});
        co_await service.delete_account(caller(context), http::optional_string(body, "password"));
        auto response = http::empty_response(http::Status::no_content);
        clear_session_cookies(response);
        co_return response;
      },
      signed_in);

  router.add(
      Method::put, "/api/v1/me/password",
      [&service](http::Context& context) -> Awaitable {
        auto body = http::read_json_object(context);
        http::reject_unknown_fields(body, {"current_password", "new_password"});
        co_await service.change_password(caller(context),
                                         http::optional_string(body, "current_password"),
                                         http::optional_string(body, "new_password"));
        co_return http::empty_response(http::Status::no_content);
      },
      signed_in);

  router.add(
      Method::get, "/api/v1/me/sessions",
      [&service](http::Context& context) -> Awaitable {
        auto sessions = co_await service.sessions(caller(context));
        boost::json::array items;
        for (const auto& session : sessions) items.push_back(to_json(session));
        co_return no_store(http::json_response(http::Status::ok, {{"items", items}}));
      },
      signed_in);

  router.add(
      Method::delete_, "/api/v1/me/sessions/{id}",
      [&service](http::Context& context) -> Awaitable {
        std::string id(context.param("id"));
        co_await service.end_session(caller(context), std::move(id));
        co_return http::empty_response(http::Status::no_content);
      },
      signed_in);

  router.add(Method::get, "/api/v1/admin/audit-log",
             [&audit_log](http::Context& context) -> Awaitable {
               const int limit = parse_limit(context.query.get("limit"));
               auto entries =
                   co_await audit_log.list(limit, parse_before(context.query.get("before")));
               boost::json::array items;
               for (const auto& entry : entries) items.push_back(to_json(entry));
               boost::json::object answer{{"items", items}};
               if (static_cast<int>(entries.size()) == limit)
                 answer["next_before"] = entries.back().id;
               co_return no_store(http::json_response(http::Status::ok, answer));
             },
             {.policy = Policy::roles({"admin"})});
}

}  // namespace disha::accounts
