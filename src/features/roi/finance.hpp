#pragma once
// Arithmetic on yearly cash flows: flows[t] falls in year t, year 0 being the first year and not
// discounted. Pure functions.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace disha::roi {

// base^exponent (exponent ≥ 0) by repeated squaring. Only multiplications, so every IEEE-754
// platform gives the same bits; std::pow may differ in the last place between C libraries, which
// would break Monte Carlo reproducibility across platforms.
double power(double base, int exponent);

// Σ flows[t] / (1 + rate)^t.
double npv(std::span<const double> flows, double rate);

struct Irr {
  std::optional<double> value{};  // the only root found; nullopt when there is none or several
  std::vector<double> roots{};    // every root found between −99% and 100,000%, ascending
  int sign_changes = 0;           // in the flows, zeros skipped
  std::string note{};             // why `value` is null, or a caution; empty when neither
};

// The rates r with npv(flows, r) = 0. The search brackets roots on a grid of 1 + r spaced
// geometrically from 0.01 to 1001 (fine when the flows change sign more than once, since
// NPV may then have several roots) and refines each bracket with Brent's method.
Irr irr(std::span<const double> flows);

struct Payback {
  double months = 0;  // from enrolment
  int year = 0;       // the 0-based year in which it falls (the break-even year)
};

// The moment after which the running total of the flows stays at or above zero through the last
// flow, each year's flow taken as spread evenly over its twelve months; nullopt ("never") when
// the total ends below zero. Looking past the first crossing matters: a loan disbursed upfront
// can make the total positive early, before repayments pull it back down.
std::optional<Payback> payback(std::span<const double> flows);

// A root of `f` in [a, b], where f(a) and f(b) differ in sign or one is zero, to within
// `tolerance`: Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives",
// 1973, ch. 4, the `zero` procedure): inverse quadratic or secant steps, bisection when they
// stall, so it never leaves the bracket and converges at least as fast as bisection.
template <class F>
double find_root(F&& f, double a, double b, double tolerance) {
  constexpr double epsilon = std::numeric_limits<double>::epsilon();
  double fa = f(a);
  double fb = f(b);
  double c = a;
  double fc = fa;
  double step = b - a;
  double previous_step = step;
  for (int iteration = 0; iteration < 200; ++iteration) {
    // Keep b the best estimate and c its partner on the other side of the root.
    if (std::abs(fc) < std::abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const double tol = 2 * epsilon * std::abs(b) + tolerance / 2;
    const double half_gap = (c - b) / 2;
    if (std::abs(half_gap) <= tol || fb == 0) return b;
    bool interpolated = false;
    if (std::abs(previous_step) >= tol && std::abs(fa) > std::abs(fb)) {
      const double s = fb / fa;
      double p;
      double q;
      if (a == c) {
        // Secant.
        p = 2 * half_gap * s;
        q = 1 - s;
      } else {
        // Inverse quadratic interpolation.
        const double qa = fa / fc;
        const double r = fb / fc;
        p = s * (2 * half_gap * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = std::abs(p);
      // Accept the step only if it lands well inside the bracket and shrinks fast enough.
      if (2 * p < 3 * half_gap * q - std::abs(tol * q) && p < std::abs(previous_step * q / 2)) {
        previous_step = step;
        step = p / q;
        interpolated = true;
      }
    }
    if (!interpolated) {
      step = half_gap;
      previous_step = step;
    }
    a = b;
    fa = fb;
    b += std::abs(step) > tol ? step : std::copysign(tol, half_gap);
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      // The root now lies between a and b.
      c = a;
      fc = fa;
      step = b - a;
      previous_step = step;
    }
  }
  return b;
}

}  // namespace disha::roi
