#pragma once
// The middleware chain: each piece gets the context and the rest of the chain (`next`), and may
// act before and after it. compose() builds the chain once at start-up.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/metrics.hpp"
#include "http/types.hpp"

namespace spdlog {
class logger;
}

namespace disha::http {

using Next = Handler;
using Middleware = std::function<net::awaitable<Response>(Context&, const Next&)>;

// The first middleware runs first and sees the final response last.
Handler compose(std::vector<Middleware> chain, Handler endpoint);

// Accepts a well-formed X-Request-Id (1–128 of [A-Za-z0-9._-]) or makes one; echoes it back.
Middleware request_id();
// One JSON object a line: time, id, method, route, status, bytes, us. A null logger logs nothing.
Middleware access_log(std::shared_ptr<spdlog::logger> logger);
// Request counts and durations by route template, and requests in flight.
Middleware metrics(Metrics& metrics);
// nosniff, referrer policy, framing and, for HTML, a content security policy.
Middleware security_headers();
// CORS for the listed origins only ("*" allows any origin, without credentials); answers
// preflight requests itself.
Middleware cors(std::vector<std::string> allowed_origins);
// Maps disha::Error to problem+json and any other exception to a 500 that shows nothing of
// the failure but the request id, which the log line carries too.
Middleware error_mapper();

// The end of the chain: the matched route's handler, or 404 / 405 with Allow / OPTIONS.
Handler dispatch();

}  // namespace disha::http
