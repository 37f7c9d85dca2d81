#pragma once
// The six interest areas of Holland's RIASEC model, always in the order R, I, A, S, E, C: the
// order O*NET stores them in and the order that breaks ties in a Holland code.
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace disha::finder {

enum class Area { realistic, investigative, artistic, social, enterprising, conventional };

inline constexpr std::size_t area_count = 6;
inline constexpr std::array<Area, area_count> all_areas = {Area::realistic,    Area::investigative,
                                                           Area::artistic,     Area::social,
                                                           Area::enterprising, Area::conventional};

// One value per area, indexed by index(area).
template <typename T>
using PerArea = std::array<T, area_count>;

constexpr std::size_t index(Area area) noexcept {
  return static_cast<std::size_t>(area);
}

constexpr char letter(Area area) noexcept {
  return "RIASEC"[index(area)];
}

constexpr std::string_view name(Area area) noexcept {
  constexpr PerArea<std::string_view> names = {"Realistic", "Investigative", "Artistic",
                                               "Social",    "Enterprising",  "Conventional"};
  return names[index(area)];
}

// One line for a learner: what people who score high in the area like to do.
constexpr std::string_view description(Area area) noexcept {
  constexpr PerArea<std::string_view> descriptions = {
      "Hands-on work with tools, machines, materials, plants or animals, often outdoors.",
      "Observing, researching and solving problems with ideas, data and science.",
      "Creating, designing and performing: self-expression with few fixed rules.",
      "Teaching, helping, caring for and advising people.",
      "Leading, persuading and selling; starting ventures and taking risks for results.",
      "Keeping data, records and procedures accurate and orderly by clear rules."};
  return descriptions[index(area)];
}

// Up to six areas, stored inline: an explanation holds three of these for every match, and
// ranking must not allocate for them.
class AreaList {
 public:
  void push_back(Area area) noexcept { areas_[size_++] = area; }
  Area* begin() noexcept { return areas_.data(); }
  Area* end() noexcept { return areas_.data() + size_; }
  const Area* begin() const noexcept { return areas_.data(); }
  const Area* end() const noexcept { return areas_.data() + size_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  Area operator[](std::size_t i) const noexcept { return areas_[i]; }

 private:
  std::array<Area, area_count> areas_{};
  std::size_t size_ = 0;
};

// The letters of the areas in their order, e.g. "ICRESA".
inline std::string letters(std::span<const Area> areas) {
  std::string text;
  for (Area area : areas) text += letter(area);
  return text;
}

}  // namespace disha::finder
