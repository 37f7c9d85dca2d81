#pragma once
// Who may call a route. Every route declares a Policy in its RouteOptions; a route that declares
// none refuses every request (default deny), so a forgotten declaration fails closed.
// Roles are plain names here: the HTTP layer knows no feature's vocabulary.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace disha::http {

// The signed-in caller, as the session resolver found it.
struct Principal {
  std::int64_t user_id = 0;
  std::string role;
  std::string session_id;
  // The CSRF token bound to this session: cookie-authenticated writes must echo it.
  std::string csrf_token;
};

class Policy {
 public:
  enum class Decision { allow, unauthenticated, forbidden };

  // Undeclared: every request is refused with 403.
  Policy() = default;
  // Anyone, signed in or not.
  static Policy public_access();
  // Any signed-in caller.
  static Policy authenticated();
  // Signed-in callers holding one of these roles.
  static Policy roles(std::initializer_list<std::string_view> roles);

  bool declared() const noexcept { return kind_ != Kind::undeclared; }
  // `principal` is null for an anonymous caller.
  Decision decide(const Principal* principal) const;
  // "public", "authenticated", "roles:admin,expert" or "undeclared": for logs and tests.
  std::string describe() const;

 private:
  enum class Kind { undeclared, public_access, authenticated, roles };
  Kind kind_ = Kind::undeclared;
  std::vector<std::string> roles_;
};

// For checks inside a handler (a GraphQL field): throws disha::Error unauthenticated (401) or
// forbidden (403) as the route-level check would answer.
void enforce(const Policy& policy, const Principal* principal);

}  // namespace disha::http
