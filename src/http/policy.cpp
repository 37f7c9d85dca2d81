#include "http/policy.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace disha::http {

Policy Policy::public_access() {
  Policy policy;
  policy.kind_ = Kind::public_access;
  return policy;
}

Policy Policy::authenticated() {
  Policy policy;
  policy.kind_ = Kind::authenticated;
  return policy;
}

Policy Policy::roles(std::initializer_list<std::string_view> roles) {
  Policy policy;
  policy.kind_ = Kind::roles;
  policy.roles_.assign(roles.begin(), roles.end());
  return policy;
}

Policy::Decision Policy::decide(const Principal* principal) const {
  switch (kind_) {
    case Kind::public_access:
      return Decision::allow;
    case Kind::authenticated:
      return principal ? Decision::allow : Decision::unauthenticated;
    case Kind::roles:
      if (!principal) return Decision::unauthenticated;
      return std::find(roles_.begin(), roles_.end(), principal->role) != roles_.end()
                 ? Decision::allow
                 : Decision::forbidden;
    case Kind::undeclared:
      break;
  }
  return Decision::forbidden;
}

std::string Policy::describe() const {
  switch (kind_) {
    case Kind::public_access:
      return "public";
    case Kind::authenticated:
      return "authenticated";
    case Kind::roles: {
      std::string text = "roles:";
      for (const auto& role : roles_) text += (text.back() == ':' ? "" : ",") + role;
      return text;
    }
    case Kind::undeclared:
      break;
  }
  return "undeclared";
}

void enforce(const Policy& policy, const Principal* principal) {
  switch (policy.decide(principal)) {
    case Policy::Decision::allow:
      return;
    case Policy::Decision::unauthenticated:
      throw Error(ErrorCode::unauthenticated, "sign in to use this resource");
    case Policy::Decision::forbidden:
      break;
  }
  throw Error(ErrorCode::forbidden, "you may not use this resource");
}

}  // namespace disha::http
