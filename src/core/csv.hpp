#pragma once
// CSV as RFC 4180 has it: quoted fields may hold commas, doubled quotes and line breaks; LF or
// CRLF line ends; a UTF-8 byte-order mark at the start is skipped.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace disha {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the record starts
};

class CsvReader {
 public:
  static constexpr std::size_t kMaxFieldBytes = 64 * 1024;

  explicit CsvReader(std::string_view text);
  // The next record, or nullopt at the end. Throws disha::Error(unprocessable, "line N: …",
  // "file") for an unterminated quote, text after a closing quote or an oversized field.
  std::optional<CsvRecord> next();

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
};

// Appends one record with CRLF. Fields are quoted only when they need it. A field a spreadsheet
// would run as a formula (starting with =, +, -, @, tab or CR, and not a plain number) gets a
// leading apostrophe (OWASP "CSV injection").
void append_csv_row(std::string& out, std::span<const std::string> fields);

}  // namespace disha
