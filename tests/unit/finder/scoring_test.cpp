#include "features/finder/scoring.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"

namespace disha::finder {
namespace {

// Answers where every item of an area gets that area's answer.
std::vector<int> answers_by_area(Form form, const PerArea<int>& answer_for_area) {
  std::vector<int> answers;
  for (std::size_t position = 0; position < item_count(form); ++position) {
    answers.push_back(answer_for_area[index(item_area(form, position))]);
  }
  return answers;
}

TEST(Scoring, LongFormSumsAnswerMinusOnePerArea) {
  EXPECT_EQ(score_answers(Form::long_form, std::vector<int>(60, 1)),
            (AreaScores{0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(score_answers(Form::long_form, std::vector<int>(60, 5)),
            (AreaScores{40, 40, 40, 40, 40, 40}));
  EXPECT_EQ(score_answers(Form::long_form, answers_by_area(Form::long_form, {5, 4, 3, 2, 1, 3})),
            (AreaScores{40, 30, 20, 10, 0, 20}));
}

TEST(Scoring, EachLongFormAnswerCountsForItsOwnArea) {
  std::vector<int> answers(60, 1);
  answers[0] = 5;   // R01
  answers[3] = 3;   // I02
  answers[11] = 2;  // C02
  answers[12] = 4;  // R03
  answers[57] = 5;  // E10
  EXPECT_EQ(score_answers(Form::long_form, answers), (AreaScores{7, 2, 0, 0, 4, 1}));
}

TEST(Scoring, ShortFormIsDoubledOntoTheSameZeroToFortyRange) {
  EXPECT_EQ(score_answers(Form::short_form, std::vector<int>(30, 5)),
            (AreaScores{40, 40, 40, 40, 40, 40}));
  EXPECT_EQ(score_answers(Form::short_form, std::vector<int>(30, 1)),
            (AreaScores{0, 0, 0, 0, 0, 0}));
  std::vector<int> answers(30, 1);
  answers[0] = 2;   // R01: 1 point, doubled
  answers[7] = 5;   // I03: 4 points, doubled
  answers[29] = 4;  // C09: 3 points, doubled
  EXPECT_EQ(score_answers(Form::short_form, answers), (AreaScores{2, 8, 0, 0, 0, 6}));
  EXPECT_EQ(score_answers(Form::short_form, answers_by_area(Form::short_form, {5, 4, 3, 2, 1, 3})),
            (AreaScores{40, 30, 20, 10, 0, 20}));
}

TEST(Scoring, BothFormsGiveTheSameScoresWhenBothItemsOfEveryPairGetTheSameAnswer) {
  const std::vector<int> short_answers = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5,
                                          5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 3, 3, 3, 3, 3};
  std::vector<int> long_answers;
  for (int answer : short_answers) long_answers.insert(long_answers.end(), {answer, answer});
  // Short-form item i is long-form item 2i, and item 2i+1 is its pair partner.
  EXPECT_EQ(score_answers(Form::long_form, long_answers),
            score_answers(Form::short_form, short_answers));
}

void expect_rejected(Form form, const std::vector<int>& answers, const std::string& field,
                     const std::string& fragment) {
  try {
    score_answers(form, answers);
    FAIL() << "accepted; expected an error on " << field;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), field);
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(Scoring, RejectsTheWrongNumberOfAnswersForTheForm) {
  expect_rejected(Form::long_form, std::vector<int>(59, 3), "answers", "got 59");
  expect_rejected(Form::long_form, std::vector<int>(61, 3), "answers", "60 values");
  expect_rejected(Form::long_form, {}, "answers", "got 0");
  expect_rejected(Form::short_form, std::vector<int>(60, 3), "answers", "the short form has 30");
}

TEST(Scoring, RejectsAnswersOutsideOneToFiveNamingThePosition) {
  for (int bad : {0, 6, -1, 100}) {
    std::vector<int> answers(60, 3);
    answers[7] = bad;
    expect_rejected(Form::long_form, answers, "answers[7]", "got " + std::to_string(bad));
  }
  std::vector<int> answers(30, 3);
  answers[29] = 0;
  expect_rejected(Form::short_form, answers, "answers[29]", "from 1 (Strongly dislike) to 5");
}

TEST(HollandOrder, SortsAreasByDescendingScore) {
  EXPECT_EQ(letters(holland_order({10, 30, 5, 20, 25, 0})), "IESRAC");
  EXPECT_EQ(letters(holland_order({0, 1, 2, 3, 4, 5})), "CESAIR");
}

TEST(HollandOrder, BreaksTiesInRiasecOrder) {
  EXPECT_EQ(letters(holland_order({20, 20, 20, 20, 20, 20})), "RIASEC");
  EXPECT_EQ(letters(holland_order({10, 20, 20, 5, 20, 5})), "IAERSC");
  EXPECT_EQ(letters(holland_order({7, 0, 0, 0, 0, 7})), "RCIASE");
  EXPECT_EQ(letters(holland_order({0, 3, 0, 3, 0, 3})), "ISCRAE");
}

}  // namespace
}  // namespace disha::finder
