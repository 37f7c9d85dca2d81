// Accounts and security over HTTP on the backend under test: registration, login, sessions
// (Bearer and cookie + CSRF), expiry and revocation, roles, own-data-only, rate limits, account
// deletion, password change and `disha user add`. Each argon2id hash costs a fraction of a
// second, so the tests register few users.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <thread>

#include "command.hpp"
#include "server_fixture.hpp"

namespace disha::test {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
constexpr std::string_view kPassword = "a sound passphrase";

HttpResponse post_json(unsigned short port, std::string_view target, const boost::json::value& body,
                       Headers headers = {}) {
  headers.emplace_back("Content-Type", "application/json");
  return request(port, "POST", target, boost::json::serialize(body), headers);
}

HttpResponse register_user(unsigned short port, const std::string& email,
                           std::string_view password = kPassword) {
  return post_json(port, "/api/v1/auth/register",
                   {{"email", email}, {"password", password}, {"name", "Test Person"}});
}

HttpResponse login(unsigned short port, const std::string& email,
                   std::string_view password = kPassword, bool cookie = false) {
  boost::json::object body{{"email", email}, {"password", password}};
  if (cookie) body["cookie"] = true;
  return post_json(port, "/api/v1/auth/login", body);
}

// Logs in and returns the Bearer header for the session.
Headers bearer_session(unsigned short port, const std::string& email) {
  auto answer = login(port, email);
  EXPECT_EQ(answer.status, 200) << answer.body;
  return {{"Authorization", "Bearer " + std::string(answer.json().at("token").as_string())}};
}

std::string cookie_pair(const HttpResponse& response, std::string_view name) {
  auto value = response.header("set-cookie");  // the client joins repeated headers
  auto at = value.find(std::string(name) + "=");
  if (at == std::string::npos) return {};
  return value.substr(at, value.find(';', at) - at);
}

class Accounts : public WithServer<Accounts> {
 public:
  static std::vector<std::string> server_args() {
    return {"--session-idle-timeout", "2s", "--rate-limit-credentials", "1000/m"};
  }
};

TEST_F(Accounts, RegisterLoginMeAndLogout) {
  auto created = register_user(port(), "  Asha.Rao@Example.COM ");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("email"), "Asha.Rao@example.com");
  EXPECT_EQ(created.json().at("role"), "learner");
  EXPECT_EQ(created.body.find("password"), std::string::npos);
  expect_problem(register_user(port(), "Asha.Rao@example.com"), 409, "email");

  auto session = bearer_session(port(), "Asha.Rao@EXAMPLE.com");
  auto me = request(port(), "GET", "/api/v1/me", {}, session);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("name"), "Test Person");
  EXPECT_EQ(me.header("cache-control"), "no-store");

  EXPECT_EQ(request(port(), "POST", "/api/v1/auth/logout", {}, session).status, 204);
  auto after = request(port(), "GET", "/api/v1/me", {}, session);
  expect_problem(after, 401);
  EXPECT_EQ(after.header("www-authenticate"), "Bearer");
  expect_problem(request(port(), "GET", "/api/v1/me"), 401);
  expect_problem(request(port(), "GET", "/api/v1/me", {}, {{"Authorization", "Bearer nonsense"}}),
                 401);
}

TEST_F(Accounts, RegistrationValidatesEveryField) {
  expect_problem(register_user(port(), "not-an-email"), 422, "email");
  expect_problem(register_user(port(), "short@example.com", "short"), 422, "password");
  expect_problem(register_user(port(), "common@example.com", "Password123"), 422, "password");
  expect_problem(post_json(port(), "/api/v1/auth/register",
                           {{"email", "x@example.com"}, {"password", kPassword}, {"name", ""}}),
                 422, "name");
  expect_problem(
      post_json(
          port(), "/api/v1/auth/register",
          {{"email", "x@example.com"}, {"password", kPassword}, {"name", "X"}, {"role", "admin"}}),
      422, "role");
}

TEST_F(Accounts, WrongPasswordAndUnknownEmailLookAlike) {
  ASSERT_EQ(register_user(port(), "ravi@example.com").status, 201);
  auto wrong = login(port(), "ravi@example.com", "not the passphrase");
  auto unknown = login(port(), "nobody@example.com", "not the passphrase");
  auto wrong_problem = expect_problem(wrong, 401);
  auto unknown_problem = expect_problem(unknown, 401);
  EXPECT_EQ(wrong_problem.at("detail"), unknown_problem.at("detail"));
}

TEST_F(Accounts, RepeatedFailuresOnOneAccountAreDelayed) {
  for (int i = 0; i < 3; ++i) expect_problem(login(port(), "target@example.com", "guess"), 401);
  auto blocked = login(port(), "target@example.com", "guess");
  expect_problem(blocked, 429);
  EXPECT_GE(std::stoi(blocked.header("retry-after")), 1);
}

TEST_F(Accounts, IdleSessionsExpire) {
  ASSERT_EQ(register_user(port(), "idle@example.com").status, 201);
  auto session = bearer_session(port(), "idle@example.com");
  EXPECT_EQ(request(port(), "GET", "/api/v1/me", {}, session).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  expect_problem(request(port(), "GET", "/api/v1/me", {}, session), 401);
}

TEST_F(Accounts, SessionsAreListedAndRevocableButOnlyTheirOwners) {
  ASSERT_EQ(register_user(port(), "meera@example.com").status, 201);
  ASSERT_EQ(register_user(port(), "kabir@example.com").status, 201);
  auto meera = bearer_session(port(), "meera@example.com");
  auto meera_phone = bearer_session(port(), "meera@example.com");
  auto kabir = bearer_session(port(), "kabir@example.com");

  auto listed = request(port(), "GET", "/api/v1/me/sessions", {}, meera);
  ASSERT_EQ(listed.status, 200);
  auto items = listed.json().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  std::string phone_id;
  for (const auto& item : items) {
    if (!item.at("current").as_bool()) phone_id = item.at("id").as_string();
  }
  ASSERT_FALSE(phone_id.empty());

  // Another user's session id is not found, not forbidden: nothing to probe.
  expect_problem(request(port(), "DELETE", "/api/v1/me/sessions/" + phone_id, {}, kabir), 404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/me", {}, meera_phone).status, 200);

  EXPECT_EQ(request(port(), "DELETE", "/api/v1/me/sessions/" + phone_id, {}, meera).status, 204);
  expect_problem(request(port(), "GET", "/api/v1/me", {}, meera_phone), 401);
  EXPECT_EQ(request(port(), "GET", "/api/v1/me", {}, meera).status, 200);
}

TEST_F(Accounts, CookieSessionsNeedTheCsrfTokenForWrites) {
  ASSERT_EQ(register_user(port(), "web@example.com").status, 201);
  auto answer = login(port(), "web@example.com", kPassword, true);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_FALSE(answer.json().as_object().contains("token"));
  const auto set_cookie = answer.header("set-cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("Secure"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  const auto session = cookie_pair(answer, "__Host-disha_session");
  ASSERT_FALSE(session.empty()) << set_cookie;
  const std::string csrf(answer.json().at("csrf_token").as_string());
  EXPECT_EQ(cookie_pair(answer, "__Host-disha_csrf"), "__Host-disha_csrf=" + csrf);

  EXPECT_EQ(request(port(), "GET", "/api/v1/me", {}, {{"Cookie", session}}).status, 200);
  expect_problem(request(port(), "POST", "/api/v1/auth/logout", {}, {{"Cookie", session}}), 403,
                 "X-CSRF-Token");
  expect_problem(request(port(), "POST", "/api/v1/auth/logout", {},
                         {{"Cookie", session}, {"X-CSRF-Token", std::string(64, '0')}}),
                 403);
  auto out = request(port(), "POST", "/api/v1/auth/logout", {},
                     {{"Cookie", session}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  expect_problem(request(port(), "GET", "/api/v1/me", {}, {{"Cookie", session}}), 401);
}

TEST_F(Accounts, LearnersMayNotReadTheAuditLog) {
  ASSERT_EQ(register_user(port(), "learner@example.com").status, 201);
  auto session = bearer_session(port(), "learner@example.com");
  expect_problem(request(port(), "GET", "/api/v1/admin/audit-log"), 401);
  expect_problem(request(port(), "GET", "/api/v1/admin/audit-log", {}, session), 403);
}

TEST_F(Accounts, ChangingThePasswordEndsEveryOtherSession) {
  ASSERT_EQ(register_user(port(), "change@example.com").status, 201);
  auto here = bearer_session(port(), "change@example.com");
  auto elsewhere = bearer_session(port(), "change@example.com");
  auto put = [&](const boost::json::object& body) {
    auto headers = here;
    headers.emplace_back("Content-Type", "application/json");
    return request(port(), "PUT", "/api/v1/me/password", boost::json::serialize(body), headers);
  };
  expect_problem(
      put({{"current_password", "wrong passphrase"}, {"new_password", "another passphrase"}}), 403,
      "current_password");
  EXPECT_EQ(put({{"current_password", kPassword}, {"new_password", "another passphrase"}}).status,
            204);
  EXPECT_EQ(request(port(), "GET", "/api/v1/me", {}, here).status, 200);
  expect_problem(request(port(), "GET", "/api/v1/me", {}, elsewhere), 401);
  EXPECT_EQ(login(port(), "change@example.com", "another passphrase").status, 200);
}

TEST_F(Accounts, DeletingTheAccountRemovesThePersonsData) {
  ASSERT_EQ(register_user(port(), "leaving@example.com").status, 201);
  auto session = bearer_session(port(), "leaving@example.com");
  auto other = bearer_session(port(), "leaving@example.com");
  auto headers = session;
  headers.emplace_back("Content-Type", "application/json");
  expect_problem(
      request(port(), "DELETE", "/api/v1/me", R"({"password":"not it at all"})", headers), 403,
      "password");
  auto gone =
      request(port(), "DELETE", "/api/v1/me",
              boost::json::serialize(boost::json::object{{"password", kPassword}}), headers);
  EXPECT_EQ(gone.status, 204) << gone.body;
  expect_problem(request(port(), "GET", "/api/v1/me", {}, session), 401);
  expect_problem(request(port(), "GET", "/api/v1/me", {}, other), 401);
  expect_problem(login(port(), "leaving@example.com"), 401);
  // The address is free again: nothing of the person is left.
  EXPECT_EQ(register_user(port(), "leaving@example.com").status, 201);
}

TEST_F(Accounts, UnknownJsonFieldsAreRefused) {
  expect_problem(post_json(port(), "/api/v1/auth/login",
                           {{"email", "a@example.com"}, {"password", kPassword}, {"admin", true}}),
                 422, "admin");
}

TEST_F(Accounts, EveryRouteDeclaresAPolicy) {
  // The server walks its route table at start and names each route without a policy.
  EXPECT_EQ(server->log().find("declares no access policy"), std::string::npos) << server->log();
}

class AbsoluteExpiry : public WithServer<AbsoluteExpiry> {
 public:
  static std::vector<std::string> server_args() { return {"--session-lifetime", "2s"}; }
};

TEST_F(AbsoluteExpiry, SessionsEndAfterTheirLifetimeEvenWhenUsed) {
  ASSERT_EQ(register_user(port(), "brief@example.com").status, 201);
  auto session = bearer_session(port(), "brief@example.com");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(request(port(), "GET", "/api/v1/me", {}, session).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  expect_problem(request(port(), "GET", "/api/v1/me", {}, session), 401);
}

class RateLimits : public WithServer<RateLimits> {
 public:
  static std::vector<std::string> server_args() {
    return {"--rate-limit-anonymous", "5/m",      "--rate-limit-credentials", "2/m",
            "--trusted-proxy",        "127.0.0.1"};
  }
};

TEST_F(RateLimits, AnonymousCallersGet429WithRetryAfter) {
  Headers client{{"X-Forwarded-For", "198.51.100.1"}};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(request(port(), "GET", "/api/v1/meta", {}, client).status, 200) << i;
  }
  auto limited = request(port(), "GET", "/api/v1/meta", {}, client);
  expect_problem(limited, 429);
  EXPECT_GE(std::stoi(limited.header("retry-after")), 1);
  // Behind the trusted proxy, another client has a bucket of its own.
  EXPECT_EQ(
      request(port(), "GET", "/api/v1/meta", {}, {{"X-Forwarded-For", "198.51.100.2"}}).status,
      200);
}

TEST_F(RateLimits, CredentialRoutesAreStricter) {
  Headers client{{"X-Forwarded-For", "198.51.100.3"}, {"Content-Type", "application/json"}};
  const std::string body = R"({"email":"nobody@example.com","password":"whatever it is"})";
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(request(port(), "POST", "/api/v1/auth/login", body, client).status, 401) << i;
  }
  auto limited = request(port(), "POST", "/api/v1/auth/login", body, client);
  expect_problem(limited, 429);
  EXPECT_FALSE(limited.header("retry-after").empty());
}

TEST(UserAdd, CreatesAnAdminWhoseLoginWorksAndWhoMayReadTheAuditLog) {
  const auto url = fresh_database_url();
  const std::string add = std::string(disha_binary()) + " user add --db '" + url +
                          "' --email Root@Example.org --role admin 2>&1";
  int exit_code = -1;
  auto output = run_command("printf 'root passphrase 42\\n' | " + add, exit_code);
  ASSERT_EQ(exit_code, 0) << output;
  EXPECT_NE(output.find("role admin"), std::string::npos) << output;
  run_command("printf 'Password123\\n' | " + add, exit_code);
  EXPECT_NE(exit_code, 0);  // the common-password rule holds here too

  DishaProcess server(url);
  auto answer = login(server.port(), "Root@example.org", "root passphrase 42");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json().at("user").at("role"), "admin");
  Headers admin{{"Authorization", "Bearer " + std::string(answer.json().at("token").as_string())}};
  auto log = request(server.port(), "GET", "/api/v1/admin/audit-log?limit=10", {}, admin);
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_TRUE(log.json().at("items").as_array().empty());
  expect_problem(request(server.port(), "GET", "/api/v1/admin/audit-log?limit=0", {}, admin), 422,
                 "limit");
}

}  // namespace
}  // namespace disha::test
