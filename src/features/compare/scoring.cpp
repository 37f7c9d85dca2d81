#include "features/compare/scoring.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace disha::compare {

using catalog::Direction;
using catalog::ValueType;

Distribution::Distribution(std::vector<double> values) : sorted_(std::move(values)) {
  std::erase_if(sorted_, [](double v) { return std::isnan(v); });
  std::sort(sorted_.begin(), sorted_.end());
}

double Distribution::percentile(double value) const {
  if (sorted_.empty()) return 0.5;
  auto below = std::lower_bound(sorted_.begin(), sorted_.end(), value) - sorted_.begin();
  auto equal = std::upper_bound(sorted_.begin(), sorted_.end(), value) - sorted_.begin() - below;
  return (static_cast<double>(below) + static_cast<double>(equal) / 2.0) /
         static_cast<double>(sorted_.size());
}

std::vector<bool> best_values(Direction direction, std::span<const double> values) {
  std::vector<bool> best(values.size(), false);
  if (direction == Direction::none) return best;
  std::optional<double> top, other;
  std::size_t disclosed = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    ++disclosed;
    if (!top || (direction == Direction::higher_better ? v > *top : v < *top)) top = v;
  }
  if (disclosed < 2) return best;
  bool all_equal = std::all_of(values.begin(), values.end(),
                               [&](double v) { return std::isnan(v) || v == *top; });
  if (all_equal) return best;
  for (std::size_t i = 0; i < values.size(); ++i) best[i] = values[i] == *top;
  return best;
}

bool weightable(const catalog::FactorDefinition& factor) noexcept {
  return factor.direction != Direction::none && factor.ordered();
}

double normalise(const catalog::FactorDefinition& factor, const Distribution& distribution,
                 double value) {
  double normalised =
      factor.type == ValueType::boolean ? (value != 0 ? 1.0 : 0.0) : distribution.percentile(value);
  return factor.direction == Direction::lower_better ? 1.0 - normalised : normalised;
}

std::vector<Weight> parse_weights(std::string_view text, const FactorLookup& lookup) {
  auto refuse = [](std::string_view entry, const std::string& why) -> void {
    throw Error(ErrorCode::bad_request, "weights: '" + std::string(entry) + "' " + why, "weights");
  };
  std::vector<Weight> weights;
  while (true) {
    auto comma = text.find(',');
    auto entry = text.substr(0, comma);
    auto colon = entry.find(':');
    if (colon == std::string_view::npos || colon == 0) refuse(entry, "is not factor:weight");
    auto code = entry.substr(0, colon);
    auto number = entry.substr(colon + 1);
    double weight = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), weight);
    if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
        !(weight > 0) || weight > kMaxWeight) {
      refuse(entry, "needs a weight above 0 and at most 100");
    }
    const auto* factor = lookup(code);
    if (factor == nullptr) refuse(entry, "names no factor of these entities");
    if (!weightable(*factor)) refuse(entry, "names a factor with no better or worse");
    for (const auto& w : weights) {
      if (w.factor == factor) refuse(entry, "repeats a factor");
    }
    weights.push_back({factor, weight});
    if (weights.size() > kMaxWeights) refuse(entry, "is past the 40th weight");
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return weights;
}

std::vector<Score> score(std::span<const Weight> weights,
                         std::span<const Distribution* const> distributions,
                         const std::vector<std::vector<double>>& values) {
  const std::size_t entities = values.empty() ? 0 : values[0].size();
  double total_weight = 0;
  for (const auto& w : weights) total_weight += w.weight;
  std::vector<Score> scores(entities);
  for (std::size_t e = 0; e < entities; ++e) {
    auto& result = scores[e];
    double disclosed_weight = 0, weighted_sum = 0;
    for (std::size_t w = 0; w < weights.size(); ++w) {
      Contribution contribution{weights[w].factor->code, weights[w].weight, std::nullopt, 0};
      double value = values[w][e];
      if (!std::isnan(value)) {
        contribution.normalised = normalise(*weights[w].factor, *distributions[w], value);
        disclosed_weight += weights[w].weight;
        weighted_sum += weights[w].weight * *contribution.normalised;
      }
      result.contributions.push_back(std::move(contribution));
    }
    result.coverage = total_weight > 0 ? disclosed_weight / total_weight : 0;
    if (disclosed_weight > 0) {
      result.score = 100.0 * weighted_sum / disclosed_weight;
      for (auto& contribution : result.contributions) {
        if (contribution.normalised) {
          contribution.points =
              100.0 * contribution.weight * *contribution.normalised / disclosed_weight;
        }
      }
    }
  }
  return scores;
}

}  // namespace disha::compare
