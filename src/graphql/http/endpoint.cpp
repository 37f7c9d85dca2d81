#include "graphql/http/endpoint.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <optional>

#include "core/text.hpp"
#include "graphql/document_cache.hpp"
#include "graphql/execution.hpp"
#include "graphql/graphiql_page.hpp"
#include "graphql/validation.hpp"
#include "graphql/values.hpp"
#include "http/json_body.hpp"
#include "http/response.hpp"
#include "http/static_files.hpp"

namespace disha::graphql {

namespace {

namespace json = boost::json;
using Awaitable = boost::asio::awaitable<http::Response>;

constexpr std::string_view kGraphqlResponse = "application/graphql-response+json";

enum class MediaType { graphql_response, json };

// One media range of an Accept header: "application/json;q=0.9".
struct MediaRange {
  std::string type;
  double quality = 1.0;
};

std::vector<MediaRange> media_ranges(std::string_view accept) {
  std::vector<MediaRange> ranges;
  while (!accept.empty()) {
    auto comma = accept.find(',');
    auto item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    MediaRange range;
    auto semicolon = item.find(';');
    range.type = ascii_lower(trim_blanks(item.substr(0, semicolon)));
    while (semicolon != std::string_view::npos) {
      item = item.substr(semicolon + 1);
      semicolon = item.find(';');
      auto parameter = trim_blanks(item.substr(0, semicolon));
      if (parameter.starts_with("q=")) range.quality = std::strtod(std::string(parameter.substr(2)).c_str(), nullptr);
    }
    if (!range.type.empty()) ranges.push_back(std::move(range));
  }
  return ranges;
}

// The response's media type: the best of the two the client accepts (the newer one on a tie),
// application/json when Accept is absent; nullopt when it accepts neither (406).
std::optional<MediaType> negotiate(std::string_view accept) {
  if (trim_blanks(accept).empty()) return MediaType::json;
  double best_graphql = 0;
  double best_json = 0;
  for (const auto& range : media_ranges(accept)) {
    if (range.type == kGraphqlResponse) best_graphql = std::max(best_graphql, range.quality);
    if (range.type == http::kJson) best_json = std::max(best_json, range.quality);
    if (range.type == "*/*" || range.type == "application/*") {
      best_graphql = std::max(best_graphql, range.quality * 0.99);
      best_json = std::max(best_json, range.quality);
    }
  }
  if (best_graphql <= 0 && best_json <= 0) return std::nullopt;
  return best_graphql >= best_json ? MediaType::graphql_response : MediaType::json;
}

bool wants_html(std::string_view accept) {
  for (const auto& range : media_ranges(accept)) {
    if (range.type == "text/html" && range.quality > 0) return true;
  }
  return false;
}

http::Response graphql_body(http::Status status, MediaType type, std::string body) {
  auto content_type = type == MediaType::graphql_response ? std::string(kGraphqlResponse) : std::string(http::kJson);
  return http::text_response(status, std::move(body), content_type + "; charset=utf-8");
}

http::Response graphql_response(http::Status status, MediaType type, const json::object& body) {
  return graphql_body(status, type, json::serialize(body));
}

// A request that never reached execution: 400 under the new media type, 200 under the legacy
// one (spec §"application/json"), except a malformed HTTP request, which is 400 under both.
http::Response request_failure(MediaType type, const std::vector<GraphQLError>& errors, bool malformed = false) {
  auto status = (type == MediaType::graphql_response || malformed) ? http::Status::bad_request : http::Status::ok;
  return graphql_response(status, type, {{"errors", to_json(errors)}});
}

http::Response malformed(MediaType type, std::string message) {
  return request_failure(type, {{std::move(message), {}, {}, {{"code", "BAD_REQUEST"}}}}, true);
}

struct GraphqlRequest {
  std::string query;
  std::string operation_name;
  json::object variables;
};

// The request's parameters, or the response refusing them.
using Parsed = std::variant<GraphqlRequest, http::Response>;

Parsed from_object(const json::object& body, MediaType type) {
  GraphqlRequest request;
  const auto* query = body.if_contains("query");
  if (!query || !query->is_string()) return malformed(type, "The request needs a \"query\" string.");
  request.query = std::string(query->get_string());
  if (const auto* name = body.if_contains("operationName"); name && !name->is_null()) {
    if (!name->is_string()) return malformed(type, "\"operationName\" must be a string.");
    request.operation_name = std::string(name->get_string());
  }
  if (const auto* variables = body.if_contains("variables"); variables && !variables->is_null()) {
    if (!variables->is_object()) return malformed(type, "\"variables\" must be an object.");
    request.variables = variables->get_object();
  }
  if (const auto* extensions = body.if_contains("extensions"); extensions && !extensions->is_null()) {
    if (!extensions->is_object()) return malformed(type, "\"extensions\" must be an object.");
  }
  return request;
}

std::optional<json::value> parse_json(std::string_view text) {
  boost::system::error_code failure;
  json::parse_options options;
  options.max_depth = http::kMaxJsonDepth;
  auto value = json::parse(text, failure, {}, options);
  if (failure) return std::nullopt;
  return value;
}

Parsed from_post(const http::Context& context, MediaType type) {
  auto content_type = ascii_lower(context.request[boost::beast::http::field::content_type]);
  auto media = trim_blanks(std::string_view(content_type).substr(0, content_type.find(';')));
  if (media != http::kJson) {
    auto response = malformed(type, "POST /graphql takes an application/json body.");
    response.result(http::Status::unsupported_media_type);
    return response;
  }
  auto body = parse_json(context.request.body());
  if (!body || !body->is_object()) return malformed(type, "The body is not a JSON object.");
  return from_object(body->get_object(), type);
}

Parsed from_get(const http::Context& context, MediaType type) {
  json::object body;
  for (std::string_view name : {"query", "operationName"}) {
    if (auto value = context.query.get(name)) body[name] = json::string(*value);
  }
  for (std::string_view name : {"variables", "extensions"}) {
    auto value = context.query.get(name);
    if (!value) continue;
    auto parsed = parse_json(*value);
    if (!parsed) return malformed(type, "\"" + std::string(name) + "\" is not valid JSON.");
    body[name] = std::move(*parsed);
  }
  return from_object(body, type);
}

class Endpoint {
 public:
  Endpoint(std::shared_ptr<const Schema> schema, EndpointOptions options)
      : schema_(std::move(schema)), options_(std::move(options)) {}

  Awaitable handle(http::Context& context) const {
    auto type = negotiate(context.request[boost::beast::http::field::accept]);
    bool is_get = context.request.method() == http::Method::get || context.request.method() == http::Method::head;
    if (is_get && !context.query.get("query") && graphiql_ && wants_html(context.request[boost::beast::http::field::accept])) {
      auto page = http::text_response(http::Status::ok, graphiql_page("/graphql", "/graphql/assets"),
                                      "text/html; charset=utf-8");
      // Scripts stay same-origin only; GraphiQL injects a <style> element and embeds its fonts
      // as data: URLs, so styles and fonts are let through.
      page.set("Content-Security-Policy",
               "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
               "font-src 'self' data:; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
               "frame-ancestors 'none'; form-action 'self'");
      co_return page;
    }
    if (!type) {
      co_return http::text_response(
          http::Status::not_acceptable,
          R"({"errors":[{"message":"Accept must allow application/graphql-response+json or application/json."}]})",
          "application/json; charset=utf-8");
    }
    auto parsed = is_get ? from_get(context, *type) : from_post(context, *type);
    if (auto* refused = std::get_if<http::Response>(&parsed)) co_return std::move(*refused);
    auto& request = std::get<GraphqlRequest>(parsed);

    std::shared_ptr<const Document> document;
    const OperationDefinition* operation = nullptr;
    json::object variables;
    try {
      document = documents_.find(request.query);
      if (!document) {
        auto query = request.query;
        auto fresh = std::make_shared<Document>(parse(std::move(request.query), options_.parse_limits));
        if (auto errors = validate(*schema_, *fresh); !errors.empty()) {
          for (auto& error : errors) error.extensions["code"] = "GRAPHQL_VALIDATION_FAILED";
          co_return request_failure(*type, errors);
        }
        documents_.insert(query, fresh);
        document = std::move(fresh);
      }
      operation = &select_operation(*document, request.operation_name);
      if (is_get && operation->operation != OperationType::query) {
        auto response = malformed(*type, "Only queries may be sent with GET; send a mutation with POST.");
        response.result(http::Status::method_not_allowed);
        response.set(boost::beast::http::field::allow, "POST");
        co_return response;
      }
      variables = coerce_variables(*schema_, *operation, request.variables);
      check_limits(*schema_, *document, *operation, variables, options_.limits);
    } catch (const SyntaxError& error) {
      co_return request_failure(*type, {{error.what(), {error.location()}, {}, {{"code", "GRAPHQL_PARSE_FAILED"}}}});
    } catch (const RequestError& error) {
      co_return request_failure(*type, error.errors());
    }
    RequestState state;
    if (options_.prepare) options_.prepare(context, state);
    ExecutionOptions execution{options_.report_internal};
    auto result = co_await execute(*schema_, *document, *operation, variables, state, execution);
    co_return graphql_body(http::Status::ok, *type, result.serialize());
  }

  void enable_graphiql() { graphiql_ = true; }

 private:
  std::shared_ptr<const Schema> schema_;
  EndpointOptions options_;
  bool graphiql_ = false;
  mutable DocumentCache documents_;
};

}  // namespace

void add_routes(http::Router& router, std::shared_ptr<const Schema> schema, EndpointOptions options) {
  const http::RouteOptions route{.body_limit = options.body_limit, .policy = http::Policy::public_access()};
  auto assets = options.graphiql_assets;
  auto endpoint = std::make_shared<Endpoint>(std::move(schema), std::move(options));
  if (!assets.empty()) {
    endpoint->enable_graphiql();
    auto files = http::StaticFiles(assets, {
                                               {"react.production.min.js", "react/umd/react.production.min.js",
                                                "text/javascript; charset=utf-8"},
                                               {"react-dom.production.min.js",
                                                "react-dom/umd/react-dom.production.min.js",
                                                "text/javascript; charset=utf-8"},
                                               {"graphiql.min.js", "graphiql/graphiql.min.js",
                                                "text/javascript; charset=utf-8"},
                                               {"graphiql.min.css", "graphiql/graphiql.min.css",
                                                "text/css; charset=utf-8"},
                                               {"graphiql-init.js", "graphiql-init.js",
                                                "text/javascript; charset=utf-8"},
                                           });
    router.add(http::Method::get, "/graphql/assets/{name}", files.handler("name"),
               {.policy = http::Policy::public_access()});
  }
  auto handler = [endpoint](http::Context& context) { return endpoint->handle(context); };
  router.add(http::Method::get, "/graphql", handler, route);
  router.add(http::Method::post, "/graphql", handler, route);
}

}  // namespace disha::graphql
