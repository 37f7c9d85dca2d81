#include "features/accounts/service.hpp"

#include "core/random.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "features/accounts/token.hpp"

namespace disha::accounts {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string now_text() {
  return utc_timestamp(std::chrono::system_clock::now());
}

Error wrong_credentials() {
  return Error(ErrorCode::unauthenticated, "wrong email or password");
}

// A session is touched at most this often, so that reads stay reads.
std::int64_t touch_interval_ms(const SessionSettings& settings) {
  return std::min<std::int64_t>(60'000, settings.idle_timeout.count() / 10);
}

}  // namespace

std::string require_name(std::optional<std::string_view> name) {
  return require_text(name, "name", {.min_chars = 1, .max_chars = 100});
}

AccountService::AccountService(AccountRepository& repository, store::WorkerPool& workers,
                               PasswordRules rules, SessionSettings settings)
    : repository_(repository),
      workers_(workers),
      rules_(std::move(rules)),
      settings_(settings),
      dummy_hash_(hash_password(random_hex(16))) {}

boost::asio::awaitable<bool> AccountService::password_matches(std::string hash,
                                                              std::string password) {
  return workers_.run([hash = std::move(hash), password = std::move(password)] {
    return verify_password(hash, password);
  });
}

boost::asio::awaitable<User> AccountService::register_user(std::optional<std::string_view> email,
                                                           std::optional<std::string_view> password,
                                                           std::optional<std::string_view> name) {
  NewUser user{normalise_email(email), require_name(name), Role::learner, {}};
  rules_.check(password, "password");
  auto hashing = [password = std::string(*password)] { return hash_password(password); };
  user.password_hash = co_await workers_.run(std::move(hashing));
  auto created_at = now_text();
  auto created = co_await repository_.add_user(std::move(user), std::move(created_at));
  co_return created;
}

boost::asio::awaitable<LoginResult> AccountService::login(
    std::optional<std::string_view> email_text, std::optional<std::string_view> password) {
  const auto email = normalise_email(email_text);
  if (!password) throw Error(ErrorCode::unprocessable, "password is required", "password");
  if (password->size() > kMaxPasswordChars * 4) throw wrong_credentials();
  if (auto wait = throttle_.wait(email)) {
    throw Error(ErrorCode::too_many_requests,
                "too many failed logins for this account; wait before trying again")
        .with_retry_after(*wait);
  }
  auto account = co_await repository_.find_by_email(email);
  // Unknown emails verify against a stand-in hash: the same work, the same answer.
  std::string hash = account ? account->password_hash : dummy_hash_;
  std::string given(*password);
  const bool matches = co_await password_matches(std::move(hash), std::move(given));
  if (!account || !matches) {
    throttle_.failed(email);
    throw wrong_credentials();
  }
  throttle_.succeeded(email);

  auto issued = issue_token();
  const auto now = now_ms();
  const auto expires = now + settings_.lifetime.count();
  NewSessionRow row{random_hex(16), account->user.id, issued.hash, now, expires};
  co_await repository_.add_session(std::move(row), now - settings_.idle_timeout.count());
  co_return LoginResult{
      account->user, issued.token, csrf_token(issued.token),
      utc_timestamp(std::chrono::system_clock::time_point(std::chrono::milliseconds(expires)))};
}

boost::asio::awaitable<void> AccountService::logout(const http::Principal& principal) {
  std::string id = principal.session_id;
  co_await repository_.delete_session(principal.user_id, std::move(id));
}

boost::asio::awaitable<Credentials> AccountService::account(const http::Principal& principal) {
  auto found = co_await repository_.find_by_id(principal.user_id);
  if (!found) throw Error(ErrorCode::unauthenticated, "the account no longer exists");
  co_return *found;
}

boost::asio::awaitable<User> AccountService::me(const http::Principal& principal) {
  auto found = co_await account(principal);
  co_return found.user;
}

boost::asio::awaitable<void> AccountService::change_password(
    const http::Principal& principal, std::optional<std::string_view> current_password,
    std::optional<std::string_view> new_password) {
  auto current = require_text(current_password, "current_password",
                              {.min_chars = 1, .max_chars = kMaxPasswordChars});
  rules_.check(new_password, "new_password");
  auto found = co_await account(principal);
  const bool matches =
      co_await password_matches(std::move(found.password_hash), std::move(current));
  if (!matches) {
    throw Error(ErrorCode::forbidden, "the current password is wrong", "current_password");
  }
  auto hashing = [password = std::string(*new_password)] { return hash_password(password); };
  auto hash = co_await workers_.run(std::move(hashing));
  std::string keep = principal.session_id;
  co_await repository_.change_password(principal.user_id, std::move(hash), std::move(keep));
}

boost::asio::awaitable<void> AccountService::delete_account(
    const http::Principal& principal, std::optional<std::string_view> password) {
  auto given = require_text(password, "password", {.min_chars = 1, .max_chars = kMaxPasswordChars});
  auto found = co_await account(principal);
  const bool matches = co_await password_matches(std::move(found.password_hash), std::move(given));
  if (!matches) throw Error(ErrorCode::forbidden, "the password is wrong", "password");
  co_await repository_.delete_user(principal.user_id);
}

boost::asio::awaitable<std::vector<SessionInfo>> AccountService::sessions(
    const http::Principal& principal) {
  const auto now = now_ms();
  auto list = co_await repository_.list_sessions(principal.user_id, now,
                                                 now - settings_.idle_timeout.count());
  for (auto& session : list) session.current = session.id == principal.session_id;
  co_return list;
}

boost::asio::awaitable<void> AccountService::end_session(const http::Principal& principal,
                                                         std::string id) {
  const bool ended = co_await repository_.delete_session(principal.user_id, std::move(id));
  if (!ended) throw Error(ErrorCode::not_found, "no such session", "id");
}

boost::asio::awaitable<std::optional<http::Principal>> AccountService::resolve(std::string token) {
  if (!well_formed_token(token)) co_return std::nullopt;
  const auto now = now_ms();
  auto hash = token_hash(token);
  auto session = co_await repository_.find_live_session(std::move(hash), now,
                                                        now - settings_.idle_timeout.count());
  if (!session) co_return std::nullopt;
  if (now - session->last_used_ms >= touch_interval_ms(settings_)) {
    std::string id = session->id;
    co_await repository_.touch_session(std::move(id), now);
  }
  co_return http::Principal{session->user_id, std::string(to_string(session->role)), session->id,
                            csrf_token(token)};
}

}  // namespace disha::accounts
