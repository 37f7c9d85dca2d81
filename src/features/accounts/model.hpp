#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace disha::accounts {

enum class Role { learner, expert, advisor, admin };
std::string_view to_string(Role role) noexcept;
std::optional<Role> parse_role(std::string_view text) noexcept;

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  Role role = Role::learner;
  std::string created_at;  // RFC 3339, UTC
};
// {id, email, name, role, created_at}: how the API shows a user to themselves.
boost::json::object to_json(const User& user);

// A session as its owner sees it: never the token, only its public id.
struct SessionInfo {
  std::string id;
  std::string created_at;
  std::string last_used_at;
  std::string expires_at;
  bool current = false;
};

}  // namespace disha::accounts
