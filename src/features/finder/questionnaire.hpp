#pragma once
// The Career Finder's questionnaire: 60 work-activity statements written for Disha (not the
// O*NET Interest Profiler's), 10 per RIASEC area, rated 1 (strongly dislike) to 5 (strongly like).
//
// Long form: the 60 items in the order R R I I A A S S E E C C, five times over.
// Short form: 30 items cycling R I A S E C, five times over. It takes the first item of every
// same-area pair of the long form (R01 R03 … R09, I01 …), so each short-form answer means the same
// as the long-form answer to that statement.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "features/finder/riasec.hpp"

namespace disha::finder {

enum class Form { long_form, short_form };

std::string_view to_string(Form form) noexcept;  // "long", "short"
std::optional<Form> form_from_string(std::string_view text) noexcept;

inline constexpr std::size_t long_form_items = 60;
inline constexpr std::size_t short_form_items = 30;
constexpr std::size_t item_count(Form form) noexcept {
  return form == Form::long_form ? long_form_items : short_form_items;
}

// One R R I I A A S S E E C C run of the long form.
inline constexpr std::size_t long_form_block = 2 * area_count;

// The area that the item at `position` (0-based) of `form` measures; the fixed layout above.
constexpr Area item_area(Form form, std::size_t position) noexcept {
  const std::size_t area =
      form == Form::long_form ? position % long_form_block / 2 : position % area_count;
  return all_areas[area];
}

struct AnswerOption {
  int value;
  std::string_view label;
};
inline constexpr int min_answer = 1;
inline constexpr int max_answer = 5;
inline constexpr std::array<AnswerOption, 5> answer_scale = {
    {{1, "Strongly dislike"}, {2, "Dislike"}, {3, "Not sure"}, {4, "Like"}, {5, "Strongly like"}}};

struct Item {
  std::string id;  // area letter and number within the area: "R01" … "C10"
  Area area;
  std::string text;
};

class Questionnaire {
 public:
  // Parses data/finder/items.tsv (header id, area, text; the 60 items in long-form order) and
  // checks it against the layout: right areas in the right places, ids R01…C10 in order.
  // Throws Error(internal) on any deviation.
  static Questionnaire from_tsv(std::string_view items_tsv);

  std::span<const Item> items(Form form) const noexcept;

 private:
  std::vector<Item> long_form_;
  std::vector<Item> short_form_;
};

}  // namespace disha::finder
