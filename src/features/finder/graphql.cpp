#include "features/finder/graphql.hpp"

#include <boost/json/parse.hpp>

namespace disha::finder {

using graphql::ResolveInfo;


void add_graphql(graphql::SchemaBuilder& builder, FinderService& service) {
  builder.extend("Query").field(
      {.name = "careerTest",
       .type_text = "JSON!",
       .description = "The Career Finder questionnaire (GET /api/v1/career-test).",
       .arguments = {{.name = "form", .type_text = "String", .description = "`short` or `full` (the default)."}},
       .resolve = [&service](const ResolveInfo& info) {
         const auto* form = info.argument("form");
         auto chosen = form ? std::optional<std::string_view>(form->get_string()) : std::nullopt;
         return graphql::Result::leaf(service.questionnaire(chosen));
       }});
  builder.extend("Mutation").field(
      {.name = "submitCareerTest",
       .type_text = "JSON!",
       .description = "Scores the answers, saves the result and returns it with its id "
                      "(POST /api/v1/career-test/responses).",
       .arguments = {{.name = "answers", .type_text = "JSON!", .description = "The body the REST route takes."}},
       .resolve = [&service](const ResolveInfo& info) {
         return graphql::Result::later([&service, body = info.arguments.at("answers")]() -> boost::asio::awaitable<graphql::Result> {
           auto saved = co_await service.submit(body);
           auto result = boost::json::parse(saved.result_json);
           co_return graphql::Result::leaf(std::move(result));
         });
       }});
}

}  // namespace disha::finder
