#pragma once
// GraphQL over HTTP (the GraphQL-over-HTTP specification): POST /graphql with a JSON body and
// GET /graphql with query parameters (queries only: a mutation over GET is refused with 405),
// answered as application/graphql-response+json or application/json as Accept asks, with the
// spec's status codes — request errors are 400 under the new media type and 200 under the
// legacy one. A browser (Accept: text/html, no query) gets GraphiQL, served from local assets.
#include <filesystem>
#include <functional>
#include <memory>

#include "graphql/limits.hpp"
#include "graphql/parser.hpp"
#include "graphql/resolve.hpp"
#include "graphql/schema.hpp"
#include "http/router.hpp"

namespace disha::graphql {

struct EndpointOptions {
  Limits limits{};
  ParseLimits parse_limits{};
  std::size_t body_limit = 256 * 1024;
  // The folder holding GraphiQL's built files (see web/); empty: no GraphiQL page.
  std::filesystem::path graphiql_assets{};
  // Puts what resolvers need from the HTTP request (the caller) into the request's state.
  std::function<void(const http::Context&, RequestState&)> prepare{};
  std::function<void(const std::exception&)> report_internal{};
};

void add_routes(http::Router& router, std::shared_ptr<const Schema> schema, EndpointOptions options);

}  // namespace disha::graphql
