#include "features/finder/questionnaire.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "features/finder/tsv.hpp"

namespace disha::finder {
namespace {

constexpr std::string_view items_table = "data/finder/items.tsv";
constexpr std::size_t max_item_length = 120;

// In the long form the items of an area come in pairs; the pair's position within it, 0 or 1.
constexpr std::size_t pair_position(std::size_t long_form_position) noexcept {
  return long_form_position % 2;
}

// The id the item at a long-form position must have: R01 R02 I01 I02 … R03 R04 …
std::string expected_id(std::size_t position) {
  const std::size_t number_in_area = position / long_form_block * 2 + pair_position(position) + 1;
  return fmt::format("{}{:02}", letter(item_area(Form::long_form, position)), number_in_area);
}

}  // namespace

std::string_view to_string(Form form) noexcept {
  return form == Form::long_form ? "long" : "short";
}

std::optional<Form> form_from_string(std::string_view text) noexcept {
  if (text == "long") return Form::long_form;
  if (text == "short") return Form::short_form;
  return std::nullopt;
}

Questionnaire Questionnaire::from_tsv(std::string_view items_tsv) {
  const auto rows = tsv::read(items_tsv, items_table, {"id", "area", "text"});
  if (rows.size() != long_form_items) {
    throw Error(ErrorCode::internal, fmt::format("{} holds {} items instead of {}", items_table,
                                                 rows.size(), long_form_items));
  }
  Questionnaire questionnaire;
  for (std::size_t position = 0; position < rows.size(); ++position) {
    const tsv::Row& row = rows[position];
    const Area area = item_area(Form::long_form, position);
    const std::string id = expected_id(position);
    if (row.text(0, "id") != id) row.fail("id", fmt::format("should be {}", id));
    const std::string area_letter(1, letter(area));
    if (row.text(1, "area") != area_letter) row.fail("area", "should be " + area_letter);
    const std::string_view text = row.text(2, "text");
    if (text.size() > max_item_length) row.fail("text", "is too long");

    Item item{id, area, std::string(text)};
    if (pair_position(position) == 0) questionnaire.short_form_.push_back(item);
    questionnaire.long_form_.push_back(std::move(item));
  }
  return questionnaire;
}

std::span<const Item> Questionnaire::items(Form form) const noexcept {
  return form == Form::long_form ? long_form_ : short_form_;
}

}  // namespace disha::finder
