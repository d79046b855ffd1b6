// Exchange rates through the ledger, on a real SQLite store: a rate file is recorded as one
// event, the same content again changes nothing, overlapping files must agree, unsupported pairs
// and bad rates are refused with their line and nothing is written, and the rate book answers
// "the rate on a date" from the merged series.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ledger/execution/execution_book.h"
#include "ledger/sdr_test_fixture.h"
#include "store/event_hash.h"
#include "support/host_scope.h"

namespace fms::ledger::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kHeader = "date,pair,rate,source\n";

class RatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-rates-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto reference = refdata::load_builtin();
    ASSERT_TRUE(reference.ok()) << reference.error().message;
    reference_ = std::move(reference).value();
    auto store = store::open_sqlite_store((dir_ / "rates.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    ledger_ = std::make_unique<Database>(*store_, reference_, Clock::fixed(kNow).value(),
                                         PasswordCost::minimum());
  }

  void TearDown() override {
    ledger_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Result<RatesImportOutcome> import(const std::string& text, const std::string& source) {
    return ledger_->money().import_rates(text, source, std::nullopt,
                                         fms::testing::host_scope("bob"));
  }

  // The example file: USD/JPY month ends 2025-01-31 .. 2025-12-31, six points.
  Result<RatesImportOutcome> import_example() {
    return import(example("rates/usd-jpy-2025.csv"), "usd-jpy-2025.csv");
  }

  RateBook book() {
    auto portfolio = ledger_->money().load();
    EXPECT_TRUE(portfolio.ok()) << portfolio.error().message;
    return portfolio.ok() ? portfolio->rates : RateBook{};
  }

  std::size_t event_count() { return store_->read_events({}).value().size(); }

  std::filesystem::path dir_;
  ReferenceData reference_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Database> ledger_;
};

TEST_F(RatesTest, AFileIsRecordedAsOneEventAndVerifyReplaysIt) {
  auto outcome = import_example();
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->recorded);
  EXPECT_EQ(outcome->points, 6u);
  EXPECT_EQ(outcome->new_points, 6u);
  EXPECT_EQ(outcome->message, "Recorded rates document " + outcome->content_hash.substr(0, 12) +
                                  " (usd-jpy-2025.csv, shared series): 6 points, USD/JPY "
                                  "2025-01-31..2025-12-31");
  const auto events = store_->read_events({}).value();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "rates.series_recorded");
  EXPECT_EQ(events[0].case_id, "");
  // Rates are stored as their exact decimal text.
  EXPECT_THAT(events[0].payload,
              HasSubstr("{\"date\":\"2025-03-31\",\"pair\":\"USD/JPY\",\"rate\":\"149.52\","
                        "\"source\":\"month-end rate (illustrative)\"}"));
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->events, 1);

  const RateBook rates = book();
  ASSERT_EQ(rates.documents().size(), 1u);
  EXPECT_EQ(rates.documents()[0].source, "usd-jpy-2025.csv");
  EXPECT_EQ(rates.documents()[0].actor, "bob");
  EXPECT_EQ(rates.documents()[0].points, 6u);
  EXPECT_EQ(rates.pairs(), std::vector<std::string>{"USD/JPY"});
}

TEST_F(RatesTest, TheRateOnADateIsTheLatestOnOrBeforeIt) {
  ASSERT_TRUE(import_example().ok());
  const RateBook rates = book();
  auto mid_june = rates.on("USD/JPY", day("2025-06-15"));
  ASSERT_TRUE(mid_june.ok()) << mid_june.error().message;
  EXPECT_EQ(describe(*mid_june), "USD/JPY 149.52 of 2025-03-31 (month-end rate (illustrative))");
  // On the first point's own date, and long after the last.
  EXPECT_EQ(rates.on("USD/JPY", day("2025-01-31"))->rate.to_string(), "154.83");
  EXPECT_EQ(rates.on(Currency::usd(), Currency::jpy(), day("2030-01-01"))->date, day("2025-12-31"));
  // Before the series starts, and a pair with no rates at all.
  auto before = rates.on("USD/JPY", day("2025-01-30"));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().kind, ErrorKind::not_found);
  EXPECT_THAT(before.error().message, HasSubstr("the series starts 2025-01-31"));
  auto euro = rates.on("USD/EUR", day("2025-06-15"));
  ASSERT_FALSE(euro.ok());
  EXPECT_EQ(euro.error().message, "no USD/EUR rate is recorded (recorded: USD/JPY)");
  // As of a date: only the points dated by then.
  EXPECT_EQ(rates.points(std::string("USD/JPY"), day("2025-06-29")).size(), 3u);
  EXPECT_EQ(rates.points().size(), 6u);
}

TEST_F(RatesTest, TheSameContentAgainChangesNothingAndSaysSo) {
  auto first = import_example();
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::size_t before = event_count();
  // Other column order, CRLF and trailing zeros: the same rates, so the same document.
  const std::string text =
      "\xEF\xBB\xBFpair,date,source,rate\r\n"
      "USD/JPY,2025-12-31,month-end rate (illustrative),156.710\r\n"
      "USD/JPY,2025-01-31,month-end rate (illustrative),154.83\r\n"
      "USD/JPY,2025-02-28,month-end rate (illustrative),150.61\r\n"
      "USD/JPY,2025-03-31,month-end rate (illustrative),149.52\r\n"
      "USD/JPY,2025-06-30,month-end rate (illustrative),144.82\r\n"
      "USD/JPY,2025-09-30,month-end rate (illustrative),148.88\r\n";
  auto again = import(text, "copy.csv");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->recorded);
  EXPECT_EQ(again->content_hash, first->content_hash);
  EXPECT_EQ(again->message, "copy.csv: these rates are already recorded as rates document " +
                                first->content_hash.substr(0, 12) +
                                " (usd-jpy-2025.csv, recorded 2026-11-25T12:00:00.000001Z by "
                                "bob); nothing changed");
  EXPECT_EQ(event_count(), before);
}

TEST_F(RatesTest, AnOverlappingFileWithTheSameRatesIsMergedIntoTheSeries) {
  ASSERT_TRUE(import_example().ok());
  const std::string text = std::string(kHeader) +
                           "2025-03-31,USD/JPY,149.52,another publisher\n"
                           "2025-04-30,USD/JPY,143.07,another publisher\n"
                           "2025-04-30,USD/EUR,0.8816,another publisher\n";
  auto outcome = import(text, "april.csv");
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->recorded);
  EXPECT_EQ(outcome->new_points, 2u);
  EXPECT_THAT(outcome->message,
              HasSubstr("(april.csv, shared series): 3 points, USD/EUR 2025-04-30, USD/JPY "
                        "2025-03-31..2025-04-30 (1 already recorded)"));

  const RateBook rates = book();
  ASSERT_EQ(rates.documents().size(), 2u);
  EXPECT_EQ(rates.documents()[1].new_points, 2u);
  EXPECT_EQ(rates.series("USD/JPY")->points().size(), 7u);
  EXPECT_EQ(rates.pairs(), (std::vector<std::string>{"USD/EUR", "USD/JPY"}));
  // The shared point keeps the document that recorded it first, and its source.
  const RecordedRate* shared = rates.recorded("USD/JPY", day("2025-03-31"));
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(shared->document, 0u);
  EXPECT_EQ(shared->point.source, "month-end rate (illustrative)");
  EXPECT_EQ(describe(*rates.on("USD/JPY", day("2025-05-15"))),
            "USD/JPY 143.07 of 2025-04-30 (another publisher)");
  EXPECT_EQ(rates.recorded("USD/JPY", day("2025-04-30"))->document, 1u);
  ASSERT_TRUE(ledger_->verifier().verify(fms::testing::host_scope()).ok());
}

TEST_F(RatesTest, ADifferentRateForARecordedDateIsRefusedWithItsLine) {
  ASSERT_TRUE(import_example().ok());
  const std::size_t before = event_count();
  const std::string text = std::string(kHeader) +
                           "2025-04-30,USD/JPY,143.07,revised\n"
                           "2025-03-31,USD/JPY,149.53,revised\n";
  auto refused = import(text, "revised.csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(refused.error().message,
            "revised.csv:3: field \"rate\": USD/JPY on 2025-03-31 is already recorded as 149.52 "
            "(from usd-jpy-2025.csv); nothing imported");
  EXPECT_EQ(event_count(), before);
  EXPECT_EQ(book().documents().size(), 1u);
}

TEST_F(RatesTest, OnlyPairsWithTheDollarAsBaseAreAccepted) {
  EXPECT_EQ(supported_rate_pairs(),
            (std::vector<std::string>{"USD/JPY", "USD/EUR", "USD/GBP", "USD/AUD"}));
  const std::string text = std::string(kHeader) +
                           "2025-03-31,USD/JPY,149.52,fine\n"
                           "2025-03-31,EUR/JPY,161.8,cross rate\n"
                           "2025-04-30,EUR/JPY,160.2,cross rate\n"
                           "2025-03-31,JPY/USD,0.00669,inverse\n";
  auto refused = import(text, "cross.csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "cross.csv:3: field \"pair\": \"EUR/JPY\" is not a supported pair (supported: "
            "USD/JPY, USD/EUR, USD/GBP, USD/AUD); fmsledger converts US dollar amounts, so a "
            "rate's base is USD\n"
            "cross.csv:5: field \"pair\": \"JPY/USD\" is not a supported pair (supported: "
            "USD/JPY, USD/EUR, USD/GBP, USD/AUD); fmsledger converts US dollar amounts, so a "
            "rate's base is USD");
  EXPECT_EQ(event_count(), 0u);
}

TEST_F(RatesTest, ARateOfZeroRefusesTheWholeFile) {
  const std::string text = std::string(kHeader) +
                           "2025-03-31,USD/JPY,149.52,fine\n"
                           "2025-04-30,USD/JPY,0,zero\n";
  auto refused = import(text, "zero.csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "zero.csv:3: field \"rate\": \"0\" is not a USD/JPY rate: it must be above zero");
  EXPECT_EQ(event_count(), 0u);
}

TEST_F(RatesTest, AFileWithoutRatesIsRefused) {
  auto refused = import(kHeader, "empty.csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, StartsWith("empty.csv:"));
  EXPECT_EQ(event_count(), 0u);
}

TEST_F(RatesTest, AsRecordedSeesOnlyTheDocumentsRecordedByThen) {
  ASSERT_TRUE(import_example().ok());
  const std::string text = std::string(kHeader) + "2025-10-31,USD/JPY,152.04,october\n";
  ASSERT_TRUE(import(text, "october.csv").ok());
  const RateBook rates = book();
  const std::string first_recorded = rates.documents()[0].recorded_at;
  EXPECT_EQ(rates.on("USD/JPY", day("2025-11-15"))->date, day("2025-10-31"));
  EXPECT_EQ(rates.on("USD/JPY", day("2025-11-15"), first_recorded)->date, day("2025-09-30"));
  auto nothing_yet = rates.on("USD/JPY", day("2025-11-15"), std::string("2026-01-01T00:00:00Z"));
  ASSERT_FALSE(nothing_yet.ok());
  EXPECT_EQ(nothing_yet.error().kind, ErrorKind::not_found);
}

// Replay checks what the import checked: a stored event that breaks the rules is corruption.
TEST_F(RatesTest, FoldingRefusesAConflictOrAContentHashThatDoesNotMatch) {
  ASSERT_TRUE(import_example().ok());
  std::vector<store::EventRecord> events = store_->read_events({}).value();
  store::EventRecord conflicting = events[0];
  conflicting.sequence = 2;
  RatesRecorded record;
  record.source = "other.csv";
  record.points.push_back(
      RatePoint{day("2025-03-31"),
                ExchangeRate::parse("150", Currency::usd(), Currency::jpy()).value(), "other"});
  record.content_hash = store::blake2b_hex(canonical_points(record.points));
  conflicting.payload = encode(record);
  auto folded = fold_money({events[0], conflicting});
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().kind, ErrorKind::corruption);
  EXPECT_THAT(folded.error().message,
              HasSubstr("USD/JPY on 2025-03-31 is 150.00, but is already recorded as 149.52"));

  record.content_hash = std::string(64, '0');
  conflicting.payload = encode(record);
  folded = fold_money({conflicting});
  ASSERT_FALSE(folded.ok());
  EXPECT_THAT(folded.error().message, HasSubstr("do not match the content hash"));
}

}  // namespace
}  // namespace fms::ledger::testing
