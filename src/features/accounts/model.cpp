#include "features/accounts/model.hpp"

#include <array>

namespace disha::accounts {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{{Role::learner, "learner"},
                                                                   {Role::expert, "expert"},
                                                                   {Role::advisor, "advisor"},
                                                                   {Role::admin, "admin"}}};
}  // namespace

std::string_view to_string(Role role) noexcept {
  for (const auto& [value, name] : kRoles) {
    if (value == role) return name;
  }
  return "learner";
}

std::optional<Role> parse_role(std::string_view text) noexcept {
  for (const auto& [value, name] : kRoles) {
    if (name == text) return value;
  }
  return std::nullopt;
}

boost::json::object to_json(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"role", to_string(user.role)},
          {"created_at", user.created_at}};
}

}  // namespace disha::accounts
