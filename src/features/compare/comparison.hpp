#pragma once
// A comparison of 2 to 10 universities or programmes, built from a catalogue snapshot: every
// factor the entities carry, grouped, with each row's best values marked, and with weights a
// score per entity (scoring.hpp). Normalisation uses catalogue-wide distributions, computed
// once per snapshot and column and shared between requests (DistributionCache).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features/catalog/snapshot.hpp"
#include "features/compare/scoring.hpp"

namespace disha::compare {

inline constexpr std::size_t kMinEntities = 2;
inline constexpr std::size_t kMaxEntities = 10;

class DistributionCache {
 public:
  // The spread of the column's values (in its own scope) in this snapshot.
  std::shared_ptr<const Distribution> get(const std::shared_ptr<const catalog::Snapshot>& snapshot,
                                          const catalog::Column& column);

 private:
  std::mutex mutex_;
  std::shared_ptr<const catalog::Snapshot> snapshot_;
  std::unordered_map<const catalog::Column*, std::shared_ptr<const Distribution>> cache_;
};

struct Cell {
  std::optional<catalog::FactorValue> value;  // nullopt: not disclosed
  bool best = false;
};

struct Row {
  const catalog::FactorDefinition* factor = nullptr;
  std::vector<Cell> cells;  // one per entity
};

struct Group {
  catalog::FactorGroup group;
  std::vector<Row> rows;
};

struct Comparison {
  catalog::EntityKind kind = catalog::EntityKind::university;
  std::vector<std::uint32_t> entities;  // snapshot indices, in the order asked
  std::vector<Group> groups;
  std::vector<Weight> weights;
  std::vector<Score> scores;  // one per entity when weighted
};

// `keys` are slugs or ids ("a,b,c" split), `parameter` the query parameter they came from for
// errors; `weights` may be empty. Throws disha::Error(bad_request) naming the parameter.
Comparison compare(const std::shared_ptr<const catalog::Snapshot>& snapshot,
                   DistributionCache& distributions, catalog::EntityKind kind,
                   std::string_view keys, std::string_view parameter, std::string_view weights);

}  // namespace disha::compare
