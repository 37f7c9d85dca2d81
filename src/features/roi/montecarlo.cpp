#include "features/roi/montecarlo.hpp"

#include <algorithm>

namespace disha::roi {

namespace {

// NPV at each horizon and the payback index of one path's net flows.
struct PathOutcome {
  std::vector<double> npv_by_horizon;
  int last_negative_year = -1;  // the last year-end whose running total is below zero
};

void summarise(std::span<const double> net, const Projection& projection,
               const std::vector<int>& horizons, PathOutcome& outcome) {
  double discounted = 0;
  double cumulative = 0;
  std::size_t horizon = 0;
  outcome.last_negative_year = -1;
  for (std::size_t t = 0; t < net.size(); ++t) {
    discounted += projection.years[t].discount * net[t];
    cumulative += net[t];
    if (cumulative < 0) outcome.last_negative_year = static_cast<int>(t);
    if (horizon < horizons.size() && static_cast<int>(t) + 1 == horizons[horizon]) {
      outcome.npv_by_horizon[horizon++] = discounted;
    }
  }
}

PathOutcome fixed_path_outcome(Path path, const Projection& projection,
                               const std::vector<int>& horizons) {
  std::vector<double> net(projection.years.size());
  for (int year = 0; year < projection.size(); ++year) {
    net[static_cast<std::size_t>(year)] = projection.net(path, year);
  }
  PathOutcome outcome{.npv_by_horizon = std::vector<double>(horizons.size())};
  summarise(net, projection, horizons, outcome);
  return outcome;
}

}  // namespace

double uniform01(std::mt19937_64& engine) {
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

double standard_normal(std::mt19937_64& engine) {
  double sum = 0;
  for (int i = 0; i < 12; ++i) sum += uniform01(engine);
  return sum - 6;
}

double percentile(std::span<const double> sorted, double fraction) {
  const double position = fraction * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(position);
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] +
         (position - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

MonteCarloResult simulate(const Projection& projection, const Inputs& inputs) {
  const MonteCarloSettings& settings = *inputs.monte_carlo;
  const auto& horizons = inputs.horizons_years;
  const auto paths = static_cast<std::size_t>(settings.paths);

  // Non-completers and unplaced graduates do not depend on the drawn growth: value them once.
  const PathOutcome unplaced_outcome = fixed_path_outcome(unplaced, projection, horizons);
  const PathOutcome non_completer_outcome = fixed_path_outcome(non_completer, projection, horizons);

  std::vector<std::vector<double>> npvs(horizons.size(), std::vector<double>(paths));
  std::vector<int> paid_back(horizons.size(), 0);
  std::vector<double> placed_net(projection.years.size());
  PathOutcome placed_outcome{.npv_by_horizon = std::vector<double>(horizons.size())};
  std::mt19937_64 engine(settings.seed);

  for (std::size_t path = 0; path < paths; ++path) {
    const bool completes = uniform01(engine) < inputs.completion_probability;
    const bool is_placed = uniform01(engine) < inputs.placement_probability;
    const double growth =
        inputs.salary_growth + settings.salary_growth_sd * standard_normal(engine);

    const PathOutcome* outcome = completes ? &unplaced_outcome : &non_completer_outcome;
    if (completes && is_placed) {
      double growth_factor = 1;
      for (int year = 0; year < projection.size(); ++year) {
        placed_net[static_cast<std::size_t>(year)] = projection.placed_net(year, 1, growth_factor);
        growth_factor *= 1 + growth;
      }
      summarise(placed_net, projection, horizons, placed_outcome);
      outcome = &placed_outcome;
    }
    for (std::size_t h = 0; h < horizons.size(); ++h) {
      npvs[h][path] = outcome->npv_by_horizon[h];
      // Payback falls in the year after the last negative year-end: within h years when that
      // year is at most h − 1.
      if (outcome->last_negative_year + 1 <= horizons[h] - 1) ++paid_back[h];
    }
  }

  MonteCarloResult result{.settings = settings};
  for (std::size_t h = 0; h < horizons.size(); ++h) {
    auto& values = npvs[h];
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double value : values) sum += value;
    result.horizons.push_back(
        {.years = horizons[h],
         .npv_p10_inr = percentile(values, 0.1),
         .npv_p50_inr = percentile(values, 0.5),
         .npv_p90_inr = percentile(values, 0.9),
         .npv_mean_inr = sum / static_cast<double>(paths),
         .payback_probability = static_cast<double>(paid_back[h]) / static_cast<double>(paths)});
  }
  return result;
}

}  // namespace disha::roi
