#include "features/accounts/repository.hpp"

#include "core/time.hpp"

namespace disha::accounts {

namespace {

Credentials read_credentials(const store::Row& row) {
  return {
      User{row.get<std::int64_t>("id"), row.get<std::string>("email"), row.get<std::string>("name"),
           parse_role(row.get<std::string>("role")).value_or(Role::learner),
           row.get<std::string>("created_at")},
      row.get<std::string>("password_hash")};
}

std::string timestamp_ms(std::int64_t ms) {
  return utc_timestamp(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

}  // namespace

User insert_user(store::Connection& db, const NewUser& user, const std::string& created_at) {
  // Checked first so that the answer names the field; the UNIQUE constraint still decides races.
  if (!db.query("SELECT 1 FROM users WHERE email = $1", user.email).empty()) {
    throw Error(ErrorCode::conflict, "an account with this email already exists", "email");
  }
  auto rows = db.query(
      "INSERT INTO users (email, name, role, password_hash, created_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      user.email, user.name, to_string(user.role), user.password_hash, created_at);
  return User{rows[0].get<std::int64_t>("id"), user.email, user.name, user.role, created_at};
}

boost::asio::awaitable<User> AccountRepository::add_user(NewUser user, std::string created_at) {
  return database_.write([user = std::move(user), created_at = std::move(created_at)](
                             store::Connection& db) { return insert_user(db, user, created_at); });
}

boost::asio::awaitable<std::optional<Credentials>> AccountRepository::find_by_email(
    std::string email) {
  return database_.read(
      [email = std::move(email)](store::Connection& db) -> std::optional<Credentials> {
        auto rows = db.query(
            "SELECT id, email, name, role, created_at, password_hash "
            "FROM users WHERE email = $1",
            email);
        if (rows.empty()) return std::nullopt;
        return read_credentials(rows[0]);
      });
}

boost::asio::awaitable<std::optional<Credentials>> AccountRepository::find_by_id(std::int64_t id) {
  return database_.read([id](store::Connection& db) -> std::optional<Credentials> {
    auto rows = db.query(
        "SELECT id, email, name, role, created_at, password_hash "
        "FROM users WHERE id = $1",
        id);
    if (rows.empty()) return std::nullopt;
    return read_credentials(rows[0]);
  });
}

boost::asio::awaitable<void> AccountRepository::add_session(NewSessionRow session,
                                                            std::int64_t idle_cutoff_ms) {
  return database_.write([session = std::move(session), idle_cutoff_ms](store::Connection& db) {
    db.query("DELETE FROM sessions WHERE expires_ms <= $1 OR last_used_ms <= $2", session.now_ms,
             idle_cutoff_ms);
    db.query(
        "INSERT INTO sessions (id, user_id, token_hash, created_ms, last_used_ms, expires_ms) "
        "VALUES ($1, $2, $3, $4, $4, $5)",
        session.id, session.user_id, session.token_hash, session.now_ms, session.expires_ms);
  });
}

boost::asio::awaitable<std::optional<SessionRecord>> AccountRepository::find_live_session(
    std::string token_hash, std::int64_t now_ms, std::int64_t idle_cutoff_ms) {
  return database_.read([token_hash = std::move(token_hash), now_ms,
                         idle_cutoff_ms](store::Connection& db) -> std::optional<SessionRecord> {
    auto rows = db.query(
        "SELECT s.id, s.user_id, s.last_used_ms, u.role FROM sessions s "
        "JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = $1 AND s.expires_ms > $2 AND s.last_used_ms > $3",
        token_hash, now_ms, idle_cutoff_ms);
    if (rows.empty()) return std::nullopt;
    const auto& row = rows[0];
    return SessionRecord{row.get<std::string>("id"), row.get<std::int64_t>("user_id"),
                         parse_role(row.get<std::string>("role")).value_or(Role::learner),
                         row.get<std::int64_t>("last_used_ms")};
  });
}

boost::asio::awaitable<void> AccountRepository::touch_session(std::string id, std::int64_t now_ms) {
  return database_.write([id = std::move(id), now_ms](store::Connection& db) {
    db.query("UPDATE sessions SET last_used_ms = $2 WHERE id = $1 AND last_used_ms < $2", id,
             now_ms);
  });
}

boost::asio::awaitable<std::vector<SessionInfo>> AccountRepository::list_sessions(
    std::int64_t user_id, std::int64_t now_ms, std::int64_t idle_cutoff_ms) {
  return database_.read([user_id, now_ms, idle_cutoff_ms](store::Connection& db) {
    auto rows = db.query(
        "SELECT id, created_ms, last_used_ms, expires_ms FROM sessions "
        "WHERE user_id = $1 AND expires_ms > $2 AND last_used_ms > $3 ORDER BY created_ms, id",
        user_id, now_ms, idle_cutoff_ms);
    std::vector<SessionInfo> sessions;
    for (const auto& row : rows) {
      sessions.push_back({row.get<std::string>("id"),
                          timestamp_ms(row.get<std::int64_t>("created_ms")),
                          timestamp_ms(row.get<std::int64_t>("last_used_ms")),
                          timestamp_ms(row.get<std::int64_t>("expires_ms")), false});
    }
    return sessions;
  });
}

boost::asio::awaitable<bool> AccountRepository::delete_session(std::int64_t user_id,
                                                               std::string id) {
  return database_.write([user_id, id = std::move(id)](store::Connection& db) {
    return db.query("DELETE FROM sessions WHERE id = $1 AND user_id = $2", id, user_id)
               .affected_rows() > 0;
  });
}

boost::asio::awaitable<void> AccountRepository::change_password(std::int64_t user_id,
                                                                std::string password_hash,
                                                                std::string keep_session_id) {
  return database_.write([user_id, password_hash = std::move(password_hash),
                          keep_session_id = std::move(keep_session_id)](store::Connection& db) {
    db.query("UPDATE users SET password_hash = $2 WHERE id = $1", user_id, password_hash);
    db.query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2", user_id, keep_session_id);
  });
}

boost::asio::awaitable<void> AccountRepository::delete_user(std::int64_t user_id) {
  return database_.write(
      [user_id](store::Connection& db) { db.query("DELETE FROM users WHERE id = $1", user_id); });
}

}  // namespace disha::accounts
