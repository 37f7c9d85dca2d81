// ROI engine micro-benchmarks. Targets: one deterministic ROI in under 20 µs; 10,000 Monte Carlo
// paths over 40 years in under 50 ms on one core. Run: cmake --build <dir> --target bench_roi &&
// <dir>/bench/bench_roi
#include <benchmark/benchmark.h>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include "features/roi/engine.hpp"
#include "features/roi/json.hpp"

namespace {

using namespace disha::roi;

// The docs/roi.md worked example: an online MCA taken while working, part-financed by a loan,
// 80% completion, 40 years of flows.
RoiRequest worked_example() {
  RoiRequest request;
  request.study_mode = StudyMode::while_working;
  request.cost.total_fee_inr = 150'000;
  request.cost.duration_months = 24;
  request.financing.loan_amount_inr = 100'000;
  request.financing.interest_rate = 0.10;
  request.financing.tenure_months = 24;
  request.earnings.salary_bands = std::vector<SalaryBand>{
      {0, 1, 458'000}, {1, 4, 603'000}, {5, 9, 1'000'000}, {10, 19, 2'000'000}};
  request.counterfactual.current_salary_inr = 300'000;
  request.completion.probability = 0.8;
  return request;
}

// Everything but Monte Carlo: three scenarios, loan schedule, IRRs, paybacks, the sensitivity
// table and both goal-seeks.
void BM_DeterministicRoi(benchmark::State& state) {
  RoiRequest request = worked_example();
  request.tax.enabled = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(compute_roi(request));
}
BENCHMARK(BM_DeterministicRoi)->ArgName("tax")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The same with the response built and serialised, as the HTTP route will do: with the default
// allocator, and with a monotonic_resource holding the whole tree.
void BM_DeterministicRoiToJson(benchmark::State& state) {
  const RoiRequest request = worked_example();
  const bool monotonic = state.range(0) != 0;
  for (auto _ : state) {
    boost::json::monotonic_resource resource;
    const boost::json::storage_ptr storage =
        monotonic ? boost::json::storage_ptr(&resource) : boost::json::storage_ptr();
    benchmark::DoNotOptimize(boost::json::serialize(to_json(compute_roi(request), storage)));
  }
}
BENCHMARK(BM_DeterministicRoiToJson)
    ->ArgName("monotonic")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);

// 10,000 paths over 40 years (the default horizons), placement 70%, tax on: the worst case.
void BM_MonteCarlo(benchmark::State& state) {
  RoiRequest request = worked_example();
  request.earnings.placement_probability = 0.7;
  request.tax.enabled = state.range(1) != 0;
  request.monte_carlo = MonteCarloInput{
      .paths = static_cast<int>(state.range(0)), .seed = 42, .salary_growth_sd = 0.02};
  for (auto _ : state) benchmark::DoNotOptimize(compute_roi(request));
}
BENCHMARK(BM_MonteCarlo)
    ->ArgNames({"paths", "tax"})
    ->Args({10'000, 0})
    ->Args({10'000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
