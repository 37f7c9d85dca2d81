#pragma once
// SQL for users and sessions. The functions on a Connection run inside a caller's transaction
// (the CLI uses them directly); AccountRepository runs them on the worker pool.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/accounts/model.hpp"
#include "store/async_database.hpp"

namespace disha::accounts {

struct NewUser {
  std::string email;
  std::string name;
  Role role = Role::learner;
  std::string password_hash;
};

struct Credentials {
  User user;
  std::string password_hash;
};

struct SessionRecord {
  std::string id;
  std::int64_t user_id = 0;
  Role role = Role::learner;
  std::int64_t last_used_ms = 0;
};

struct NewSessionRow {
  std::string id;
  std::int64_t user_id = 0;
  std::string token_hash;
  std::int64_t now_ms = 0;
  std::int64_t expires_ms = 0;
};

// Throws disha::Error(conflict) naming "email" when the address is taken.
User insert_user(store::Connection& db, const NewUser& user, const std::string& created_at);

class AccountRepository {
 public:
  explicit AccountRepository(store::AsyncDatabase& database) : database_(database) {}

  boost::asio::awaitable<User> add_user(NewUser user, std::string created_at);
  boost::asio::awaitable<std::optional<Credentials>> find_by_email(std::string email);
  boost::asio::awaitable<std::optional<Credentials>> find_by_id(std::int64_t id);

  // Stores a session and deletes every session that expired (absolutely, or idle since before
  // `idle_cutoff_ms`): expired sessions are purged at each login.
  boost::asio::awaitable<void> add_session(NewSessionRow session, std::int64_t idle_cutoff_ms);
  // The live session with this token hash: not past `now_ms`, used after `idle_cutoff_ms`.
  boost::asio::awaitable<std::optional<SessionRecord>> find_live_session(
      std::string token_hash, std::int64_t now_ms, std::int64_t idle_cutoff_ms);
  boost::asio::awaitable<void> touch_session(std::string id, std::int64_t now_ms);
  boost::asio::awaitable<std::vector<SessionInfo>> list_sessions(std::int64_t user_id,
                                                                 std::int64_t now_ms,
                                                                 std::int64_t idle_cutoff_ms);
  // False when the user has no such session (another user's session is "no such session").
  boost::asio::awaitable<bool> delete_session(std::int64_t user_id, std::string id);
  // Sets the hash and ends every session of the user but `keep_session_id`.
  boost::asio::awaitable<void> change_password(std::int64_t user_id, std::string password_hash,
                                               std::string keep_session_id);
  // Deletes the user; sessions go with it (ON DELETE CASCADE).
  boost::asio::awaitable<void> delete_user(std::int64_t user_id);

 private:
  store::AsyncDatabase& database_;
};

}  // namespace disha::accounts
