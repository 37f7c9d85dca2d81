#pragma once
// Reading the tab-separated tables shipped under data/ (items, occupations, career mappings).
// They are build inputs, not user input: a broken table is a bug, so every problem throws
// Error(internal) naming the table, the line and the column.
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace disha::finder::tsv {

struct Row {
  std::string_view table;  // e.g. "data/onet/occupations.tsv", for messages
  std::size_t line = 0;    // 1-based; the header is line 1
  std::vector<std::string_view> fields;

  [[noreturn]] void fail(std::string_view column, std::string_view problem) const;
  // A field that is not empty and has no surrounding spaces.
  std::string_view text(std::size_t column, std::string_view column_name) const;
  int integer(std::size_t column, std::string_view column_name, int min, int max) const;
  double number(std::size_t column, std::string_view column_name, double min, double max) const;
};

// Splits `text` into rows after checking that its first line is exactly `header`. Every row must
// have one field per header column; a final line break is optional, a trailing CR is dropped.
std::vector<Row> read(std::string_view text, std::string_view table,
                      std::initializer_list<std::string_view> header);

}  // namespace disha::finder::tsv
