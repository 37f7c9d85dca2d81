#pragma once
// Monte Carlo over the outcome paths: each simulated learner completes or not, is placed or not,
// and has their own salary growth. Reproducible: std::mt19937_64 is specified bit for bit by the
// C++ standard, and the draws below use only +, −, × and ÷, so a seed gives the same result on
// every IEEE-754 platform (std::*_distribution output differs between standard libraries).
#include <cstdint>
#include <random>
#include <span>

#include "features/roi/projection.hpp"

namespace disha::roi {

// Uniform on [0, 1) with 53 random bits.
double uniform01(std::mt19937_64& engine);

// Approximately standard normal: the sum of twelve uniforms minus six (Irwin–Hall), mean 0,
// variance 1, bounded at ±6. Arithmetic only, hence portable.
double standard_normal(std::mt19937_64& engine);

// Linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default); `sorted`
// is ascending and non-empty, `fraction` in [0, 1].
double percentile(std::span<const double> sorted, double fraction);

// Per path, in this order: u₁ < completion probability → completes; u₂ < placement probability
// → placed; salary growth = mean + sd · standard_normal. Every path draws all three, so the
// stream does not depend on the outcomes.
MonteCarloResult simulate(const Projection& projection, const Inputs& inputs);

}  // namespace disha::roi
