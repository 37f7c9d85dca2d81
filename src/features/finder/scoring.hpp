#pragma once
// Scoring the questionnaire into six interest scores and a Holland code.
//
// Each area's score is the sum of (answer - 1) over its items: 0 to 40 on the long form (10 items
// of 0..4). The short form has 5 items an area (0..20), doubled so that both forms share the
// 0..40 range and the same reading.
#include <array>
#include <cstdint>
#include <span>

#include "features/finder/questionnaire.hpp"
#include "features/finder/riasec.hpp"

namespace disha::finder {

using AreaScores = PerArea<int>;
using HollandOrder = std::array<Area, area_count>;

inline constexpr int max_area_score = 40;
inline constexpr int short_form_multiplier = 2;
inline constexpr std::size_t holland_code_letters = 3;

// Throws Error(unprocessable) naming "answers[position]" unless min_answer <= value <= max_answer.
void check_answer(std::int64_t value, std::size_t position);

// Throws Error(unprocessable) naming "answers" (wrong count) or "answers[i]" (bad value).
AreaScores score_answers(Form form, std::span<const int> answers);

// The areas by descending score; equal scores keep the order R, I, A, S, E, C. Its first
// holland_code_letters letters (see letters()) are the Holland code proper.
HollandOrder holland_order(const AreaScores& scores);

}  // namespace disha::finder
