#pragma once
// CSV as RFC 4180 has it: comma-separated fields, a field in double quotes may hold commas,
// doubled quotes ("") and line breaks. Reading accepts CRLF, LF or a lone CR as a line break,
// skips a UTF-8 byte-order mark at the start and skips blank lines; writing uses CRLF.
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

// Reads records one at a time from text held in memory (which must outlive the reader).
class CsvReader {
 public:
  static constexpr std::size_t kMaxFieldBytes = 64 * 1024;

  explicit CsvReader(std::string_view text);
  // The next record, or nullopt at the end. Throws disha::Error(unprocessable, "line N: …",
  // "file") for a quote that never closes (N: the line it opens on), text after a closing
  // quote, a quote inside an unquoted field, or a field over kMaxFieldBytes.
  std::optional<CsvRecord> next();

 private:
  std::string read_quoted();
  std::string read_unquoted();
  void skip_line_break();

  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
};

// Appends one record ending in CRLF. A field is quoted only when it holds a comma, a quote or a
// line break, or when it is a row's only field and empty (so the row does not read back as a
// blank line). Spreadsheet formula protection (OWASP "CSV injection"): a field starting with
// '=', '+', '-', '@', tab or CR is run as a formula by spreadsheets, so unless it is a plain
// number ("-5", "+2.5", "-1e-3") it gets a leading apostrophe, which spreadsheets show as text.
// Such fields therefore do not read back unchanged: this is for files people open, not for data
// interchange.
void append_csv_row(std::string& out, std::span<const std::string> fields);

}  // namespace disha
