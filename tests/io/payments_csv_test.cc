// Tests of the payments importer (io/execution_csv.h, docs/formats/payments.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/civil_date.h"
#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::HasSubstr;
using testing_csv::error_of;
using testing_csv::kPaymentsHeader;
using testing_csv::valid_payments;

Result<Payments> parse(const std::string& text) {
  return parse_payments(text, "payments.csv");
}

std::string problem_with_row(const std::string& row) {
  return error_of(parse(std::string(kPaymentsHeader) + row + "\n"));
}

TEST(PaymentsCsv, ReadsUsdAndYenPayments) {
  const Result<Payments> parsed = parse(valid_payments());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->rows.size(), 3U);
  const PaymentRow& dollars = parsed->rows[0];
  EXPECT_EQ(dollars.payment_id, "MOD-2025-001");
  EXPECT_EQ(dollars.date, CivilDate::from_ymd(2025, 6, 13));
  EXPECT_EQ(dollars.case_id, "JA-P-TWK");
  EXPECT_EQ(dollars.amount, Money(13'247'700'000, Currency::usd()));
  EXPECT_FALSE(dollars.rate.has_value());
  EXPECT_EQ(dollars.usd, dollars.amount);
  EXPECT_EQ(dollars.source_line, 2U);
  const PaymentRow& yen = parsed->rows[1];
  EXPECT_EQ(yen.amount, Money(19'871'550'000, Currency::jpy()));
  ASSERT_TRUE(yen.rate.has_value());
  EXPECT_EQ(yen.rate->to_string(), "150.00");
  EXPECT_EQ(yen.usd, Money(13'247'700'000, Currency::usd()));
  const PaymentRow& refund = parsed->rows[2];
  EXPECT_EQ(refund.amount, Money(-125'075, Currency::usd()));
}

TEST(PaymentsCsv, YenIsConvertedExactlyAndRoundedToTheCent) {
  const Result<Payments> parsed =
      parse(std::string(kPaymentsHeader) + "P1,2025-09-12,JA-P-TWK,1000,JPY,151.2345\n" +
            "P2,2025-09-12,JA-P-TWK,-1000,JPY,151.2345\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  // 1000 / 151.2345 = 6.61224...: USD 6.61; a refund mirrors it.
  EXPECT_EQ(parsed->rows[0].usd, Money(661, Currency::usd()));
  EXPECT_EQ(parsed->rows[1].usd, Money(-661, Currency::usd()));
}

TEST(PaymentsCsv, RatesAsPublishedToSixPlacesAndMoreAreExact) {
  const Result<Payments> parsed =
      parse(std::string(kPaymentsHeader) + "P1,2025-09-12,JA-P-TWK,100000000,JPY,151.234567\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->rows[0].rate->to_string(), "151.234567");
  // 100,000,000 / 151.234567 = 661,224.4937...: USD 661,224.49 (at 151.2346, 661,224.35).
  EXPECT_EQ(parsed->rows[0].usd, Money(66'122'449, Currency::usd()));
}

TEST(PaymentsCsv, CurrencyIsUsdOrJpy) {
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,100.00,EUR,"),
            "payments.csv:2: field \"currency\": \"EUR\" is not an accepted currency; write USD "
            "or JPY");
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,100.00,usd,"),
            "payments.csv:2: field \"currency\": \"usd\" is not an accepted currency; write USD "
            "or JPY");
}

TEST(PaymentsCsv, RateExactlyWhenYen) {
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,1000,JPY,"),
            "payments.csv:2: field \"rate_jpy_per_usd\": a value is required when currency is "
            "JPY: the yen-per-dollar rate the payment was converted at");
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,10.00,USD,150.00"),
            "payments.csv:2: field \"rate_jpy_per_usd\": \"150.00\" must be empty when currency "
            "is USD; a rate is given only for yen payments");
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,1000,JPY,151.23456789012"),
            "payments.csv:2: field \"rate_jpy_per_usd\": \"151.23456789012\" is not a USD/JPY "
            "rate: at most 10 decimal places");
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,1000,JPY,0"),
            "payments.csv:2: field \"rate_jpy_per_usd\": \"0\" is not a USD/JPY rate: it must be "
            "above zero");
}

TEST(PaymentsCsv, AmountFollowsTheCurrency) {
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,1000.5,JPY,150"),
            "payments.csv:2: field \"amount\": \"1000.5\" is not an amount in JPY from "
            "-99,999,999,999,999 to 99,999,999,999,999 (an optional '-', whole units, digits "
            "only; no decimals or grouping)");
  EXPECT_THAT(problem_with_row("P1,2025-09-12,JA-P-TWK,10.001,USD,"),
              HasSubstr("field \"amount\": \"10.001\" is not an amount in USD"));
  EXPECT_EQ(problem_with_row("P1,2025-09-12,JA-P-TWK,0.00,USD,"),
            "payments.csv:2: field \"amount\": \"0.00\" is zero; a payment (or a refund, "
            "negative) moves money");
  EXPECT_TRUE(parse(std::string(kPaymentsHeader) +
                    "P1,2025-09-12,JA-P-TWK,99999999999999,JPY,100\n" +
                    "P2,2025-09-12,JA-P-TWK,-999999999999.99,USD,\n")
                  .ok());
}

TEST(PaymentsCsv, UsdEquivalentThatDoesNotFitIsRefused) {
  EXPECT_EQ(
      problem_with_row("P1,2025-09-12,JA-P-TWK,99999999999999,JPY,0.0001"),
      "payments.csv:2: field \"amount\": JPY 99,999,999,999,999 at USD/JPY 0.0001 does not fit "
      "in a money amount");
}

TEST(PaymentsCsv, RepeatedPaymentIdNamesTheFirstLine) {
  EXPECT_EQ(error_of(parse(valid_payments() + "MOD-2025-001,2025-12-12,JA-P-TWK,1.00,USD,\n")),
            "payments.csv:5: field \"payment_id\": \"MOD-2025-001\" is used more than once; first "
            "on line 2; each payment_id must be unique in the file");
}

TEST(PaymentsCsv, CaseIdShape) {
  EXPECT_THAT(problem_with_row("P1,2025-09-12,JAPTWK,1.00,USD,"),
              HasSubstr("field \"case_id\": \"JAPTWK\" is not a case identifier"));
}

}  // namespace
}  // namespace fms::io
