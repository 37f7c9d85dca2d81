#pragma once
// Compare's pure engine: which value in a row is best, and a 0–100 score per entity from the
// learner's weights, explained factor by factor.
//
// Values are the catalogue's ordered numbers (numbers as they are, booleans 0/1, grades their
// level index), NaN when not disclosed.
//
// Normalisation (so a score does not depend on which set is compared): a number or grade
// becomes its mid-rank percentile in the whole catalogue, p(v) = (count below v + count equal
// to v / 2) / n; a boolean is 1 when true and 0 when false. For a lower-is-better factor the
// result is 1 − that.
// Score: with weights w_f and normalised values n_f over the factors an entity discloses,
//   score = 100 × Σ w_f·n_f / Σ w_f          coverage = Σ w_f (disclosed) / Σ w_f (all)
// and each factor's points = 100 × w_f·n_f / Σ w_f (disclosed), so the points add up to the
// score. Undisclosed values are left out, never counted as zero; coverage says how much of
// the weight the score rests on, and a score with no coverage is null.
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "features/catalog/model.hpp"

namespace disha::compare {

// The catalogue-wide spread of one factor's values.
class Distribution {
 public:
  Distribution() = default;
  explicit Distribution(std::vector<double> values);  // NaNs are dropped

  // Mid-rank percentile in [0, 1]; 0.5 for an empty distribution.
  double percentile(double value) const;
  std::size_t size() const noexcept { return sorted_.size(); }

 private:
  std::vector<double> sorted_;
};

// Whether each entity holds the row's best value: only for a factor with a direction, with at
// least two disclosed values that are not all equal; ties are all best, undisclosed never.
std::vector<bool> best_values(catalog::Direction direction, std::span<const double> values);

// In [0, 1]; the factor must be weightable.
double normalise(const catalog::FactorDefinition& factor, const Distribution& distribution,
                 double value);

// A factor can be weighted when it has a direction and an order (number, boolean or grade).
bool weightable(const catalog::FactorDefinition& factor) noexcept;

struct Weight {
  const catalog::FactorDefinition* factor = nullptr;
  double weight = 0;
};

using FactorLookup = std::function<const catalog::FactorDefinition*(std::string_view code)>;

inline constexpr std::size_t kMaxWeights = 40;
inline constexpr double kMaxWeight = 100;

// "fee:3,naac:2,placement:5": 1 to 40 entries, each a weightable factor once with a weight
// 0 < w ≤ 100. Throws disha::Error(bad_request, …, "weights") naming the entry at fault.
std::vector<Weight> parse_weights(std::string_view text, const FactorLookup& lookup);

struct Contribution {
  std::string code;
  double weight = 0;
  std::optional<double> normalised;  // null when not disclosed
  double points = 0;
};

struct Score {
  std::optional<double> score;  // 0–100; null when nothing weighted is disclosed
  double coverage = 0;          // 0–1
  std::vector<Contribution> contributions;
};

// values[w][e]: weighted factor w's value for entity e (NaN when not disclosed);
// distributions[w] the factor's catalogue-wide spread.
std::vector<Score> score(std::span<const Weight> weights,
                         std::span<const Distribution* const> distributions,
                         const std::vector<std::vector<double>>& values);

}  // namespace disha::compare
