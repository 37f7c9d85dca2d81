#include "features/roi/graphql.hpp"

#include "features/roi/engine.hpp"
#include "features/roi/json.hpp"

namespace disha::roi {

using graphql::ResolveInfo;
using graphql::Result;

void add_graphql(graphql::SchemaBuilder& builder, store::WorkerPool& workers) {
  builder.extend("Query").field(
      {.name = "roi",
       .type_text = "JSON!",
       .description = "The return on a programme's fees: the body of POST /api/v1/roi in, its answer out.",
       .arguments = {{.name = "request", .type_text = "JSON!", .description = "As POST /api/v1/roi takes it."}},
       .resolve = [&workers](const ResolveInfo& info) {
         // Parsed here, so a bad request is a field error naming its field before any work.
         auto request = parse_roi_request(info.arguments.at("request"));
         return Result::later([&workers, request]() -> boost::asio::awaitable<Result> {
           auto analyse = [request] { return to_json(compute_roi(request)); };
           auto body = co_await workers.run(std::move(analyse));
           co_return Result::leaf(std::move(body));
         });
       }});
}

}  // namespace disha::roi
