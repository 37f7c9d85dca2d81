#pragma once
// Compare's pure engine: which value in a row is best, and a 0–100 score per entity from the
// learner's weights, explained factor by factor.
//
// Values are the catalogue's ordered numbers (numbers as they are, booleans 0/1, grades their
// level index, worst = 0), NaN when not disclosed. Enum and text factors have no order.
//
// Normalisation, so that a score does not depend on which set is compared:
//   number, grade   n = p(v), the mid-rank percentile of v among the factor's catalogue values:
//                   p(v) = (count below v + count equal to v / 2) / count
//   boolean         n = 1 when true, 0 when false
//   lower_better    n = 1 − n
// Score, with weights w_f, over the factors F_e that entity e discloses and all weighted F:
//   score_e    = 100 × Σ_{F_e} w_f·n_f / Σ_{F_e} w_f       (null when F_e is empty)
//   coverage_e = Σ_{F_e} w_f / Σ_F w_f                      (in [0, 1])
//   points_f   = 100 × w_f·n_f / Σ_{F_e} w_f                (0 for an undisclosed factor)
// so the points add up to the score. Undisclosed values are left out, never counted as zero;
// coverage says how much of the weight the score rests on.
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "features/catalog/model.hpp"

namespace disha::compare {

// The catalogue-wide spread of one factor's values, built once per factor.
class Distribution {
 public:
  Distribution() = default;
  explicit Distribution(std::vector<double> values);  // NaNs (undisclosed) are dropped

  // The mid-rank percentile p(v) in [0, 1]: 0 below every value, 1 above every value, 0.5 for
  // an empty distribution (nothing to rank against); NaN for a NaN value.
  double percentile(double value) const;
  std::size_t size() const noexcept { return sorted_.size(); }

 private:
  std::vector<double> sorted_;
};

// Which entities hold the row's best value: only for a factor with a direction, with at least
// two disclosed values that are not all equal. Ties are all best; undisclosed (NaN) never are.
std::vector<bool> best_values(catalog::Direction direction, std::span<const double> values);

// A factor can be weighted when it has a direction and an order (number, boolean or grade).
bool weightable(const catalog::FactorDefinition& factor) noexcept;

// n in [0, 1] as above. The factor must be weightable and the value disclosed (not NaN).
double normalise(const catalog::FactorDefinition& factor, const Distribution& distribution,
                 double value);

struct Weight {
  const catalog::FactorDefinition* factor = nullptr;
  double weight = 0;
};

// The factor a weight's code names, or null when the entities have no such factor.
using FactorLookup = std::function<const catalog::FactorDefinition*(std::string_view code)>;

inline constexpr std::size_t kMaxWeights = 40;
inline constexpr double kMaxWeight = 100;

// "fee:3,naac:2,placement:1.5": 1 to 40 comma-separated entries `code:weight` (spaces around
// either part are ignored), each naming a weightable factor at most once, with a decimal weight
// (digits, optionally a '.' and more digits) above 0 and at most 100. Throws
// disha::Error(bad_request, …, "weights") naming the entry at fault.
std::vector<Weight> parse_weights(std::string_view text, const FactorLookup& lookup);

struct Contribution {
  std::string code;
  double weight = 0;
  std::optional<double> normalised;  // n_f; null when not disclosed
  double points = 0;                 // points_f
};

struct Score {
  std::optional<double> score;              // 0–100; null when nothing weighted is disclosed
  double coverage = 0;                      // 0–1
  std::vector<Contribution> contributions;  // one per weight, in the weights' order
};

// values[w][e]: weighted factor w's value for entity e (NaN when not disclosed), every row as
// long as the number of entities; distributions[w]: the factor's catalogue-wide spread. Returns
// one score per entity. Throws disha::Error(internal) when the shapes disagree.
std::vector<Score> score(std::span<const Weight> weights,
                         std::span<const Distribution* const> distributions,
                         const std::vector<std::vector<double>>& values);

}  // namespace disha::compare
