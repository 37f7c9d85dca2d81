#include "core/csv.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace disha {

namespace {

[[noreturn]] void malformed(std::size_t line, std::string_view why) {
  throw Error(ErrorCode::unprocessable, "line " + std::to_string(line) + ": " + std::string(why),
              "file");
}

bool is_line_break(char c) {
  return c == '\n' || c == '\r';
}

// Line breaks in text that does not end in the middle of a CRLF.
std::size_t count_line_breaks(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++count;
    }
  }
  return count;
}

constexpr std::string_view kTooLong = "a field is longer than 64 KiB";

// [+-]digits[.digits][(e|E)[+-]digits], which spreadsheets read as a number, never a formula.
bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  auto sign = [&] {
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  };
  auto digits = [&] {
    const auto start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  sign();
  if (!digits()) return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    sign();
    if (!digits()) return false;
  }
  return i == text.size();
}

bool runs_as_formula(std::string_view field) {
  return !field.empty() &&
         std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos &&
         !is_plain_number(field);
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) position_ = 3;
}

void CsvReader::skip_line_break() {
  if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') {
    ++position_;
  }
  ++position_;
  ++line_;
}

std::optional<CsvRecord> CsvReader::next() {
  while (position_ < text_.size() && is_line_break(text_[position_])) skip_line_break();
  if (position_ >= text_.size()) return std::nullopt;

  CsvRecord record;
  record.line = line_;
  while (true) {
    record.fields.push_back(text_[position_] == '"' ? read_quoted() : read_unquoted());
    if (position_ >= text_.size()) return record;
    if (text_[position_] == ',') {
      ++position_;
      if (position_ >= text_.size()) {  // "a," ends with an empty field
        record.fields.emplace_back();
        return record;
      }
      continue;
    }
    skip_line_break();
    return record;
  }
}

std::string CsvReader::read_unquoted() {
  const auto start = position_;
  position_ = std::min(text_.find_first_of(",\"\r\n", start), text_.size());
  if (position_ < text_.size() && text_[position_] == '"') {
    malformed(line_, "a quote inside an unquoted field (quote the whole field and double it)");
  }
  if (position_ - start > kMaxFieldBytes) malformed(line_, kTooLong);
  return std::string(text_.substr(start, position_ - start));
}

std::string CsvReader::read_quoted() {
  const auto opened_on = line_;
  ++position_;  // the opening quote
  std::string field;
  while (true) {
    const auto quote = text_.find('"', position_);
    if (quote == std::string_view::npos) malformed(opened_on, "a quoted field never closes");
    const auto chunk = text_.substr(position_, quote - position_);
    if (field.size() + chunk.size() > kMaxFieldBytes) malformed(opened_on, kTooLong);
    field += chunk;
    line_ += count_line_breaks(chunk);
    position_ = quote + 1;
    if (position_ >= text_.size() || text_[position_] != '"') break;
    field += '"';  // a doubled quote
    ++position_;
  }
  if (field.size() > kMaxFieldBytes) malformed(opened_on, kTooLong);
  if (position_ < text_.size() && text_[position_] != ',' && !is_line_break(text_[position_])) {
    malformed(line_, "text after a closing quote");
  }
  return field;
}

void append_csv_row(std::string& out, std::span<const std::string> fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string_view field = fields[i];
    const std::string_view prefix = runs_as_formula(field) ? "'" : "";
    const bool quoted = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                        (field.empty() && fields.size() == 1);
    if (!quoted) {
      out += prefix;
      out += field;
      continue;
    }
    out += '"';
    out += prefix;
    for (char c : field) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace disha
