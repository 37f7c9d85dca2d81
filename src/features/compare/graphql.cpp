#include "features/compare/graphql.hpp"

#include <boost/json/serialize.hpp>

#include "features/compare/json.hpp"

namespace disha::compare {

namespace json = boost::json;
using graphql::ResolveInfo;
using graphql::Result;

namespace {

// "a,b,c": the REST parameter's spelling of a list of keys.
std::string joined(const json::value* list) {
  std::string out;
  if (!list) return out;
  for (const auto& item : list->get_array()) out += (out.empty() ? "" : ",") + std::string(item.get_string());
  return out;
}

}  // namespace

void add_graphql(graphql::SchemaBuilder& builder, catalog::CatalogService& catalog,
                 DistributionCache& distributions) {
  builder.input_object("FactorWeight", "How much one factor counts in the weighted score.")
      .input_field({.name = "code", .type_text = "String!"})
      .input_field({.name = "weight", .type_text = "Float!"});
  builder.extend("Query").field(
      {.name = "compare",
       .type_text = "JSON!",
       .description = "Compares 2 to 10 universities or programmes (give one list) factor by factor; with weights, "
                      "also a 0-100 score each. The body of GET /api/v1/compare.",
       .arguments = {{.name = "universities", .type_text = "[String!]"},
                     {.name = "programmes", .type_text = "[String!]"},
                     {.name = "weights", .type_text = "[FactorWeight!]"}},
       .resolve = [&catalog, &distributions](const ResolveInfo& info) {
         const auto* universities = info.argument("universities");
         const auto* programmes = info.argument("programmes");
         if ((universities == nullptr) == (programmes == nullptr)) {
           throw Error(ErrorCode::bad_request, "give either universities or programmes", "universities");
         }
         std::string weights;
         if (const auto* given = info.argument("weights")) {
           for (const auto& item : given->get_array()) {
             const auto& weight = item.get_object();
             weights += (weights.empty() ? "" : ",") + std::string(weight.at("code").get_string()) + ":" +
                        json::serialize(weight.at("weight"));
           }
         }
         auto snapshot = catalog.snapshot();
         const auto kind = universities ? catalog::EntityKind::university : catalog::EntityKind::programme;
         const std::string parameter = universities ? "universities" : "programmes";
         auto keys = joined(universities ? universities : programmes);
         auto comparison = compare(snapshot, distributions, kind, keys, parameter, weights);
         auto share_url = "/api/v1/compare?" + parameter + "=" + keys + (weights.empty() ? "" : "&weights=" + weights);
         return Result::leaf(comparison_json(*snapshot, comparison, share_url));
       }});
}

}  // namespace disha::compare
