#include "features/finder/finder.hpp"

#include "features/finder/onet_data.hpp"

namespace disha::finder {

Finder::Finder(Questionnaire questionnaire, Matcher matcher)
    : questionnaire_(std::move(questionnaire)), matcher_(std::move(matcher)) {}

Finder Finder::from_tables(std::string_view items_tsv, std::string_view occupations_tsv,
                           std::string_view careers_tsv) {
  return Finder(Questionnaire::from_tsv(items_tsv),
                Matcher(parse_occupations(occupations_tsv), parse_career_mappings(careers_tsv)));
}

Result Finder::evaluate(const Request& request) const& {
  Result result;
  result.form = request.form;
  result.scores = score_answers(request.form, request.answers);
  result.holland_order = holland_order(result.scores);
  result.query = request.query;
  result.ranking = matcher_.rank(result.scores, request.query);
  return result;
}

}  // namespace disha::finder
