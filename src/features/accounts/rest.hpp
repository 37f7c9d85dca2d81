#pragma once
#include "features/accounts/audit_log.hpp"
#include "features/accounts/service.hpp"
#include "http/router.hpp"

namespace disha::accounts {

// POST /api/v1/auth/register, /auth/login, /auth/logout; GET and DELETE /api/v1/me;
// PUT /api/v1/me/password; GET /api/v1/me/sessions, DELETE /api/v1/me/sessions/{id};
// GET /api/v1/admin/audit-log (admins).
void add_routes(http::Router& router, AccountService& service, AuditLog& audit_log);

}  // namespace disha::accounts
