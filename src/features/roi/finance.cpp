#include "features/roi/finance.hpp"

#include <fmt/format.h>

#include <array>

namespace disha::roi {

namespace {

// 1 + r runs over [kLowestGrowth, kHighestGrowth]: IRRs from −99% to 100,000%.
constexpr double kLowestGrowth = 0.01;
constexpr double kHighestGrowth = 1001;
// Grid points: with one sign change there is exactly one root (Descartes' rule of signs), so a
// coarse grid only has to bracket it; with more, 1 + r steps by 2.3% so close roots separate.
constexpr int kCoarseGrid = 12;
constexpr int kFineGrid = 400;

int count_sign_changes(std::span<const double> flows) {
  int changes = 0;
  int previous_sign = 0;
  for (double flow : flows) {
    const int sign = (flow > 0) - (flow < 0);
    if (sign == 0) continue;
    if (previous_sign != 0 && sign != previous_sign) ++changes;
    previous_sign = sign;
  }
  return changes;
}

}  // namespace

double power(double base, int exponent) {
  double result = 1;
  while (exponent > 0) {
    if (exponent & 1) result *= base;
    base *= base;
    exponent >>= 1;
  }
  return result;
}

double npv(std::span<const double> flows, double rate) {
  // Horner's rule in x = 1 / (1 + r), one division for the whole sum, run as four interleaved
  // chains in x⁴ over the flows t ≡ 0, 1, 2, 3 (mod 4): IRR searches call this often, and a
  // single chain of dependent multiply-adds would leave the CPU waiting on each step.
  const double x = 1 / (1 + rate);
  const double x2 = x * x;
  const double x4 = x2 * x2;
  std::array<double, 4> chains{};
  const std::size_t whole_blocks = flows.size() / 4 * 4;
  for (std::size_t t = whole_blocks; t > 0;) {
    t -= 4;
    for (std::size_t lane = 0; lane < 4; ++lane) chains[lane] = chains[lane] * x4 + flows[t + lane];
  }
  double sum = chains[0] + x * chains[1] + x2 * chains[2] + x2 * x * chains[3];
  // The last flows (fewer than four) weigh x^whole_blocks and up.
  double tail = 0;
  for (std::size_t t = flows.size(); t > whole_blocks;) tail = tail * x + flows[--t];
  return sum + power(x, static_cast<int>(whole_blocks)) * tail;
}

Irr irr(std::span<const double> flows) {
  Irr result;
  result.sign_changes = count_sign_changes(flows);
  if (result.sign_changes == 0) {
    result.note = "the net cash flows never change sign, so no discount rate makes NPV zero";
    return result;
  }
  const auto npv_at = [flows](double rate) { return npv(flows, rate); };
  const int points = result.sign_changes == 1 ? kCoarseGrid : kFineGrid;
  const double ratio = std::pow(kHighestGrowth / kLowestGrowth, 1.0 / (points - 1));
  double growth = kLowestGrowth;
  double left_rate = growth - 1;
  double left_value = npv_at(left_rate);
  if (left_value == 0) result.roots.push_back(left_rate);
  for (int point = 1; point < points; ++point) {
    growth = point == points - 1 ? kHighestGrowth : growth * ratio;
    const double right_rate = growth - 1;
    const double right_value = npv_at(right_rate);
    if (right_value == 0) {
      result.roots.push_back(right_rate);
    } else if ((left_value < 0 && right_value > 0) || (left_value > 0 && right_value < 0)) {
      result.roots.push_back(find_root(npv_at, left_rate, right_rate, 1e-12));
    }
    left_rate = right_rate;
    left_value = right_value;
  }

  if (result.roots.size() == 1) {
    result.value = result.roots.front();
    if (result.sign_changes > 1) {
      result.note = fmt::format(
          "the net cash flows change sign {} times; only one rate between -99% and 100000% "
          "makes NPV zero",
          result.sign_changes);
    }
  } else if (result.roots.empty()) {
    result.note = "no discount rate between -99% and 100000% makes NPV zero";
  } else {
    result.note = fmt::format(
        "the net cash flows change sign {} times and NPV is zero at {} rates, so the IRR is "
        "ambiguous; judge by NPV",
        result.sign_changes, result.roots.size());
  }
  return result;
}

std::optional<Payback> payback(std::span<const double> flows) {
  double cumulative = 0;
  double cumulative_at_last_negative = 0;
  int last_negative = -1;
  for (std::size_t year = 0; year < flows.size(); ++year) {
    cumulative += flows[year];
    if (cumulative < 0) {
      last_negative = static_cast<int>(year);
      cumulative_at_last_negative = cumulative;
    }
  }
  const int crossing_year = last_negative + 1;
  if (crossing_year >= static_cast<int>(flows.size())) return std::nullopt;
  if (crossing_year == 0) return Payback{.months = 0, .year = 0};
  // The year's flow is positive: the total was below zero at its start and is not at its end.
  const double fraction =
      -cumulative_at_last_negative / flows[static_cast<std::size_t>(crossing_year)];
  return Payback{.months = 12.0 * (crossing_year + fraction), .year = crossing_year};
}

}  // namespace disha::roi
