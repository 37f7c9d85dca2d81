// Career Finder micro-benchmarks. The target: ranking a learner against all 923 O*NET
// occupations in under 100 µs. Run: cmake --build <dir> --target bench_finder &&
// <dir>/bench/bench_finder
#include <benchmark/benchmark.h>

#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "features/finder/finder.hpp"
#include "features/finder/json.hpp"

namespace {

using namespace disha::finder;

// The benchmark has no compile definitions of its own, so it finds the source tree from its own
// path (CMake compiles it by absolute path).
std::string read_table(const std::string& relative_path) {
  const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / relative_path;
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

struct Tables {
  std::string items = read_table("data/finder/items.tsv");
  std::string occupations = read_table("data/onet/occupations.tsv");
  std::string careers = read_table("data/finder/careers.tsv");
};

const Tables& tables() {
  static const Tables shipped;
  return shipped;
}

const Finder& finder() {
  static const Finder shipped =
      Finder::from_tables(tables().items, tables().occupations, tables().careers);
  return shipped;
}

// The worked example of docs/finder.md: 308 of the 923 occupations fit at least "good".
constexpr std::array<int, 60> example_answers = {
    3, 2, 5, 4, 2, 1, 3, 2, 2, 3, 4, 5, 1, 3, 5, 4, 2, 1, 2, 1, 1, 2, 4, 4, 2, 2, 5, 4, 2, 2,
    2, 3, 3, 3, 3, 4, 1, 3, 5, 4, 2, 1, 2, 1, 1, 2, 4, 5, 2, 3, 4, 4, 2, 3, 2, 2, 2, 3, 4, 3};
const AreaScores example_scores = score_answers(Form::long_form, example_answers);

void BM_RankAllOccupations(benchmark::State& state) {
  const MatchQuery query{.scope = Scope::onet, .limit = static_cast<int>(state.range(0))};
  for (auto _ : state) {
    benchmark::DoNotOptimize(finder().matcher().rank(example_scores, query));
  }
}
BENCHMARK(BM_RankAllOccupations)->Arg(default_limit)->Arg(max_limit)->Unit(benchmark::kMicrosecond);

void BM_RankAllOccupationsInOneJobZone(benchmark::State& state) {
  const MatchQuery query{.scope = Scope::onet, .job_zone = 4};
  for (auto _ : state) {
    benchmark::DoNotOptimize(finder().matcher().rank(example_scores, query));
  }
}
BENCHMARK(BM_RankAllOccupationsInOneJobZone)->Unit(benchmark::kMicrosecond);

void BM_RankCareers(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(finder().matcher().rank(example_scores, {.scope = Scope::careers}));
  }
}
BENCHMARK(BM_RankCareers)->Unit(benchmark::kMicrosecond);

// A whole request as the API serves it: parse the JSON body, score, rank all occupations, write
// the JSON response.
void BM_RequestToResponseJson(benchmark::State& state) {
  std::string body = R"({"scope": "onet", "answers": [)";
  for (int answer : example_answers) body += std::to_string(answer) + ",";
  body.back() = ']';
  body += "}";
  const boost::json::value parsed = boost::json::parse(body);
  for (auto _ : state) {
    const Result result = finder().evaluate(parse_request(parsed));
    benchmark::DoNotOptimize(boost::json::serialize(to_json(result)));
  }
}
BENCHMARK(BM_RequestToResponseJson)->Unit(benchmark::kMicrosecond);

// Start-up cost: parsing the three shipped tables into a Finder.
void BM_BuildFinderFromTables(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        Finder::from_tables(tables().items, tables().occupations, tables().careers));
  }
}
BENCHMARK(BM_BuildFinderFromTables)->Unit(benchmark::kMicrosecond);

}  // namespace
