#pragma once
// The tables under data/, read from the source tree (DISHA_SOURCE_DIR) for the tests. The engine
// itself never reads files; the app hands it the embedded texts.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "features/finder/finder.hpp"

namespace disha::finder::testing {

inline std::string read_source_file(const std::string& relative_path) {
  const std::string path = std::string(DISHA_SOURCE_DIR) + "/" + relative_path;
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

inline const std::string& items_tsv() {
  static const std::string text = read_source_file("data/finder/items.tsv");
  return text;
}
inline const std::string& occupations_tsv() {
  static const std::string text = read_source_file("data/onet/occupations.tsv");
  return text;
}
inline const std::string& careers_tsv() {
  static const std::string text = read_source_file("data/finder/careers.tsv");
  return text;
}

// Built once: parsing 923 rows for every test would only slow the suite down.
inline const Finder& shipped_finder() {
  static const Finder finder = Finder::from_tables(items_tsv(), occupations_tsv(), careers_tsv());
  return finder;
}

}  // namespace disha::finder::testing
