#include "features/compare/comparison.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace disha::compare {

using catalog::EntityKind;
using catalog::Snapshot;

std::shared_ptr<const Distribution> DistributionCache::get(
    const std::shared_ptr<const Snapshot>& snapshot, const catalog::Column& column) {
  std::lock_guard lock(mutex_);
  if (snapshot_ != snapshot) {
    // A new snapshot: its columns are new objects, so the old entries can never be asked for.
    cache_.clear();
    snapshot_ = snapshot;
  }
  auto& entry = cache_[&column];
  if (!entry) entry = std::make_shared<const Distribution>(column.values);
  return entry;
}

namespace {

std::vector<std::uint32_t> find_entities(const Snapshot& snapshot, EntityKind kind,
                                         std::string_view keys, std::string_view parameter) {
  const std::string field(parameter);
  std::vector<std::uint32_t> entities;
  while (true) {
    auto comma = keys.find(',');
    auto key = keys.substr(0, comma);
    auto index = snapshot.find(kind, key);
    if (!index) {
      throw Error(ErrorCode::bad_request,
                  field + ": no " + std::string(to_string(kind)) + " '" + std::string(key) + "'",
                  field);
    }
    if (std::find(entities.begin(), entities.end(), *index) != entities.end()) {
      throw Error(ErrorCode::bad_request, field + ": '" + std::string(key) + "' is listed twice",
                  field);
    }
    entities.push_back(*index);
    if (entities.size() > kMaxEntities) break;
    if (comma == std::string_view::npos) break;
    keys.remove_prefix(comma + 1);
  }
  if (entities.size() < kMinEntities || entities.size() > kMaxEntities) {
    throw Error(ErrorCode::bad_request, field + ": compare 2 to 10, separated by commas", field);
  }
  return entities;
}

}  // namespace

Comparison compare(const std::shared_ptr<const Snapshot>& snapshot,
                   DistributionCache& distributions, EntityKind kind, std::string_view keys,
                   std::string_view parameter, std::string_view weights) {
  Comparison comparison;
  comparison.kind = kind;
  comparison.entities = find_entities(*snapshot, kind, keys, parameter);

  for (auto group : catalog::kFactorGroups) {
    Group rows{group, {}};
    for (const auto& factor : snapshot->data().factors) {
      if (factor.group != group || !Snapshot::applies(factor, kind)) continue;
      Row row{&factor, {}};
      std::vector<double> ordered;
      const auto* column = snapshot->column(factor.code, kind);
      for (auto index : comparison.entities) {
        row.cells.push_back({snapshot->factor_value(kind, index, factor), false});
        ordered.push_back(column ? snapshot->value(*column, kind, index) : NAN);
      }
      if (factor.ordered()) {
        auto best = best_values(factor.direction, ordered);
        for (std::size_t i = 0; i < best.size(); ++i) row.cells[i].best = best[i];
      }
      rows.rows.push_back(std::move(row));
    }
    comparison.groups.push_back(std::move(rows));
  }

  if (!weights.empty()) {
    comparison.weights = parse_weights(weights, [&](std::string_view code) {
      const auto* factor = snapshot->factor(code);
      return factor && Snapshot::applies(*factor, kind) ? factor : nullptr;
    });
    std::vector<std::shared_ptr<const Distribution>> held;
    std::vector<const Distribution*> spreads;
    std::vector<std::vector<double>> values;
    for (const auto& weight : comparison.weights) {
      const auto& column = *snapshot->column(weight.factor->code, kind);
      held.push_back(distributions.get(snapshot, column));
      spreads.push_back(held.back().get());
      std::vector<double> row;
      for (auto index : comparison.entities) row.push_back(snapshot->value(column, kind, index));
      values.push_back(std::move(row));
    }
    comparison.scores = score(comparison.weights, spreads, values);
  }
  return comparison;
}

}  // namespace disha::compare
