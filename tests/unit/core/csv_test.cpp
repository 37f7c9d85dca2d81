// RFC 4180 reading and writing: quoting, embedded line breaks, CRLF, a byte-order mark, errors
// with line numbers, round trips, and formula cells defused for spreadsheets.
#include "core/csv.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace disha {
namespace {

std::vector<CsvRecord> read_all(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto records = read_all(
      "\xEF\xBB\xBFname,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n"
      "\"two\nlines\",x\n\nlast,\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (Fields{"name", "note"}));
  EXPECT_EQ(records[1].fields, (Fields{"Smith, J", "said \"hi\""}));
  EXPECT_EQ(records[2].fields, (Fields{"two\nlines", "x"}));
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[3].fields, (Fields{"last", ""}));
  EXPECT_EQ(records[3].line, 6u);
}

TEST(CsvReader, NamesTheLineOfMalformedInput) {
  for (auto [text, line] : {std::pair{"a,b\n\"open,c\n", 2}, std::pair{"a\n\"x\"y,z\n", 2},
                            std::pair{"a\nb\nc\"d\n", 3}}) {
    try {
      read_all(text);
      ADD_FAILURE() << text;
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "file");
      EXPECT_NE(std::string(error.what()).find("line " + std::to_string(line)), std::string::npos)
          << error.what();
    }
  }
  EXPECT_THROW(read_all(std::string(CsvReader::kMaxFieldBytes + 1, 'x')), Error);
}

TEST(CsvWriter, RoundTripsTrickyFields) {
  Fields fields{"plain", "with,comma", "with \"quote\"", "two\r\nlines", "", "ünïcödé"};
  std::string csv;
  append_csv_row(csv, fields);
  append_csv_row(csv, fields);
  auto records = read_all(csv);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, fields);
  EXPECT_EQ(records[1].fields, fields);
}

TEST(CsvWriter, DefusesFormulasButNotNumbers) {
  std::string csv;
  append_csv_row(csv, Fields{"=HYPERLINK(\"x\")", "+1+1", "-5", "-2.5", "@SUM(A1)", "ok"});
  EXPECT_EQ(csv, "\"'=HYPERLINK(\"\"x\"\")\",'+1+1,-5,-2.5,'@SUM(A1),ok\r\n");
}

}  // namespace
}  // namespace disha
