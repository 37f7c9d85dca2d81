#pragma once
// Matching a learner's six interest scores to occupations: Pearson's r between the learner's
// scores and each occupation's six O*NET interest (OI) levels. r compares the shapes of the two
// profiles (which areas are high, which low), not their heights, so the 0..40 scores and the 1..7
// levels need no common scale.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "features/finder/onet_data.hpp"
#include "features/finder/riasec.hpp"
#include "features/finder/scoring.hpp"

namespace disha::finder {

// careers: Disha's careers, each through the O*NET occupation it is mapped to.
// onet: every O*NET occupation with interest data.
enum class Scope { careers, onet };
std::string_view to_string(Scope scope) noexcept;
std::optional<Scope> scope_from_string(std::string_view text) noexcept;

enum class FitBand { best, great, good };
std::string_view to_string(FitBand band) noexcept;

// r is reported, banded and ranked rounded to thousandths, so what a learner sees is what decides.
// Thresholds in thousandths of r, best first. For six pairs of values r >= 0.811 is significant
// at the two-tailed 5% level, so "best" means a shape agreement that is unlikely by chance;
// docs/finder.md gives the full reasoning and how many occupations land in each band.
struct FitThreshold {
  FitBand band;
  int min_r_milli;
};
inline constexpr std::array<FitThreshold, 3> fit_thresholds = {
    {{FitBand::best, 800}, {FitBand::great, 600}, {FitBand::good, 400}}};

int round_to_milli(double r) noexcept;
// The band of r (in thousandths), or nullopt below the lowest threshold.
std::optional<FitBand> fit_band(int r_milli) noexcept;

// Scores that differ by less than this (max - min, of 40) show no clear pattern: with equal scores
// r is undefined, and with nearly equal ones a ranking would hang on one or two answers.
inline constexpr int min_score_spread = 4;

// Pearson's r of two six-value profiles; nullopt when either is flat (all six values equal).
std::optional<double> pearson(const PerArea<double>& x, const PerArea<double>& y);

struct AreaComparison {
  Area area;
  int learner_score = 0;        // 0..40
  double occupation_level = 0;  // 1..7
  double contribution = 0;      // this area's share of r: the six add up to r
};

struct Explanation {
  PerArea<AreaComparison> areas;  // both profiles side by side, R to C
  // Areas ordered by the size of their contribution, largest first; equal ones R to C.
  AreaList shared_high;  // above average in both profiles: the letters that drove the match
  AreaList shared_low;   // below average in both: agreement on what is liked less
  AreaList opposed;      // above average in one, below in the other: they lower r
  std::string summary;   // the above in two or three sentences
};

struct Match {
  const Occupation* occupation = nullptr;  // into the Matcher, which must outlive the Match
  const CareerMapping* career = nullptr;   // null in the onet scope
  double r = 0;                            // rounded to thousandths
  FitBand band = FitBand::good;
  Explanation explanation;

  // The career's name, or the occupation's title in the onet scope.
  std::string_view title() const noexcept;
};

inline constexpr int default_limit = 20;
inline constexpr int max_limit = 100;

struct MatchQuery {
  Scope scope = Scope::careers;
  std::optional<int> job_zone{};  // keep only occupations in this Job Zone (1..5)
  int limit = default_limit;      // return at most this many matches (1..100)
};

// Throw Error(unprocessable) naming the field ("job_zone", "limit") when out of range.
void check_job_zone(std::int64_t job_zone);
void check_limit(std::int64_t limit);

struct Ranking {
  bool clear_pattern = false;  // false: the scores are (nearly) flat and nothing is ranked
  std::size_t considered = 0;  // careers or occupations compared, after the Job Zone filter
  std::size_t matched = 0;     // how many of those fit at least "good", before the limit
  std::vector<Match> matches;  // by r descending; equal r by title, then code (slug for careers)
  std::string message;         // when there are no matches: why, and what to try
};

class Matcher {
 public:
  // Occupations with a flat profile are skipped (r is undefined for them). Throws Error(internal)
  // when a career's O*NET-SOC code is not among the occupations or its profile is flat.
  Matcher(std::vector<Occupation> occupations, std::vector<CareerMapping> careers);

  // Throws Error(unprocessable) for a job_zone or limit out of range. The matches point into
  // this Matcher, so ranking with a temporary one does not compile.
  Ranking rank(const AreaScores& scores, const MatchQuery& query) const&;
  Ranking rank(const AreaScores& scores, const MatchQuery& query) const&& = delete;

  std::span<const Occupation> occupations() const noexcept { return occupations_; }
  std::span<const CareerMapping> careers() const noexcept { return careers_; }
  const Occupation* find(std::string_view onet_soc_code) const noexcept;

 private:
  struct Candidate {
    std::size_t occupation;             // index into occupations_
    std::optional<std::size_t> career;  // index into careers_, careers scope only
    PerArea<double> shape;              // the levels centred on their mean, unit length
  };
  struct Scored {
    const Candidate* candidate;
    int r_milli;
  };

  std::string_view title(const Candidate& candidate) const noexcept;
  std::string_view code(const Candidate& candidate) const noexcept;
  bool ranks_before(const Scored& a, const Scored& b) const noexcept;
  Match make_match(const Scored& scored, const AreaScores& scores,
                   const PerArea<double>& learner_shape, Scope scope) const;

  std::vector<Occupation> occupations_;
  std::vector<CareerMapping> careers_;
  std::vector<Candidate> onet_candidates_;
  std::vector<Candidate> career_candidates_;
};

}  // namespace disha::finder
