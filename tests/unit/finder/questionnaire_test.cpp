#include "features/finder/questionnaire.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "shipped_tables.hpp"

namespace disha::finder {
namespace {

using testing::items_tsv;

std::string area_letters(std::span<const Item> items) {
  std::string letters;
  for (const Item& item : items) letters += letter(item.area);
  return letters;
}

std::string repeated(const std::string& block, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += block;
  return text;
}

const Questionnaire& shipped() {
  return testing::shipped_finder().questionnaire();
}

TEST(Questionnaire, LongFormHasSixtyItemsInPairsRRIIAASSEECCFiveTimes) {
  const auto items = shipped().items(Form::long_form);
  ASSERT_EQ(items.size(), 60u);
  EXPECT_EQ(area_letters(items), repeated("RRIIAASSEECC", 5));
  EXPECT_EQ(items[0].id, "R01");
  EXPECT_EQ(items[1].id, "R02");
  EXPECT_EQ(items[12].id, "R03");
  EXPECT_EQ(items[59].id, "C10");
}

TEST(Questionnaire, ShortFormHasThirtyItemsCyclingRIASECFiveTimes) {
  const auto items = shipped().items(Form::short_form);
  ASSERT_EQ(items.size(), 30u);
  EXPECT_EQ(area_letters(items), repeated("RIASEC", 5));
}

TEST(Questionnaire, ShortFormTakesTheFirstItemOfEveryLongFormPair) {
  const auto long_form = shipped().items(Form::long_form);
  const auto short_form = shipped().items(Form::short_form);
  for (std::size_t i = 0; i < short_form.size(); ++i) {
    const Item& first_of_pair = long_form[2 * i];
    EXPECT_EQ(short_form[i].id, first_of_pair.id);
    EXPECT_EQ(short_form[i].text, first_of_pair.text);
  }
  EXPECT_EQ(short_form[6].id, "R03");
  EXPECT_EQ(short_form[29].id, "C09");
}

TEST(Questionnaire, TenItemsPerAreaWithUniqueIdsAndStatements) {
  std::map<char, int> per_area;
  std::set<std::string> ids, texts;
  for (const Item& item : shipped().items(Form::long_form)) {
    ++per_area[letter(item.area)];
    ids.insert(item.id);
    texts.insert(item.text);
    EXPECT_EQ(item.id[0], letter(item.area)) << item.id;
  }
  EXPECT_EQ(per_area, (std::map<char, int>{
                          {'R', 10}, {'I', 10}, {'A', 10}, {'S', 10}, {'E', 10}, {'C', 10}}));
  EXPECT_EQ(ids.size(), 60u);
  EXPECT_EQ(texts.size(), 60u);
}

TEST(Questionnaire, ItemAreaFollowsTheLayoutOfBothForms) {
  EXPECT_EQ(item_area(Form::long_form, 0), Area::realistic);
  EXPECT_EQ(item_area(Form::long_form, 1), Area::realistic);
  EXPECT_EQ(item_area(Form::long_form, 2), Area::investigative);
  EXPECT_EQ(item_area(Form::long_form, 11), Area::conventional);
  EXPECT_EQ(item_area(Form::long_form, 12), Area::realistic);
  EXPECT_EQ(item_area(Form::long_form, 58), Area::conventional);
  EXPECT_EQ(item_area(Form::short_form, 0), Area::realistic);
  EXPECT_EQ(item_area(Form::short_form, 5), Area::conventional);
  EXPECT_EQ(item_area(Form::short_form, 6), Area::realistic);
  EXPECT_EQ(item_area(Form::short_form, 29), Area::conventional);
  EXPECT_EQ(item_count(Form::long_form), 60u);
  EXPECT_EQ(item_count(Form::short_form), 30u);
}

TEST(Questionnaire, AnswerScaleRunsFromStronglyDislikeToStronglyLike) {
  ASSERT_EQ(answer_scale.size(), 5u);
  for (std::size_t i = 0; i < answer_scale.size(); ++i) {
    EXPECT_EQ(answer_scale[i].value, static_cast<int>(i) + 1);
    EXPECT_FALSE(answer_scale[i].label.empty());
  }
  EXPECT_EQ(answer_scale.front().label, "Strongly dislike");
  EXPECT_EQ(answer_scale.back().label, "Strongly like");
}

TEST(Questionnaire, FormNamesRoundTrip) {
  EXPECT_EQ(form_from_string("long"), Form::long_form);
  EXPECT_EQ(form_from_string("short"), Form::short_form);
  EXPECT_EQ(form_from_string("Long"), std::nullopt);
  EXPECT_EQ(form_from_string(""), std::nullopt);
  EXPECT_EQ(to_string(Form::long_form), "long");
  EXPECT_EQ(to_string(Form::short_form), "short");
}

// Replaces the first occurrence of `from` in the shipped items.
std::string edited_items(const std::string& from, const std::string& to) {
  std::string text = items_tsv();
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

void expect_broken(const std::string& items, const std::string& fragment) {
  try {
    Questionnaire::from_tsv(items);
    FAIL() << "accepted a broken table; expected: " << fragment;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

TEST(Questionnaire, RejectsItemsThatBreakTheLayout) {
  std::vector<std::string> swapped = lines_of(items_tsv());
  std::swap(swapped[2], swapped[3]);  // R02 and I01: the areas no longer run R R I I
  expect_broken(joined(swapped), "line 3: column id: should be R02");

  std::vector<std::string> missing_last = lines_of(items_tsv());
  missing_last.pop_back();
  expect_broken(joined(missing_last), "59 items instead of 60");

  expect_broken(edited_items("R02\tR\t", "R02\tI\t"), "line 3: column area: should be R");
  expect_broken(edited_items("id\tarea\ttext", "id\tarea\tstatement"), "header");
  expect_broken(edited_items("R02\tR\t", "R02\tR\t\t"), "line 3: 4 fields instead of 3");
  expect_broken(edited_items("R02\tR\tW", "R02\tR\t W"), "surrounding spaces");
  expect_broken("", "empty");
}

TEST(Questionnaire, AcceptsWindowsLineEndings) {
  std::string crlf;
  for (char c : items_tsv()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(Questionnaire::from_tsv(crlf).items(Form::long_form)[59].text,
            shipped().items(Form::long_form)[59].text);
}

}  // namespace
}  // namespace disha::finder
