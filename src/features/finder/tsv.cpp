#include "features/finder/tsv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

#include "core/error.hpp"

namespace disha::finder::tsv {
namespace {

[[noreturn]] void fail_at(std::string_view table, std::size_t line, std::string_view problem) {
  throw Error(ErrorCode::internal, fmt::format("{}, line {}: {}", table, line, problem));
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

void Row::fail(std::string_view column, std::string_view problem) const {
  fail_at(table, line, fmt::format("column {}: {}", column, problem));
}

std::string_view Row::text(std::size_t column, std::string_view column_name) const {
  const std::string_view value = fields.at(column);
  if (value.empty()) fail(column_name, "is empty");
  if (value.front() == ' ' || value.back() == ' ') fail(column_name, "has surrounding spaces");
  return value;
}

int Row::integer(std::size_t column, std::string_view column_name, int min, int max) const {
  const std::string_view value = fields.at(column);
  int parsed = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc{} || end != value.data() + value.size() || parsed < min || parsed > max) {
    fail(column_name, fmt::format("\"{}\" is not an integer from {} to {}", value, min, max));
  }
  return parsed;
}

double Row::number(std::size_t column, std::string_view column_name, double min, double max) const {
  const std::string_view value = fields.at(column);
  double parsed = 0;
  const auto [end, error] =
      std::from_chars(value.data(), value.data() + value.size(), parsed, std::chars_format::fixed);
  if (error != std::errc{} || end != value.data() + value.size() || !(parsed >= min) ||
      !(parsed <= max)) {
    fail(column_name, fmt::format("\"{}\" is not a number from {} to {}", value, min, max));
  }
  return parsed;
}

std::vector<Row> read(std::string_view text, std::string_view table,
                      std::initializer_list<std::string_view> header) {
  std::vector<Row> rows;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++line_number;

    std::vector<std::string_view> fields = split_fields(line);
    if (line_number == 1) {
      if (!std::equal(fields.begin(), fields.end(), header.begin(), header.end())) {
        fail_at(table, 1, fmt::format("the header should be: {}", fmt::join(header, ", ")));
      }
      continue;
    }
    if (fields.size() != header.size()) {
      fail_at(table, line_number,
              fmt::format("{} fields instead of {}", fields.size(), header.size()));
    }
    rows.push_back(Row{table, line_number, std::move(fields)});
  }
  if (line_number == 0) fail_at(table, 1, "the table is empty");
  return rows;
}

}  // namespace disha::finder::tsv
