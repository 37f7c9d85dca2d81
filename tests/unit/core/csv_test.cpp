// RFC 4180 reading and writing: quoting, embedded line breaks, LF, CRLF and lone CR, a byte-order
// mark, blank lines, errors naming their line, formula cells defused for spreadsheets, and
// reading back what was written.
#include "core/csv.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/error.hpp"

namespace disha {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_all(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

std::vector<Fields> fields_of(std::string_view text) {
  std::vector<Fields> rows;
  for (auto& record : read_all(text)) rows.push_back(std::move(record.fields));
  return rows;
}

std::vector<std::size_t> lines_of(std::string_view text) {
  std::vector<std::size_t> lines;
  for (const auto& record : read_all(text)) lines.push_back(record.line);
  return lines;
}

// The message of the error reading `text` throws, checking it is a 422 naming "file".
std::string refusal(std::string_view text) {
  try {
    read_all(text);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable) << text;
    EXPECT_EQ(error.field(), "file") << text;
    return error.what();
  }
  ADD_FAILURE() << "accepted '" << text << "'";
  return {};
}

void expect_refused(std::string_view text, std::string_view message_start) {
  auto message = refusal(text);
  EXPECT_TRUE(message.starts_with(message_start)) << message;
}

std::string row(const Fields& fields) {
  std::string csv;
  append_csv_row(csv, fields);
  return csv;
}

// --- Reading ---

TEST(CsvReader, ReadsRecordsEndingInLfCrlfOrNothing) {
  EXPECT_EQ(fields_of("a,b,c\r\n1,2,3\nx,y,z"),
            (std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}, {"x", "y", "z"}}));
  EXPECT_EQ(lines_of("a\r\nb\nc"), (std::vector<std::size_t>{1, 2, 3}));
}

TEST(CsvReader, TakesALoneCrAsALineBreak) {
  EXPECT_EQ(fields_of("a,b\rc,d\r"), (std::vector<Fields>{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(lines_of("a\rb\r\rc"), (std::vector<std::size_t>{1, 2, 4}));
}

TEST(CsvReader, ReadsEmptyFieldsAnywhere) {
  EXPECT_EQ(fields_of(",a,,\n"), (std::vector<Fields>{{"", "a", "", ""}}));
  EXPECT_EQ(fields_of("a,"), (std::vector<Fields>{{"a", ""}}));
  EXPECT_EQ(fields_of(","), (std::vector<Fields>{{"", ""}}));
  EXPECT_EQ(fields_of("\"\"\n\"\",\"\""), (std::vector<Fields>{{""}, {"", ""}}));
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto records = read_all(
      "name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n"
      "\"two\nlines\",x\n\"crlf\r\nkept\",\"\"\"\"\nlast,\"\"\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].fields, (Fields{"name", "note"}));
  EXPECT_EQ(records[1].fields, (Fields{"Smith, J", "said \"hi\""}));
  EXPECT_EQ(records[2].fields, (Fields{"two\nlines", "x"}));
  EXPECT_EQ(records[3].fields, (Fields{"crlf\r\nkept", "\""}));
  EXPECT_EQ(records[4].fields, (Fields{"last", ""}));
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[3].line, 5u);  // after the two-line field
  EXPECT_EQ(records[4].line, 7u);
}

TEST(CsvReader, KeepsSpacesAndUnicodeAsTheyAre) {
  EXPECT_EQ(fields_of(" a , b \nJāmia,भारत,🎓\n"),
            (std::vector<Fields>{{" a ", " b "}, {"Jāmia", "भारत", "🎓"}}));
}

TEST(CsvReader, SkipsAByteOrderMarkOnlyAtTheStart) {
  EXPECT_EQ(fields_of("\xEF\xBB\xBFname\n\xEF\xBB\xBFx\n"),
            (std::vector<Fields>{{"name"}, {"\xEF\xBB\xBFx"}}));
  EXPECT_EQ(fields_of("\xEF\xBB\xBF\"q\"\n"), (std::vector<Fields>{{"q"}}));
  EXPECT_TRUE(read_all("\xEF\xBB\xBF").empty());
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  EXPECT_EQ(lines_of("\n\r\n\na\n\n\nb\n\n"), (std::vector<std::size_t>{4, 7}));
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\r\n\n").empty());
}

TEST(CsvReader, StaysAtTheEnd) {
  CsvReader reader("a\n");
  EXPECT_TRUE(reader.next().has_value());
  EXPECT_FALSE(reader.next().has_value());
  EXPECT_FALSE(reader.next().has_value());
}

TEST(CsvReader, NamesTheLineWhereAQuoteNeverCloses) {
  expect_refused("a,b\n\"open,c\nmore\n", "line 2: a quoted field never closes");
  expect_refused("a\n\nx,\"abc", "line 3: a quoted field never closes");
}

TEST(CsvReader, RefusesTextAfterAClosingQuote) {
  expect_refused("a\n\"x\"y,z\n", "line 2: text after a closing quote");
  expect_refused("\"x\" ,y\n", "line 1: text after a closing quote");
  expect_refused("\"two\nlines\"z\n", "line 2: text after a closing quote");
}

TEST(CsvReader, RefusesAQuoteInsideAnUnquotedField) {
  expect_refused("a\nb\nc\"d\n", "line 3: a quote inside an unquoted field");
  expect_refused("5'10\"\n", "line 1: a quote inside an unquoted field");
}

TEST(CsvReader, CapsFieldsAt64KiB) {
  const std::string most(CsvReader::kMaxFieldBytes, 'x');
  EXPECT_EQ(fields_of("a\n" + most)[1][0].size(), CsvReader::kMaxFieldBytes);
  EXPECT_EQ(fields_of("\"" + most + "\"")[0][0].size(), CsvReader::kMaxFieldBytes);
  expect_refused("a\n" + most + "x,b\n", "line 2: a field is longer than 64 KiB");
  expect_refused("a\n\"" + most + "x\"\n", "line 2: a field is longer than 64 KiB");
  // Doubled quotes count once each, and can tip a field over the cap.
  const std::string just_under(CsvReader::kMaxFieldBytes - 1, 'x');
  EXPECT_EQ(fields_of("\"" + just_under + "\"\"\"")[0][0].size(), CsvReader::kMaxFieldBytes);
  expect_refused("\"" + just_under + "\"\"\"\"\"", "line 1: a field is longer than 64 KiB");
}

TEST(CsvReader, NeverCrashesOnRandomInput) {
  std::mt19937 random(11);
  const std::string alphabet = "ab,\"\r\n \xEF\xBB\xBF";
  for (int i = 0; i < 5000; ++i) {
    std::string text(random() % 40, ' ');
    for (auto& c : text) c = alphabet[random() % alphabet.size()];
    try {
      read_all(text);
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "file");
      EXPECT_TRUE(std::string(error.what()).starts_with("line ")) << error.what();
    }
  }
}

// --- Writing ---

TEST(CsvWriter, WritesPlainFieldsAsTheyAreWithCrlf) {
  EXPECT_EQ(row({"a", "b c", " d ", "Jāmia"}), "a,b c, d ,Jāmia\r\n");
}

TEST(CsvWriter, QuotesOnlyFieldsThatNeedIt) {
  EXPECT_EQ(row({"a,b", "say \"hi\"", "x\ny", "x\ry", "plain"}),
            "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"x\ry\",plain\r\n");
}

TEST(CsvWriter, KeepsEmptyRowsAndFieldsReadable) {
  EXPECT_EQ(row({""}), "\"\"\r\n");  // not a blank line, which readers skip
  EXPECT_EQ(row({"", ""}), ",\r\n");
  EXPECT_EQ(row({}), "\r\n");
}

TEST(CsvWriter, DefusesFormulas) {
  EXPECT_EQ(row({"=HYPERLINK(\"x\")", "+1+1", "@SUM(A1)", "-2-3", "=1"}),
            "\"'=HYPERLINK(\"\"x\"\")\",'+1+1,'@SUM(A1),'-2-3,'=1\r\n");
  EXPECT_EQ(row({"\tcmd", "\rcmd", "=", "-", "+", "@"}), "'\tcmd,\"'\rcmd\",'=,'-,'+,'@\r\n");
}

TEST(CsvWriter, LeavesPlainNumbersAndLaterSignsAlone) {
  EXPECT_EQ(row({"-5", "-2.5", "+3", "-1e-3", "+1E5", "42", "a=b", "x-y"}),
            "-5,-2.5,+3,-1e-3,+1E5,42,a=b,x-y\r\n");
  EXPECT_EQ(row({"-.5", "-1.", "-1e", "--1", "- 1", "-1,5"}),
            "'-.5,'-1.,'-1e,'--1,'- 1,\"'-1,5\"\r\n");
}

TEST(CsvWriter, RoundTripsTrickyFields) {
  const std::vector<Fields> rows{
      {"plain", "with,comma", "with \"quote\"", "\"", "\"\"", "two\r\nlines", "lf\nonly",
       "cr\ronly", "", " padded ", "ünïcödé 🎓", std::string("nul\0byte", 8)},
      {""},
      {"", ""},
      {"trailing\r\n"},
      {std::string(CsvReader::kMaxFieldBytes, 'x'), ","}};
  std::string csv;
  for (const auto& fields : rows) append_csv_row(csv, fields);
  EXPECT_EQ(fields_of(csv), rows);
}

TEST(CsvWriter, RoundTripsRandomFields) {
  std::mt19937 random(3);
  const std::vector<std::string> pieces{"a", "b", " ", ",", "\"", "\n", "\r", "\r\n", "é"};
  std::vector<Fields> rows;
  std::string csv;
  for (int r = 0; r < 500; ++r) {
    Fields fields(1 + random() % 5);
    for (auto& field : fields) {
      for (auto n = random() % 8; n > 0; --n) field += pieces[random() % pieces.size()];
      if (field.starts_with('\r')) field.insert(0, "x");  // a formula start gains an apostrophe
    }
    append_csv_row(csv, fields);
    rows.push_back(std::move(fields));
  }
  EXPECT_EQ(fields_of(csv), rows);
}

}  // namespace
}  // namespace disha
