// Typed access to result cells: the conversions the two drivers' cell types allow, and clear
// errors (logged, never shown to clients) for the ones they don't.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

#include "store/database.hpp"

namespace disha::store {

namespace {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

std::string_view kind(const Value& value) {
  switch (value.index()) {
    case 0:
      return "NULL";
    case 1:
      return "an integer";
    case 2:
      return "a real number";
    case 3:
      return "a boolean";
    default:
      return "text";
  }
}

template <class T>
std::string_view type_name() {
  if constexpr (std::is_same_v<T, std::int64_t>) return "std::int64_t";
  if constexpr (std::is_same_v<T, int>) return "int";
  if constexpr (std::is_same_v<T, double>) return "double";
  if constexpr (std::is_same_v<T, bool>) return "bool";
  if constexpr (std::is_same_v<T, std::string>) return "std::string";
}

// The whole text must be the number: "12abc" is not 12.
template <class N>
std::optional<N> parse_number(const std::string& text) {
  N number{};
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, number);
  if (error != std::errc() || stop != end) return std::nullopt;
  return number;
}

std::optional<std::int64_t> to_int64(const Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* boolean = std::get_if<bool>(&value)) return *boolean ? 1 : 0;
  if (const auto* real = std::get_if<double>(&value)) {
    // PostgreSQL's SUM and AVG of integers are numeric, which arrives as double.
    constexpr double limit = 9223372036854775808.0;  // 2^63
    if (std::isfinite(*real) && std::trunc(*real) == *real && *real >= -limit && *real < limit) {
      return static_cast<std::int64_t>(*real);
    }
    return std::nullopt;
  }
  if (const auto* text = std::get_if<std::string>(&value)) return parse_number<std::int64_t>(*text);
  return std::nullopt;
}

template <class T>
std::optional<T> convert(const Value& value) {
  if constexpr (std::is_same_v<T, std::int64_t>) {
    return to_int64(value);
  } else if constexpr (std::is_same_v<T, int>) {
    auto wide = to_int64(value);
    if (!wide || *wide < std::numeric_limits<int>::min() ||
        *wide > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
    return static_cast<int>(*wide);
  } else if constexpr (std::is_same_v<T, double>) {
    if (const auto* real = std::get_if<double>(&value)) return *real;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      return static_cast<double>(*integer);
    }
    if (const auto* text = std::get_if<std::string>(&value)) return parse_number<double>(*text);
    return std::nullopt;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (const auto* boolean = std::get_if<bool>(&value)) return *boolean;
    // SQLite has no boolean type: it stores 0 and 1.
    if (const auto* integer = std::get_if<std::int64_t>(&value);
        integer && (*integer == 0 || *integer == 1)) {
      return *integer == 1;
    }
    return std::nullopt;
  } else {
    static_assert(std::is_same_v<T, std::string>);
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    return std::nullopt;
  }
}

}  // namespace

const std::vector<std::string>& Result::columns() const {
  static const std::vector<std::string> none;
  return columns_ ? *columns_ : none;
}

const Value& Row::cell(std::size_t column) const {
  if (column >= cells_.size()) {
    throw Error(ErrorCode::internal, fmt::format("column index {} is out of range: the row has {}",
                                                 column, cells_.size()));
  }
  return cells_[column];
}

bool Row::is_null(std::size_t column) const {
  return std::holds_alternative<std::monostate>(cell(column));
}

std::size_t Row::index_of(std::string_view column) const {
  if (columns_ != nullptr) {
    for (std::size_t i = 0; i < columns_->size(); ++i) {
      if ((*columns_)[i] == column) return i;
    }
  }
  throw Error(ErrorCode::internal, fmt::format("the result has no column named '{}'", column));
}

template <class T>
T Row::get(std::size_t column) const {
  if constexpr (is_optional<T>::value) {
    if (is_null(column)) return std::nullopt;
    return get<typename T::value_type>(column);
  } else {
    const Value& value = cell(column);
    const std::string label = columns_ != nullptr && column < columns_->size()
                                  ? fmt::format("'{}'", (*columns_)[column])
                                  : fmt::format("#{}", column);
    if (std::holds_alternative<std::monostate>(value)) {
      throw Error(
          ErrorCode::internal,
          fmt::format("column {} is NULL; read it as std::optional<{}>", label, type_name<T>()));
    }
    if (auto converted = convert<T>(value)) return std::move(*converted);
    // The value itself stays out of the message: it may be personal data.
    throw Error(ErrorCode::internal, fmt::format("column {} holds {}, which cannot be read as {}",
                                                 label, kind(value), type_name<T>()));
  }
}

template std::int64_t Row::get<std::int64_t>(std::size_t) const;
template int Row::get<int>(std::size_t) const;
template double Row::get<double>(std::size_t) const;
template bool Row::get<bool>(std::size_t) const;
template std::string Row::get<std::string>(std::size_t) const;
template std::optional<std::int64_t> Row::get<std::optional<std::int64_t>>(std::size_t) const;
template std::optional<int> Row::get<std::optional<int>>(std::size_t) const;
template std::optional<double> Row::get<std::optional<double>>(std::size_t) const;
template std::optional<bool> Row::get<std::optional<bool>>(std::size_t) const;
template std::optional<std::string> Row::get<std::optional<std::string>>(std::size_t) const;

}  // namespace disha::store
