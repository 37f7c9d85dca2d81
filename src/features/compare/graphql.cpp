#include "features/compare/graphql.hpp"

#include <fmt/format.h>

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
  builder.object("ComparisonCell", "One entity's value in a row.")
      .field({.name = "value", .type_text = "JSON", .description = "Null when not disclosed."})
      .field({.name = "disclosed", .type_text = "Boolean!"})
      .field({.name = "best", .type_text = "Boolean!", .description = "The best value of the row, by its direction."})
      .field({.name = "qualifier", .type_text = "String"})
      .field({.name = "sourceUrl", .type_text = "String"})
      .field({.name = "verifiedOn", .type_text = "String"});
  builder.object("ComparisonRow", "One factor across the compared entities, in their order.")
      .field({.name = "code", .type_text = "String!"})
      .field({.name = "label", .type_text = "String!"})
      .field({.name = "unit", .type_text = "String!"})
      .field({.name = "direction", .type_text = "String!"})
      .field({.name = "cells", .type_text = "[ComparisonCell!]!"});
  builder.object("ComparisonGroup")
      .field({.name = "group", .type_text = "String!"})
      .field({.name = "rows", .type_text = "[ComparisonRow!]!"});
  builder.object("AppliedWeight").field({.name = "code", .type_text = "String!"}).field({.name = "weight", .type_text = "Float!"});
  builder.object("ScoreContribution", "How many of a score's points one factor gave.")
      .field({.name = "code", .type_text = "String!"})
      .field({.name = "weight", .type_text = "Float!"})
      .field({.name = "normalised", .type_text = "Float", .description = "0 to 1 against the whole catalogue; null when not disclosed."})
      .field({.name = "points", .type_text = "Float!"});
  builder.object("EntityScore", "A compared entity's weighted score.")
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "score", .type_text = "Float", .description = "0-100; null when no weighted factor is disclosed."})
      .field({.name = "coverage", .type_text = "Float!", .description = "The share of the weight that was disclosed."})
      .field({.name = "contributions", .type_text = "[ScoreContribution!]!"});
  builder.object("Comparison", "Universities or programmes side by side, factor by factor.")
      .field({.name = "kind", .type_text = "String!", .description = "`universities` or `programmes`."})
      .field({.name = "entities", .type_text = "[CatalogEntry!]!", .description = "In the order asked for."})
      .field({.name = "groups", .type_text = "[ComparisonGroup!]!"})
      .field({.name = "weights", .type_text = "[AppliedWeight!]", .description = "Only with weights."})
      .field({.name = "scores", .type_text = "[EntityScore!]", .description = "Only with weights, in the entities' order."})
      .field({.name = "shareUrl", .type_text = "String!", .description = "The REST URL of the same comparison."});
  builder.extend("Query").field(
      {.name = "compare",
       .type_text = "Comparison!",
       .description = "Compares 2 to 10 universities or programmes (give one list) factor by factor; with weights, "
                      "also a 0-100 score each, as GET /api/v1/compare.",
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
             // As the REST parameter spells it: `code:2.5`.
             weights += (weights.empty() ? "" : ",") + std::string(weight.at("code").get_string()) + ":" +
                        fmt::format("{}", weight.at("weight").to_number<double>());
           }
         }
         auto snapshot = catalog.snapshot();
         const auto kind = universities ? catalog::EntityKind::university : catalog::EntityKind::programme;
         const std::string parameter = universities ? "universities" : "programmes";
         auto keys = joined(universities ? universities : programmes);
         auto comparison = compare(snapshot, distributions, kind, keys, parameter, weights);
         auto share_url = "/api/v1/compare?" + parameter + "=" + keys + (weights.empty() ? "" : "&weights=" + weights);
         return Result::object(comparison_json(*snapshot, comparison, share_url));
       }});
}

}  // namespace disha::compare
