#pragma once
// A deterministic demo catalogue for scale tests and demos: universities with generated names
// and factor values, each offering programmes of the article's course types. Everything it
// makes is flagged is_demo, and the same options always give the same catalogue (its random
// numbers come from a seeded SplitMix64, not from the standard library's distributions, whose
// output differs between implementations).
#include <cstdint>
#include <vector>

#include "features/catalog/model.hpp"

namespace disha::catalog {

struct GenerateOptions {
  std::size_t universities = 100;
  std::size_t programmes_per_university = 5;
  std::uint64_t seed = 1;
};

struct DemoCatalogue {
  std::vector<University> universities;
  std::vector<Programme> programmes;
};

// Programmes take their course, level, mode and typical fee from `courses` and lead to some of
// `careers`; both must not be empty. Throws disha::Error(unprocessable) for options out of range
// (universities 1..1,000,000; programmes per university 0..100).
DemoCatalogue generate_demo_catalogue(const GenerateOptions& options,
                                      const std::vector<Course>& courses,
                                      const std::vector<Career>& careers);

}  // namespace disha::catalog
