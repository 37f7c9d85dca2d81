#include "features/compare/json.hpp"

#include "features/catalog/json.hpp"

namespace disha::compare {

namespace json = boost::json;
using catalog::EntityKind;
using catalog::Snapshot;

json::object comparison_json(const Snapshot& snapshot, const Comparison& comparison,
                             std::string_view share_url) {
  const auto kind = comparison.kind;
  json::array entities;
  for (auto index : comparison.entities) {
    entities.push_back(kind == EntityKind::university ? catalog::university_json(snapshot, index)
                                                      : catalog::programme_json(snapshot, index));
  }
  json::array groups;
  for (const auto& group : comparison.groups) {
    json::array rows;
    for (const auto& row : group.rows) {
      json::array cells;
      for (const auto& cell : row.cells) {
        auto item = catalog::factor_value_json(*row.factor, cell.value ? &*cell.value : nullptr);
        json::object compact{{"value", item["value"]},
                             {"disclosed", item["disclosed"]},
                             {"best", cell.best},
                             {"qualifier", item["qualifier"]},
                             {"source_url", item["source_url"]},
                             {"verified_on", item["verified_on"]}};
        cells.push_back(std::move(compact));
      }
      rows.push_back({{"code", row.factor->code},
                      {"label", row.factor->label},
                      {"unit", row.factor->unit},
                      {"direction", catalog::to_string(row.factor->direction)},
                      {"cells", std::move(cells)}});
    }
    groups.push_back({{"group", catalog::to_string(group.group)}, {"rows", std::move(rows)}});
  }
  json::object body{{"kind", kind == EntityKind::university ? "universities" : "programmes"},
                    {"entities", std::move(entities)},
                    {"groups", std::move(groups)},
                    {"share_url", share_url}};
  if (!comparison.weights.empty()) {
    json::array weights;
    for (const auto& w : comparison.weights) {
      weights.push_back({{"code", w.factor->code}, {"weight", catalog::number_json(w.weight)}});
    }
    json::array scores;
    for (std::size_t e = 0; e < comparison.scores.size(); ++e) {
      const auto& score = comparison.scores[e];
      json::array contributions;
      for (const auto& c : score.contributions) {
        contributions.push_back(
            {{"code", c.code},
             {"weight", catalog::number_json(c.weight)},
             {"normalised", c.normalised ? json::value(*c.normalised) : nullptr},
             {"points", c.points}});
      }
      scores.push_back({{"id", snapshot.id_of(kind, comparison.entities[e])},
                        {"score", score.score ? json::value(*score.score) : nullptr},
                        {"coverage", score.coverage},
                        {"contributions", std::move(contributions)}});
    }
    body["weights"] = std::move(weights);
    body["scores"] = std::move(scores);
  }
  return body;
}

}  // namespace disha::compare
