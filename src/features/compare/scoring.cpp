#include "features/compare/scoring.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"

namespace disha::compare {

using catalog::Direction;
using catalog::ValueType;

Distribution::Distribution(std::vector<double> values) : sorted_(std::move(values)) {
  std::erase_if(sorted_, [](double v) { return std::isnan(v); });
  std::sort(sorted_.begin(), sorted_.end());
}

double Distribution::percentile(double value) const {
  if (std::isnan(value)) return NAN;
  if (sorted_.empty()) return 0.5;
  const auto lower = std::lower_bound(sorted_.begin(), sorted_.end(), value);
  const auto upper = std::upper_bound(lower, sorted_.end(), value);
  const auto below = static_cast<double>(lower - sorted_.begin());
  const auto equal = static_cast<double>(upper - lower);
  return (below + equal / 2.0) / static_cast<double>(sorted_.size());
}

std::vector<bool> best_values(Direction direction, std::span<const double> values) {
  std::vector<bool> best(values.size(), false);
  if (direction == Direction::none) return best;
  std::optional<double> top;
  bool all_equal = true;
  std::size_t disclosed = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    ++disclosed;
    if (top && v != *top) all_equal = false;
    if (!top || (direction == Direction::higher_better ? v > *top : v < *top)) top = v;
  }
  if (disclosed < 2 || all_equal) return best;
  for (std::size_t i = 0; i < values.size(); ++i) best[i] = values[i] == *top;
  return best;
}

bool weightable(const catalog::FactorDefinition& factor) noexcept {
  return factor.direction != Direction::none && factor.ordered();
}

double normalise(const catalog::FactorDefinition& factor, const Distribution& distribution,
                 double value) {
  const double normalised =
      factor.type == ValueType::boolean ? (value != 0 ? 1.0 : 0.0) : distribution.percentile(value);
  return factor.direction == Direction::lower_better ? 1.0 - normalised : normalised;
}

namespace {

std::string_view trim_spaces(std::string_view text) {
  while (text.starts_with(' ')) text.remove_prefix(1);
  while (text.ends_with(' ')) text.remove_suffix(1);
  return text;
}

// Digits, optionally followed by '.' and more digits: no signs, exponents, hex, inf or nan.
std::optional<double> parse_decimal(std::string_view text) {
  auto digits = [](std::string_view part) {
    return !part.empty() &&
           std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const auto point = text.find('.');
  if (!digits(text.substr(0, point))) return std::nullopt;
  if (point != std::string_view::npos && !digits(text.substr(point + 1))) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Echoes an entry into an error message only when it is short, well-formed printable text:
// the message reaches the client and the logs.
bool quotable(std::string_view entry) {
  constexpr std::size_t kMaxQuoted = 40;
  return entry.size() <= kMaxQuoted && utf8_length(entry) &&
         std::none_of(entry.begin(), entry.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

[[noreturn]] void refuse(std::size_t position, std::string_view entry, std::string_view why) {
  std::string message = "weights: entry " + std::to_string(position);
  if (quotable(entry)) message += " '" + std::string(entry) + "'";
  message += ' ';
  message += why;
  throw Error(ErrorCode::bad_request, std::move(message), "weights");
}

}  // namespace

std::vector<Weight> parse_weights(std::string_view text, const FactorLookup& lookup) {
  std::vector<Weight> weights;
  for (std::size_t position = 1;; ++position) {
    const auto comma = text.find(',');
    const auto entry = text.substr(0, comma);
    if (position > kMaxWeights) refuse(position, entry, "is one too many: give at most 40");
    const auto colon = entry.find(':');
    const auto code = trim_spaces(entry.substr(0, colon));
    if (colon == std::string_view::npos || code.empty()) {
      refuse(position, entry, "is not code:weight");
    }
    const auto weight = parse_decimal(trim_spaces(entry.substr(colon + 1)));
    if (!weight || !(*weight > 0) || *weight > kMaxWeight) {
      refuse(position, entry, "needs a decimal weight above 0 and at most 100");
    }
    const auto* factor = lookup(code);
    if (factor == nullptr) refuse(position, entry, "names no factor of these entities");
    if (!weightable(*factor)) refuse(position, entry, "names a factor with no better or worse");
    if (std::any_of(weights.begin(), weights.end(),
                    [&](const Weight& w) { return w.factor->code == factor->code; })) {
      refuse(position, entry, "repeats a factor");
    }
    weights.push_back({factor, *weight});
    if (comma == std::string_view::npos) return weights;
    text.remove_prefix(comma + 1);
  }
}

std::vector<Score> score(std::span<const Weight> weights,
                         std::span<const Distribution* const> distributions,
                         const std::vector<std::vector<double>>& values) {
  const std::size_t entities = values.empty() ? 0 : values.front().size();
  if (distributions.size() != weights.size() || values.size() != weights.size() ||
      std::any_of(values.begin(), values.end(),
                  [&](const auto& row) { return row.size() != entities; })) {
    throw Error(ErrorCode::internal, "compare::score: weights, distributions and values differ");
  }
  double total_weight = 0;
  for (const auto& w : weights) total_weight += w.weight;

  std::vector<Score> scores(entities);
  for (std::size_t e = 0; e < entities; ++e) {
    auto& result = scores[e];
    double disclosed_weight = 0;
    double weighted_sum = 0;
    for (std::size_t w = 0; w < weights.size(); ++w) {
      const auto& [factor, weight] = weights[w];
      Contribution contribution{factor->code, weight, std::nullopt, 0};
      if (const double value = values[w][e]; !std::isnan(value)) {
        contribution.normalised = normalise(*factor, *distributions[w], value);
        disclosed_weight += weight;
        weighted_sum += weight * *contribution.normalised;
      }
      result.contributions.push_back(std::move(contribution));
    }
    if (disclosed_weight == 0) continue;  // no score and no coverage: nothing to rest on
    result.coverage = disclosed_weight / total_weight;
    result.score = 100.0 * weighted_sum / disclosed_weight;
    for (auto& contribution : result.contributions) {
      if (contribution.normalised) {
        contribution.points =
            100.0 * contribution.weight * *contribution.normalised / disclosed_weight;
      }
    }
  }
  return scores;
}

}  // namespace disha::compare
