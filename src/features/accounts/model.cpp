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

}  // namespace disha::accounts
