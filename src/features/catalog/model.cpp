#include "features/catalog/model.hpp"

#include <array>
#include <utility>

#include "core/error.hpp"

namespace disha::catalog {

namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <class E, std::size_t N>
E parse_name(const std::array<std::pair<E, std::string_view>, N>& names, std::string_view text,
             std::string_view field) {
  std::string allowed;
  for (const auto& [value, name] : names) {
    if (name == text) return value;
    allowed += allowed.empty() ? "" : ", ";
    allowed += name;
  }
  throw Error(ErrorCode::unprocessable, std::string(field) + " must be one of " + allowed,
              std::string(field));
}

constexpr std::array<std::pair<EntityKind, std::string_view>, 2> kEntityKinds{
    {{EntityKind::university, "university"}, {EntityKind::programme, "programme"}}};
constexpr std::array<std::pair<FactorGroup, std::string_view>, 5> kGroups{
    {{FactorGroup::recognition, "recognition"},
     {FactorGroup::fees, "fees"},
     {FactorGroup::learning, "learning"},
     {FactorGroup::outcomes, "outcomes"},
     {FactorGroup::support, "support"}}};
constexpr std::array<std::pair<ValueType, std::string_view>, 5> kValueTypes{
    {{ValueType::number, "number"},
     {ValueType::boolean, "boolean"},
     {ValueType::grade, "grade"},
     {ValueType::enumeration, "enum"},
     {ValueType::text, "text"}}};
constexpr std::array<std::pair<Direction, std::string_view>, 3> kDirections{
    {{Direction::higher_better, "higher_better"},
     {Direction::lower_better, "lower_better"},
     {Direction::none, "none"}}};

bool is_ascii_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string_view to_string(EntityKind kind) noexcept {
  return name_of(kEntityKinds, kind);
}
std::string_view to_string(FactorGroup group) noexcept {
  return name_of(kGroups, group);
}
std::string_view to_string(ValueType type) noexcept {
  return name_of(kValueTypes, type);
}
std::string_view to_string(Direction direction) noexcept {
  return name_of(kDirections, direction);
}

EntityKind parse_entity_kind(std::string_view text, std::string_view field) {
  return parse_name(kEntityKinds, text, field);
}
FactorGroup parse_factor_group(std::string_view text, std::string_view field) {
  return parse_name(kGroups, text, field);
}
ValueType parse_value_type(std::string_view text, std::string_view field) {
  return parse_name(kValueTypes, text, field);
}
Direction parse_direction(std::string_view text, std::string_view field) {
  return parse_name(kDirections, text, field);
}

std::string slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (char c : text) {
    if (is_ascii_alnum(c)) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (static_cast<unsigned char>(c) < 0x80 && c != '.' && c != '\'') {
      // "B.Tech" → "btech" and "Women's" → "womens"; other ASCII separates words.
      pending_dash = true;
    }
  }
  return slug;
}

bool is_slug(std::string_view text) noexcept {
  if (text.empty() || text.size() > 160 || text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    auto bar = text.find('|');
    auto item = text.substr(0, bar);
    if (!item.empty()) items.emplace_back(item);
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return items;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += '|';
    joined += item;
  }
  return joined;
}

}  // namespace disha::catalog
