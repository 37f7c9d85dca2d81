#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "store/database.hpp"

namespace disha::store {
namespace {

Result one_row(std::vector<std::string> columns, std::vector<Value> cells) {
  Result result(std::move(columns), 0);
  result.add_row(std::move(cells));
  return result;
}

// Runs fn, which must throw disha::Error(internal) with `mentioned` in its message.
template <class F>
void expect_internal(F fn, std::string_view mentioned) {
  try {
    fn();
    ADD_FAILURE() << "expected an internal error mentioning " << mentioned;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_NE(std::string_view(error.what()).find(mentioned), std::string_view::npos)
        << error.what();
  }
}

TEST(Row, ReadsEachTypeByIndexAndByName) {
  auto result = one_row({"i", "d", "b", "s"}, {std::int64_t{42}, 2.5, true, std::string("नमस्ते")});
  const Row& row = result[0];
  EXPECT_EQ(row.size(), 4u);
  EXPECT_EQ(row.get<std::int64_t>(0), 42);
  EXPECT_EQ(row.get<int>("i"), 42);
  EXPECT_DOUBLE_EQ(row.get<double>("d"), 2.5);
  EXPECT_TRUE(row.get<bool>(2));
  EXPECT_EQ(row.get<std::string>("s"), "नमस्ते");
  EXPECT_EQ(row.get<std::optional<std::string>>("s"), "नमस्ते");
  EXPECT_FALSE(row.is_null("i"));
}

TEST(Row, NullReadsAsNulloptAndIsRefusedForNonOptionals) {
  auto result = one_row({"n"}, {std::monostate{}});
  const Row& row = result[0];
  EXPECT_TRUE(row.is_null(0));
  EXPECT_TRUE(row.is_null("n"));
  EXPECT_EQ(row.get<std::optional<std::int64_t>>("n"), std::nullopt);
  EXPECT_EQ(row.get<std::optional<int>>("n"), std::nullopt);
  EXPECT_EQ(row.get<std::optional<double>>("n"), std::nullopt);
  EXPECT_EQ(row.get<std::optional<bool>>("n"), std::nullopt);
  EXPECT_EQ(row.get<std::optional<std::string>>("n"), std::nullopt);
  expect_internal([&] { row.get<int>("n"); }, "column 'n' is NULL");
  expect_internal([&] { row.get<std::string>(0); }, "std::optional<std::string>");
}

TEST(Row, IntegersConvertToDoubleAndBool) {
  auto result =
      one_row({"zero", "one", "big"}, {std::int64_t{0}, std::int64_t{1}, std::int64_t{1} << 40});
  const Row& row = result[0];
  EXPECT_FALSE(row.get<bool>("zero"));
  EXPECT_TRUE(row.get<bool>("one"));
  EXPECT_DOUBLE_EQ(row.get<double>("big"), 1099511627776.0);
  expect_internal([&] { row.get<bool>("big"); }, "cannot be read as bool");
  expect_internal([&] { row.get<int>("big"); }, "cannot be read as int");
  EXPECT_EQ(row.get<std::int64_t>("big"), std::int64_t{1} << 40);
}

TEST(Row, WholeRealNumbersReadAsIntegersOthersDoNot) {
  // PostgreSQL's SUM over integers is numeric, which arrives as a double.
  auto result = one_row({"sum", "half", "huge", "nan"},
                        {12.0, 2.5, 1e300, std::numeric_limits<double>::quiet_NaN()});
  const Row& row = result[0];
  EXPECT_EQ(row.get<std::int64_t>("sum"), 12);
  EXPECT_EQ(row.get<int>("sum"), 12);
  expect_internal([&] { row.get<std::int64_t>("half"); }, "a real number");
  expect_internal([&] { row.get<std::int64_t>("huge"); }, "cannot be read as std::int64_t");
  expect_internal([&] { row.get<std::int64_t>("nan"); }, "'nan'");
  expect_internal([&] { row.get<bool>("sum"); }, "cannot be read as bool");
}

TEST(Row, NumericTextConvertsOnlyWhenItIsWhollyANumber) {
  auto result = one_row({"n", "r", "abc", "mixed", "empty"},
                        {std::string("-17"), std::string("0.25"), std::string("abc"),
                         std::string("12abc"), std::string()});
  const Row& row = result[0];
  EXPECT_EQ(row.get<int>("n"), -17);
  EXPECT_DOUBLE_EQ(row.get<double>("r"), 0.25);
  expect_internal([&] { row.get<int>("abc"); },
                  "column 'abc' holds text, which cannot be read as int");
  expect_internal([&] { row.get<std::int64_t>("mixed"); }, "'mixed'");
  expect_internal([&] { row.get<double>("empty"); }, "'empty'");
  expect_internal([&] { row.get<bool>("n"); }, "cannot be read as bool");
}

TEST(Row, TextIsNeverMadeUpFromOtherTypes) {
  auto result = one_row({"i", "b"}, {std::int64_t{5}, false});
  expect_internal([&] { result[0].get<std::string>("i"); }, "an integer");
  expect_internal([&] { result[0].get<std::string>("b"); }, "a boolean");
}

TEST(Row, BooleansReadAsIntegersToo) {
  auto result = one_row({"t", "f"}, {true, false});
  EXPECT_EQ(result[0].get<int>("t"), 1);
  EXPECT_EQ(result[0].get<std::int64_t>("f"), 0);
  expect_internal([&] { result[0].get<double>("t"); }, "a boolean");
}

TEST(Row, UnknownColumnsAndIndexesAreErrorsNamingThem) {
  auto result = one_row({"id"}, {std::int64_t{1}});
  expect_internal([&] { result[0].get<int>("missing"); }, "no column named 'missing'");
  expect_internal([&] { result[0].is_null("missing"); }, "'missing'");
  expect_internal([&] { result[0].get<int>(3); }, "column index 3 is out of range");
  expect_internal([&] { result[0].cell(1); }, "out of range");
}

TEST(Result, KeepsColumnsRowsAndAffectedCountAcrossAMove) {
  Result result({"a", "b"}, 3);
  result.add_row({std::int64_t{1}, std::string("x")});
  result.add_row({std::int64_t{2}, std::string("y")});
  Result moved = std::move(result);
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_FALSE(moved.empty());
  EXPECT_EQ(moved.affected_rows(), 3);
  EXPECT_EQ(moved.columns(), (std::vector<std::string>{"a", "b"}));
  std::vector<std::string> seen;
  for (const Row& row : moved) seen.push_back(row.get<std::string>("b"));
  EXPECT_EQ(seen, (std::vector<std::string>{"x", "y"}));
  EXPECT_THROW(moved[2], std::out_of_range);
}

TEST(Result, ARowCopiedOutOfATemporaryResultKeepsItsColumnNames) {
  const Row row = one_row({"id", "name"}, {std::int64_t{7}, std::string("x")})[0];
  EXPECT_EQ(row.get<int>("id"), 7);
  EXPECT_EQ(row.get<std::string>("name"), "x");
}

TEST(Result, DefaultIsEmptyWithNoColumns) {
  Result result;
  EXPECT_TRUE(result.empty());
  EXPECT_TRUE(result.columns().empty());
  EXPECT_EQ(result.affected_rows(), 0);
}

TEST(Dialect, HasStableNames) {
  EXPECT_EQ(name(Dialect::sqlite), "sqlite");
  EXPECT_EQ(name(Dialect::postgres), "postgres");
}

// Records what the generic code asks of a connection.
class RecordingConnection : public Connection {
 public:
  explicit RecordingConnection(Dialect dialect) : dialect_(dialect) {}
  Dialect dialect() const noexcept override { return dialect_; }
  Result execute(std::string_view sql, std::span<const Value> params) override {
    log.emplace_back(sql);
    last_params.assign(params.begin(), params.end());
    return Result({}, 0);
  }
  void execute_script(std::string_view sql) override {
    log.emplace_back(sql);
    if (sql == fail_on) throw Error(ErrorCode::unavailable, "the database is busy");
  }
  bool alive() override { return true; }

  std::vector<std::string> log;
  std::vector<Value> last_params;
  std::string fail_on;

 private:
  Dialect dialect_;
};

TEST(ConnectionQuery, ConvertsArgumentsToTypedParameters) {
  RecordingConnection db(Dialect::postgres);
  const std::string owned = "owned";
  const std::optional<int> none;
  const std::optional<double> some = 1.5;
  db.query("SQL", 7, std::int64_t{-8}, short{3}, 2.5f, true, "literal", owned,
           std::string_view("view"), std::nullopt, nullptr, none, some, Value{std::int64_t{9}});
  const std::vector<Value> expected = {std::int64_t{7},
                                       std::int64_t{-8},
                                       std::int64_t{3},
                                       2.5,
                                       true,
                                       std::string("literal"),
                                       std::string("owned"),
                                       std::string("view"),
                                       std::monostate{},
                                       std::monostate{},
                                       std::monostate{},
                                       1.5,
                                       std::int64_t{9}};
  EXPECT_EQ(db.last_params, expected);
  db.query("NO PARAMS");
  EXPECT_TRUE(db.last_params.empty());
  EXPECT_EQ(db.log, (std::vector<std::string>{"SQL", "NO PARAMS"}));
}

TEST(Transaction, SqliteTakesTheWriteLockAtBeginAndCommits) {
  RecordingConnection db(Dialect::sqlite);
  {
    Transaction tx(db);
    tx->query("INSERT");
    tx.commit();
  }
  EXPECT_EQ(db.log, (std::vector<std::string>{"BEGIN IMMEDIATE", "INSERT", "COMMIT"}));
}

TEST(Transaction, RollsBackWhenNotCommitted) {
  RecordingConnection db(Dialect::postgres);
  try {
    Transaction tx(db);
    tx.connection().query("INSERT");
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(db.log, (std::vector<std::string>{"BEGIN", "INSERT", "ROLLBACK"}));
}

TEST(Transaction, AFailedCommitIsReportedAndThenRolledBack) {
  RecordingConnection db(Dialect::sqlite);
  db.fail_on = "COMMIT";
  {
    Transaction tx(db);
    EXPECT_THROW(tx.commit(), Error);
  }
  EXPECT_EQ(db.log, (std::vector<std::string>{"BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"}));
}

TEST(Transaction, DestructorSwallowsAFailedRollback) {
  RecordingConnection db(Dialect::postgres);
  db.fail_on = "ROLLBACK";
  EXPECT_NO_THROW({ Transaction tx(db); });
  EXPECT_EQ(db.log.back(), "ROLLBACK");
}

TEST(Transaction, CommittingTwiceIsABug) {
  RecordingConnection db(Dialect::postgres);
  Transaction tx(db);
  tx.commit();
  expect_internal([&] { tx.commit(); }, "already committed");
  EXPECT_EQ(db.log, (std::vector<std::string>{"BEGIN", "COMMIT"}));
}

}  // namespace
}  // namespace disha::store
