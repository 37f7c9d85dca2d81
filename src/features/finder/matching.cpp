#include "features/finder/matching.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace disha::finder {
namespace {

// The profile centred on its own mean and scaled to unit length, so that the dot product of two
// shapes is Pearson's r. Flat profiles have no shape. Flatness is tested on the values themselves:
// the floating-point mean of six equal values can differ from them in the last bit.
std::optional<PerArea<double>> profile_shape(const PerArea<double>& values) {
  const auto [min, max] = std::minmax_element(values.begin(), values.end());
  if (*min == *max) return std::nullopt;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / area_count;
  PerArea<double> shape;
  double squares = 0;
  for (std::size_t i = 0; i < area_count; ++i) {
    shape[i] = values[i] - mean;
    squares += shape[i] * shape[i];
  }
  const double length = std::sqrt(squares);
  for (double& value : shape) value /= length;
  return shape;
}

double dot(const PerArea<double>& a, const PerArea<double>& b) noexcept {
  double sum = 0;
  for (std::size_t i = 0; i < area_count; ++i) sum += a[i] * b[i];
  return std::clamp(sum, -1.0, 1.0);  // rounding may step just past ±1
}

PerArea<double> as_doubles(const AreaScores& scores) {
  PerArea<double> values;
  std::copy(scores.begin(), scores.end(), values.begin());
  return values;
}

// Appends "A", "A and B" or "A, B and C".
void append_names(std::string& text, const AreaList& areas) {
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (i > 0) text += i + 1 == areas.size() ? " and " : ", ";
    text += name(areas[i]);
  }
}

// r in thousandths as text, "0.920"; matches are never negative. Plain appends instead of fmt:
// a summary is written for every match and formatting dominated the ranking time.
void append_r(std::string& text, int r_milli) {
  text += static_cast<char>('0' + r_milli / 1000);
  text += '.';
  text += static_cast<char>('0' + r_milli / 100 % 10);
  text += static_cast<char>('0' + r_milli / 10 % 10);
  text += static_cast<char>('0' + r_milli % 10);
}

std::string explanation_summary(const Match& match, int r_milli,
                                const PerArea<double>& learner_shape, Scope scope) {
  const Explanation& why = match.explanation;
  std::string text;
  text.reserve(400);  // one allocation for the typical summary
  text += match.title();
  text += " fits your interests with r = ";
  append_r(text, r_milli);
  text += ": a ";
  text += to_string(match.band);
  text += " fit.";
  if (!why.shared_high.empty()) {
    text += " Both profiles are above their own average in ";
    append_names(text, why.shared_high);
    text += why.shared_low.empty() ? "." : " and below it in ";
  } else if (!why.shared_low.empty()) {
    text += " Both profiles are below their own average in ";
  }
  if (!why.shared_low.empty()) {
    append_names(text, why.shared_low);
    text += '.';
  }
  for (std::size_t i = 0; i < why.opposed.size(); ++i) {
    const Area area = why.opposed[i];
    const bool high_for_learner = learner_shape[index(area)] > 0;
    text += i == 0 ? " Against the match: " : "; ";
    text += name(area);
    text += high_for_learner ? " is above your average but below the "
                             : " is below your average but above the ";
    text += scope == Scope::careers ? "career's" : "occupation's";
  }
  if (!why.opposed.empty()) text += '.';
  return text;
}

std::string no_pattern_message(const AreaScores& scores) {
  const auto [min, max] = std::minmax_element(scores.begin(), scores.end());
  constexpr std::string_view advice =
      " Take the test again and use the whole scale: \"Strongly like\" for the activities you "
      "would enjoy most, \"Strongly dislike\" for those you would avoid.";
  if (*min == *max) {
    return fmt::format(
        "All six of your area scores are equal ({} of {}), so your answers show no clear pattern "
        "of interests and no career can be ranked against them (the correlation is "
        "undefined).{}",
        *min, max_area_score, advice);
  }
  return fmt::format(
      "Your six area scores lie within {} points of each other ({} to {} of {}): too close to "
      "show a clear pattern of interests, and a ranking would hang on one or two answers.{}",
      *max - *min, *min, *max, max_area_score, advice);
}

std::string no_match_message(const MatchQuery& query, std::size_t considered) {
  const bool careers = query.scope == Scope::careers;
  const std::string_view one = careers ? "Disha career" : "O*NET occupation";
  const std::string_view many = careers ? "Disha careers" : "O*NET occupations";
  const std::string zone = query.job_zone ? fmt::format(" in Job Zone {} ({})", *query.job_zone,
                                                        job_zone_name(*query.job_zone))
                                          : std::string();
  const double good = fit_thresholds.back().min_r_milli / 1000.0;
  std::string text;
  if (considered == 0) {
    text = fmt::format("There are no {}{}.", many, zone);
  } else if (considered == 1) {
    text = fmt::format(
        "The one {}{} does not fit your interests with r of at least {:.3f} (a "
        "good fit).",
        one, zone, good);
  } else {
    text = fmt::format(
        "None of the {} {}{} fits your interests with r of at least {:.3f} (a good "
        "fit).",
        considered, many, zone, good);
  }
  if (careers) text += " Try scope \"onet\" to compare your interests with every O*NET occupation.";
  if (query.job_zone) text += " Try another job_zone, or none.";
  return text;
}

}  // namespace

std::string_view to_string(Scope scope) noexcept {
  return scope == Scope::careers ? "careers" : "onet";
}

std::optional<Scope> scope_from_string(std::string_view text) noexcept {
  if (text == "careers") return Scope::careers;
  if (text == "onet") return Scope::onet;
  return std::nullopt;
}

std::string_view to_string(FitBand band) noexcept {
  switch (band) {
    case FitBand::best:
      return "best";
    case FitBand::great:
      return "great";
    case FitBand::good:
      return "good";
  }
  return "good";
}

int round_to_milli(double r) noexcept {
  // Half away from zero, like std::lround, but inline: it runs once per occupation.
  return static_cast<int>(r * 1000 + (r < 0 ? -0.5 : 0.5));
}

std::optional<FitBand> fit_band(int r_milli) noexcept {
  for (const FitThreshold& threshold : fit_thresholds) {
    if (r_milli >= threshold.min_r_milli) return threshold.band;
  }
  return std::nullopt;
}

std::optional<double> pearson(const PerArea<double>& x, const PerArea<double>& y) {
  const auto x_shape = profile_shape(x);
  const auto y_shape = profile_shape(y);
  if (!x_shape || !y_shape) return std::nullopt;
  return dot(*x_shape, *y_shape);
}

void check_job_zone(std::int64_t job_zone) {
  if (job_zone < min_job_zone || job_zone > max_job_zone) {
    throw Error(ErrorCode::unprocessable,
                fmt::format("job_zone must be an integer from {} to {}, got {}", min_job_zone,
                            max_job_zone, job_zone),
                "job_zone");
  }
}

void check_limit(std::int64_t limit) {
  if (limit < 1 || limit > max_limit) {
    throw Error(ErrorCode::unprocessable,
                fmt::format("limit must be an integer from 1 to {}, got {}", max_limit, limit),
                "limit");
  }
}

std::string_view Match::title() const noexcept {
  return career ? std::string_view(career->name) : std::string_view(occupation->title);
}

Matcher::Matcher(std::vector<Occupation> occupations, std::vector<CareerMapping> careers)
    : occupations_(std::move(occupations)), careers_(std::move(careers)) {
  std::vector<std::optional<PerArea<double>>> shapes;
  shapes.reserve(occupations_.size());
  for (std::size_t i = 0; i < occupations_.size(); ++i) {
    shapes.push_back(profile_shape(occupations_[i].levels));
    if (shapes.back()) onet_candidates_.push_back({i, std::nullopt, *shapes.back()});
  }
  for (std::size_t i = 0; i < careers_.size(); ++i) {
    const Occupation* occupation = find(careers_[i].onet_soc_code);
    if (!occupation) {
      throw Error(ErrorCode::internal,
                  fmt::format("career {} maps to {}, which has no interest data", careers_[i].slug,
                              careers_[i].onet_soc_code));
    }
    const std::size_t occupation_index = static_cast<std::size_t>(occupation - occupations_.data());
    if (!shapes[occupation_index]) {
      throw Error(ErrorCode::internal,
                  fmt::format("career {} maps to {}, whose interest profile is flat",
                              careers_[i].slug, careers_[i].onet_soc_code));
    }
    career_candidates_.push_back({occupation_index, i, *shapes[occupation_index]});
  }
}

const Occupation* Matcher::find(std::string_view onet_soc_code) const noexcept {
  // parse_occupations guarantees ascending codes.
  const auto it = std::lower_bound(
      occupations_.begin(), occupations_.end(), onet_soc_code,
      [](const Occupation& occupation, std::string_view code) { return occupation.code < code; });
  return it != occupations_.end() && it->code == onet_soc_code ? &*it : nullptr;
}

std::string_view Matcher::title(const Candidate& candidate) const noexcept {
  return candidate.career ? std::string_view(careers_[*candidate.career].name)
                          : std::string_view(occupations_[candidate.occupation].title);
}

std::string_view Matcher::code(const Candidate& candidate) const noexcept {
  return candidate.career ? std::string_view(careers_[*candidate.career].slug)
                          : std::string_view(occupations_[candidate.occupation].code);
}

bool Matcher::ranks_before(const Scored& a, const Scored& b) const noexcept {
  if (a.r_milli != b.r_milli) return a.r_milli > b.r_milli;
  const std::string_view title_a = title(*a.candidate), title_b = title(*b.candidate);
  if (title_a != title_b) return title_a < title_b;
  return code(*a.candidate) < code(*b.candidate);
}

Ranking Matcher::rank(const AreaScores& scores, const MatchQuery& query) const& {
  if (query.job_zone) check_job_zone(*query.job_zone);
  check_limit(query.limit);

  Ranking ranking;
  const auto [min, max] = std::minmax_element(scores.begin(), scores.end());
  if (*max - *min < min_score_spread) {
    ranking.message = no_pattern_message(scores);
    return ranking;
  }
  ranking.clear_pattern = true;
  const PerArea<double> learner_shape = *profile_shape(as_doubles(scores));

  const auto& candidates = query.scope == Scope::careers ? career_candidates_ : onet_candidates_;
  std::vector<Scored> fits;
  fits.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    if (query.job_zone && occupations_[candidate.occupation].job_zone != *query.job_zone) continue;
    ++ranking.considered;
    const int r_milli = round_to_milli(dot(learner_shape, candidate.shape));
    if (fit_band(r_milli)) fits.push_back({&candidate, r_milli});
  }
  ranking.matched = fits.size();

  const std::size_t kept = std::min(fits.size(), static_cast<std::size_t>(query.limit));
  std::partial_sort(fits.begin(), fits.begin() + static_cast<std::ptrdiff_t>(kept), fits.end(),
                    [this](const Scored& a, const Scored& b) { return ranks_before(a, b); });
  ranking.matches.reserve(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    ranking.matches.push_back(make_match(fits[i], scores, learner_shape, query.scope));
  }
  if (ranking.matches.empty()) ranking.message = no_match_message(query, ranking.considered);
  return ranking;
}

Match Matcher::make_match(const Scored& scored, const AreaScores& scores,
                          const PerArea<double>& learner_shape, Scope scope) const {
  const Candidate& candidate = *scored.candidate;
  Match match;
  match.occupation = &occupations_[candidate.occupation];
  match.career = candidate.career ? &careers_[*candidate.career] : nullptr;
  match.r = scored.r_milli / 1000.0;
  match.band = *fit_band(scored.r_milli);

  Explanation& why = match.explanation;
  for (Area area : all_areas) {
    const std::size_t i = index(area);
    why.areas[i] = {area, scores[i], match.occupation->levels[i],
                    learner_shape[i] * candidate.shape[i]};
    const double learner = learner_shape[i], occupation = candidate.shape[i];
    if (learner > 0 && occupation > 0) why.shared_high.push_back(area);
    if (learner < 0 && occupation < 0) why.shared_low.push_back(area);
    if ((learner > 0 && occupation < 0) || (learner < 0 && occupation > 0)) {
      why.opposed.push_back(area);
    }
  }
  // Larger contributions first, equal ones in R..C order: a strict order, so no stable sort.
  const auto by_weight = [&](Area a, Area b) {
    const double weight_a = std::abs(why.areas[index(a)].contribution);
    const double weight_b = std::abs(why.areas[index(b)].contribution);
    return weight_a != weight_b ? weight_a > weight_b : index(a) < index(b);
  };
  for (AreaList* areas : {&why.shared_high, &why.shared_low, &why.opposed}) {
    std::sort(areas->begin(), areas->end(), by_weight);
  }
  why.summary = explanation_summary(match, scored.r_milli, learner_shape, scope);
  return match;
}

}  // namespace disha::finder
