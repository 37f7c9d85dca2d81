#pragma once
// The Career Finder engine as a whole: the questionnaire, scoring and matching behind one object
// built once from the shipped tables. Pure: no I/O, immutable after construction, safe to share
// between threads.
#include <string_view>
#include <vector>

#include "features/finder/matching.hpp"
#include "features/finder/questionnaire.hpp"
#include "features/finder/scoring.hpp"

namespace disha::finder {

struct Request {
  Form form = Form::long_form;
  std::vector<int> answers{};  // 1..5, one per item of the form, in item order
  MatchQuery query{};
};

struct Result {
  Form form = Form::long_form;
  AreaScores scores{};  // 0..40 on both forms
  HollandOrder holland_order{};
  MatchQuery query;
  Ranking ranking;
};

class Finder {
 public:
  Finder(Questionnaire questionnaire, Matcher matcher);

  // From the texts of data/finder/items.tsv, data/onet/occupations.tsv and data/finder/careers.tsv.
  // Throws Error(internal) when a table is broken.
  static Finder from_tables(std::string_view items_tsv, std::string_view occupations_tsv,
                            std::string_view careers_tsv);

  const Questionnaire& questionnaire() const noexcept { return questionnaire_; }
  const Matcher& matcher() const noexcept { return matcher_; }

  // Scores the answers and ranks the scope. Throws Error(unprocessable) naming the field for
  // bad input. The result points into this Finder (see Match), hence no temporaries.
  Result evaluate(const Request& request) const&;
  Result evaluate(const Request& request) const&& = delete;

 private:
  Questionnaire questionnaire_;
  Matcher matcher_;
};

}  // namespace disha::finder
