#include "core/csv.hpp"

#include <charconv>

#include "core/error.hpp"

namespace disha {

namespace {

[[noreturn]] void malformed(std::size_t line, const std::string& why) {
  throw Error(ErrorCode::unprocessable, "line " + std::to_string(line) + ": " + why, "file");
}

bool is_plain_number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) position_ = 3;
}

std::optional<CsvRecord> CsvReader::next() {
  // Blank lines between records are skipped.
  while (position_ < text_.size() && (text_[position_] == '\n' || text_[position_] == '\r')) {
    if (text_[position_] == '\n') ++line_;
    ++position_;
  }
  if (position_ >= text_.size()) return std::nullopt;

  CsvRecord record;
  record.line = line_;
  std::string field;
  auto add = [&](std::string& value) {
    if (value.size() > kMaxFieldBytes) malformed(line_, "a field is longer than 64 KiB");
    record.fields.push_back(std::move(value));
    value.clear();
  };
  while (true) {
    if (position_ < text_.size() && text_[position_] == '"') {
      ++position_;
      while (true) {
        if (position_ >= text_.size()) malformed(record.line, "a quoted field never ends");
        char c = text_[position_++];
        if (c == '"') {
          if (position_ < text_.size() && text_[position_] == '"') {
            field += '"';
            ++position_;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        field += c;
        if (field.size() > kMaxFieldBytes) malformed(record.line, "a field is longer than 64 KiB");
      }
      if (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '\n' &&
          text_[position_] != '\r') {
        malformed(line_, "text after a closing quote");
      }
    } else {
      while (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '\n' &&
             text_[position_] != '\r') {
        if (text_[position_] == '"') malformed(line_, "a quote inside an unquoted field");
        field += text_[position_++];
        if (field.size() > kMaxFieldBytes) malformed(line_, "a field is longer than 64 KiB");
      }
    }
    add(field);
    if (position_ >= text_.size()) return record;
    char c = text_[position_++];
    if (c == ',') continue;
    if (c == '\r' && position_ < text_.size() && text_[position_] == '\n') ++position_;
    ++line_;
    return record;
  }
}

void append_csv_row(std::string& out, std::span<const std::string> fields) {
  bool first = true;
  for (const auto& original : fields) {
    if (!first) out += ',';
    first = false;
    std::string field = original;
    if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos &&
        !is_plain_number(field)) {
      field.insert(field.begin(), '\'');
    }
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out += '"';
    for (char c : field) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace disha
