#pragma once
// Session tokens: 32 random bytes, sent to the client once, stored only as their SHA-256.
// A stolen database therefore holds nothing that opens a session.
#include <string>
#include <string_view>

namespace disha::accounts {

struct IssuedToken {
  std::string token;  // base64url without padding, 43 characters: the client's secret
  std::string hash;   // lowercase hex SHA-256 of the token: what the database keeps
};

IssuedToken issue_token();
std::string token_hash(std::string_view token);
// Whether text has the shape of an issued token (checked before any database work).
bool well_formed_token(std::string_view text) noexcept;
// The CSRF token bound to a session token: a different hash of the same secret, so a page that
// can read it (the CSRF cookie) learns nothing that opens the session.
std::string csrf_token(std::string_view token);

}  // namespace disha::accounts
