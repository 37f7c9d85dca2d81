#include "features/finder/scoring.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"

namespace disha::finder {

void check_answer(std::int64_t value, std::size_t position) {
  if (value < min_answer || value > max_answer) {
    throw Error(ErrorCode::unprocessable,
                fmt::format("answers[{}] must be an integer from {} ({}) to {} ({}), got {}",
                            position, min_answer, answer_scale.front().label, max_answer,
                            answer_scale.back().label, value),
                fmt::format("answers[{}]", position));
  }
}

AreaScores score_answers(Form form, std::span<const int> answers) {
  const std::size_t expected = item_count(form);
  if (answers.size() != expected) {
    throw Error(ErrorCode::unprocessable,
                fmt::format("the {} form has {} items, so answers must hold {} values, one per "
                            "item in order; got {}",
                            to_string(form), expected, expected, answers.size()),
                "answers");
  }
  AreaScores scores{};
  for (std::size_t position = 0; position < answers.size(); ++position) {
    check_answer(answers[position], position);
    scores[index(item_area(form, position))] += answers[position] - min_answer;
  }
  if (form == Form::short_form) {
    for (int& score : scores) score *= short_form_multiplier;
  }
  return scores;
}

HollandOrder holland_order(const AreaScores& scores) {
  HollandOrder order = all_areas;
  // Stable, so equal scores stay in R, I, A, S, E, C order.
  std::stable_sort(order.begin(), order.end(),
                   [&](Area a, Area b) { return scores[index(a)] > scores[index(b)]; });
  return order;
}

}  // namespace disha::finder
