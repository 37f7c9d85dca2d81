#pragma once
// The O*NET tables the Career Finder ships (data/onet/occupations.tsv, made by
// scripts/derive-onet) and the mapping of Disha's careers to O*NET-SOC codes
// (data/finder/careers.tsv). Parsed from text handed in by the caller; no file I/O here.
#include <string>
#include <string_view>
#include <vector>

#include "features/finder/riasec.hpp"

namespace disha::finder {

// Required with every use of the data (CC BY 4.0), in data/onet/README.md and every response.
inline constexpr std::string_view onet_credit =
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET\u00ae is a trademark of USDOL/ETA. Disha has modified all or some of this information. "
    "USDOL/ETA has not approved, endorsed, or tested these modifications.";

inline constexpr int min_job_zone = 1;
inline constexpr int max_job_zone = 5;
// O*NET's Occupational Interest (OI) scale.
inline constexpr double min_interest_level = 1.0;
inline constexpr double max_interest_level = 7.0;

struct Occupation {
  std::string code;  // O*NET-SOC code, "15-1252.00"
  std::string title;
  int job_zone = 0;          // 1 (little preparation) to 5 (extensive preparation)
  PerArea<double> levels{};  // OI levels, 1 to 7
};

// One of Disha's careers and the O*NET occupation whose interest profile stands in for it.
struct CareerMapping {
  std::string slug;  // the catalogue's career slug, "backend-developer"
  std::string name;
  std::string onet_soc_code;
  std::string reason;  // why this occupation is the closest one, shown to learners
};

// O*NET's name for a Job Zone, e.g. "Considerable preparation needed" for 4.
std::string_view job_zone_name(int job_zone);

bool is_onet_soc_code(std::string_view text) noexcept;

// data/onet/occupations.tsv: header onet_soc_code, title, job_zone, R, I, A, S, E, C; codes
// ascending and unique. Throws Error(internal) on any deviation.
std::vector<Occupation> parse_occupations(std::string_view occupations_tsv);

// data/finder/careers.tsv: header slug, name, onet_soc_code, reason; slugs unique.
// Throws Error(internal) on any deviation.
std::vector<CareerMapping> parse_career_mappings(std::string_view careers_tsv);

}  // namespace disha::finder
