#include "features/roi/rest.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include "features/roi/engine.hpp"
#include "features/roi/json.hpp"
#include "http/json_body.hpp"
#include "http/response.hpp"

namespace disha::roi {

void add_routes(http::Router& router, store::WorkerPool& workers) {
  router.add(http::Method::post, "/api/v1/roi",
             [&workers](http::Context& context) -> boost::asio::awaitable<http::Response> {
               auto analyse = [request = parse_roi_request(http::read_json(context))] {
                 auto result = compute_roi(request);
                 boost::json::monotonic_resource arena;
                 return boost::json::serialize(to_json(result, &arena));
               };
               auto body = co_await workers.run(std::move(analyse));
               co_return http::text_response(http::Status::ok, std::move(body), http::kJson);
             },
             {.body_limit = 64 * 1024, .policy = http::Policy::public_access()});
}

}  // namespace disha::roi
