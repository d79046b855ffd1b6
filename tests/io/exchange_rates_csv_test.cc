// Exchange-rate files: series by pair, and every bad row refused with its line and field.
#include "io/exchange_rates_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fms::io {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kHeader = "date,pair,rate,source\n";

TEST(ExchangeRatesCsvTest, ReadsEachPairAsASeries) {
  const std::string text = std::string(kHeader) +
                           "2025-03-31,USD/JPY,149.52,month end\n"
                           "2025-01-31,USD/JPY,154.830001,month end\n"
                           "2025-03-31,EUR/JPY,161.8,\"ECB, illustrative\"\n";
  const auto parsed = parse_exchange_rates(text, "rates.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  const RateSeries& usd = parsed->at("USD/JPY");
  ASSERT_EQ(usd.points().size(), 2u);
  EXPECT_EQ(usd.points()[0].rate.to_string(), "154.830001");
  EXPECT_EQ(usd.on(CivilDate::from_ymd(2025, 2, 15))->date, CivilDate::from_ymd(2025, 1, 31));
  EXPECT_EQ(parsed->at("EUR/JPY").points()[0].source, "ECB, illustrative");
}

TEST(ExchangeRatesCsvTest, EveryBadRowIsNamedAndNothingIsRead) {
  const std::string text = std::string(kHeader) +
                           "2025-03-31,USD/JPY,0,zero\n"
                           "2025-03-31,USD/XXX,150,unknown currency\n"
                           "2025-03-31,JPY/JPY,1,same currency\n"
                           "2025-03-31,USDJPY,150,no slash\n"
                           "2025-02-30,USD/JPY,150,bad date\n"
                           "2025-04-30,USD/JPY,-150,negative\n"
                           "2025-05-30,USD/JPY,150,\n"
                           "2025-06-30,USD/JPY,150.5,fine\n"
                           "2025-06-30,USD/JPY,150.6,again\n";
  const auto parsed = parse_exchange_rates(text, "rates.csv");
  ASSERT_FALSE(parsed.ok());
  const std::string& message = parsed.error().message;
  EXPECT_THAT(message, HasSubstr("rates.csv:2: field \"rate\": \"0\" is not a USD/JPY rate: it "
                                 "must be above zero"));
  EXPECT_THAT(message,
              HasSubstr("rates.csv:3: field \"pair\": \"USD/XXX\" is not a currency pair"));
  EXPECT_THAT(message, HasSubstr("rates.csv:4: field \"pair\": \"JPY/JPY\" is not a currency pair: "
                                 "a rate converts between two different currencies"));
  EXPECT_THAT(message, HasSubstr("rates.csv:5: field \"pair\": \"USDJPY\" is not a currency pair: "
                                 "write it as BASE/QUOTE"));
  EXPECT_THAT(message, HasSubstr("rates.csv:6: field \"date\""));
  EXPECT_THAT(message, HasSubstr("rates.csv:7: field \"rate\""));
  EXPECT_THAT(message, HasSubstr("rates.csv:8: field \"source\""));
  EXPECT_THAT(message, HasSubstr("rates.csv:10: field \"date\": a second USD/JPY rate for "
                                 "2025-06-30; the first is on line 9"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("rates.csv:9:")));
}

TEST(ExchangeRatesCsvTest, TheHeaderMustNameTheColumns) {
  const auto parsed = parse_exchange_rates("date,pair,rate\n2025-03-31,USD/JPY,150\n", "r.csv");
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message, HasSubstr("r.csv:1:"));
  EXPECT_THAT(parsed.error().message, HasSubstr("source"));
}

TEST(ExchangeRatesCsvTest, EachPointKeepsItsLine) {
  const std::string text = std::string(kHeader) +
                           "2025-06-30,USD/JPY,144.82,month end\n"
                           "2025-03-31,USD/EUR,0.9245,month end\n"
                           "2025-03-31,USD/JPY,149.52,month end\n";
  const auto parsed = parse_exchange_rates_file(text, "rates.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->line_of("USD/JPY", CivilDate::from_ymd(2025, 3, 31)), 4u);
  EXPECT_EQ(parsed->line_of("USD/JPY", CivilDate::from_ymd(2025, 6, 30)), 2u);
  EXPECT_EQ(parsed->line_of("USD/EUR", CivilDate::from_ymd(2025, 3, 31)), 3u);
  EXPECT_EQ(parsed->first_line_of("USD/JPY"), 2u);
  EXPECT_EQ(parsed->series.at("USD/JPY").points().size(), 2u);
}

TEST(ExchangeRatesCsvTest, AFileAboveTheSizeLimitIsRefused) {
  std::string text = std::string(kHeader) + "2025-03-31,USD/JPY,149.52,";
  text.resize(kMaxExchangeRateFileBytes + 1, 'x');
  const auto parsed = parse_exchange_rates(text, "big.csv");
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message, HasSubstr("at most 8,388,608 bytes"));
}

}  // namespace
}  // namespace fms::io
