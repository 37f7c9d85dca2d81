// Catalogue text index micro-benchmarks over 110,000 generated documents (10k universities and
// 100k programmes, ~6 tokens each). Targets: the build well under a second; a two-term query
// (one exact, one prefix) well under 1 ms. Run: cmake --build <dir> --target
// bench_catalog_text_index && <dir>/bench/bench_catalog_text_index
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "features/catalog/text_index.hpp"

namespace {

using disha::catalog::TextField;
using disha::catalog::TextIndex;

constexpr std::uint32_t kDocuments = 110'000;
constexpr std::size_t kPageSize = 20;

struct Document {
  std::string name;  // weight 3
  std::string city;  // weight 1
  std::string kind;  // weight 1
};

// Names of two to four pseudo-words of Indian-sounding syllables (a vocabulary of tens of
// thousands with many near neighbours), a real city, and a discipline.
struct Catalogue {
  std::vector<std::string> name_words;
  std::vector<Document> documents;

  Catalogue() {
    std::mt19937 random(7);
    const auto pick = [&random](std::size_t count) { return random() % count; };
    constexpr std::string_view syllables[] = {
        "ka",  "ri", "man", "del", "hi", "pur", "ab", "na",   "ga",  "ram", "vi",   "sha", "lo",
        "ten", "ja", "bad", "nai", "ko", "ta",  "gu", "chen", "ish", "war", "dhan", "mu",  "pra"};
    constexpr std::string_view cities[] = {"delhi",   "mumbai",  "pune",    "kanpur", "chennai",
                                           "kolkata", "jaipur",  "lucknow", "indore", "bhopal",
                                           "noida",   "nagpur",  "patna",   "ranchi", "surat",
                                           "mysuru",  "vellore", "manipal", "kochi",  "guwahati"};
    constexpr std::string_view kinds[] = {"university", "institute", "college"};
    constexpr std::string_view disciplines[] = {"engineering", "management", "technology",
                                                "science",     "arts",       "commerce",
                                                "law",         "medicine",   "pharmacy"};
    for (int i = 0; i < 30'000; ++i) {
      std::string word;
      for (std::size_t n = 2 + pick(3); n > 0; --n) word += syllables[pick(std::size(syllables))];
      name_words.push_back(word);
    }
    for (std::uint32_t doc = 0; doc < kDocuments; ++doc) {
      Document document;
      for (std::size_t n = 1 + pick(3); n > 0; --n) {
        document.name += name_words[pick(name_words.size())] + " ";
      }
      document.name += kinds[pick(std::size(kinds))];
      document.city = cities[pick(std::size(cities))];
      document.kind = disciplines[pick(std::size(disciplines))];
      documents.push_back(std::move(document));
    }
  }

  TextIndex build() const {
    TextIndex::Builder builder;
    for (std::uint32_t doc = 0; doc < kDocuments; ++doc) {
      const Document& document = documents[doc];
      const TextField fields[] = {{document.name, 3}, {document.city, 1}, {document.kind, 1}};
      builder.add(doc, fields);
    }
    return std::move(builder).build();
  }
};

const Catalogue& catalogue() {
  static const Catalogue instance;
  return instance;
}

const TextIndex& catalogue_index() {
  static const TextIndex index = catalogue().build();
  return index;
}

void BM_Build(benchmark::State& state) {
  const Catalogue& data = catalogue();
  for (auto _ : state) benchmark::DoNotOptimize(data.build());
  state.counters["vocabulary"] = static_cast<double>(catalogue_index().vocabulary_size());
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond);

void run_search(benchmark::State& state, const std::string& query, std::size_t limit) {
  const TextIndex& index = catalogue_index();
  std::size_t hits = 0;
  for (auto _ : state) {
    const std::vector<TextIndex::Hit> result = index.search(query, limit);
    hits = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.SetLabel(query);
  state.counters["hits"] = static_cast<double>(hits);
}

// All hits ranked, as a caller that filters afterwards needs them, and the first page only.
void BM_Search(benchmark::State& state, const char* query) {
  run_search(state, query, state.range(0) == 0 ? TextIndex::kAllHits : kPageSize);
}

// A name word: an exact match in a few dozen documents.
void BM_SearchRareName(benchmark::State& state) {
  run_search(state, catalogue().name_words[1234], TextIndex::kAllHits);
}
BENCHMARK(BM_SearchRareName)->Unit(benchmark::kMicrosecond);

BENCHMARK_CAPTURE(BM_Search, exact, "engineering")
    ->ArgName("page")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, exact_and_prefix, "delhi univ")
    ->ArgName("page")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, three_terms, "pune management coll")
    ->ArgName("page")
    ->Arg(0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, prefix, "manag")
    ->ArgName("page")
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);
// Prefix of thousands of name words: the first keystroke.
BENCHMARK_CAPTURE(BM_Search, first_letter, "k")
    ->ArgName("page")
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);
// Typos: one edit allowed for 4-7 letters, two from 8 letters on (the widest length window).
BENCHMARK_CAPTURE(BM_Search, typo_short, "dehli")
    ->ArgName("page")
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, typo_long, "managment")
    ->ArgName("page")
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, typo_and_prefix, "enginering del")
    ->ArgName("page")
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
