// Tests of the payments file's second format (docs/formats/payments.md): a USD remittance with
// the yen it cost and the rate, either given, derived from the other, or checked against it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::HasSubstr;
using testing_csv::error_of;

constexpr const char* kHeader = "payment_id,date,case_id,usd_amount,jpy_amount,rate_jpy_per_usd\n";

Result<Payments> parse(const std::string& rows) {
  return parse_payments(std::string(kHeader) + rows, "p.csv");
}

TEST(PaymentsFormat2, ARemittanceWithoutYenHasNoRate) {
  const Result<Payments> parsed = parse("P1,2025-06-13,JA-P-TWK,159589000.00,,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const PaymentRow& row = parsed->rows.at(0);
  EXPECT_EQ(row.usd, Money(15'958'900'000, Currency::usd()));
  EXPECT_EQ(row.amount, row.usd);
  EXPECT_FALSE(row.jpy.has_value());
  EXPECT_FALSE(row.rate.has_value());
}

TEST(PaymentsFormat2, TheRateIsDerivedFromTheYenItCost) {
  // JPY 23,695,224,000 for USD 161,192,000.00: 147 yen to the dollar.
  const Result<Payments> parsed = parse("P2,2025-09-12,JA-P-TWK,161192000.00,23695224000,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const PaymentRow& row = parsed->rows.at(0);
  EXPECT_EQ(row.jpy, Money(23'695'224'000, Currency::jpy()));
  ASSERT_TRUE(row.rate.has_value());
  EXPECT_EQ(row.rate->to_string(4), "147.0000");
  EXPECT_TRUE(row.rate_derived);
  // Rounded half away from zero to 10 decimals: 1,000 yen for USD 6.61 is 151.2859304085.
  const Result<Payments> odd = parse("P3,2025-09-12,JA-P-TWK,6.61,1000,\n");
  ASSERT_TRUE(odd.ok()) << odd.error().message;
  EXPECT_EQ(odd->rows.at(0).rate->to_string(), "151.2859304085");
}

TEST(PaymentsFormat2, TheYenIsTheDollarsAtAStatedRate) {
  const Result<Payments> parsed = parse("P4,2025-09-12,JA-P-TWK,100.00,,147.25\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->rows.at(0).jpy, Money(14'725, Currency::jpy()));
  EXPECT_FALSE(parsed->rows.at(0).rate_derived);
}

TEST(PaymentsFormat2, YenAndRateGivenTogetherMustAgree) {
  EXPECT_TRUE(parse("P5,2025-09-12,JA-P-TWK,100.00,14725,147.25\n").ok());
  EXPECT_EQ(error_of(parse("P5,2025-09-12,JA-P-TWK,100.00,14726,147.25\n")),
            "p.csv:2: field \"jpy_amount\": JPY 14,726 is not USD 100.00 at 147.2500 (JPY "
            "14,725); give the yen and the rate as the remittance advice states them, or only "
            "one");
}

TEST(PaymentsFormat2, ARefundIsNegativeInBothCurrencies) {
  const Result<Payments> parsed = parse("R1,2026-03-01,JA-P-SXB,-100.00,-15000,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->rows.at(0).rate->to_string(4), "150.0000");
  EXPECT_EQ(error_of(parse("R1,2026-03-01,JA-P-SXB,-100.00,15000,\n")),
            "p.csv:2: field \"jpy_amount\": \"15000\" cannot be what USD -100.00 cost: the yen is "
            "not zero and has the sign of the dollars");
  EXPECT_EQ(error_of(parse("R1,2026-03-01,JA-P-SXB,0,,\n")),
            "p.csv:2: field \"usd_amount\": \"0\" is zero; a payment (or a refund, negative) "
            "moves money");
}

TEST(PaymentsFormat2, TheFormatsDoNotMix) {
  EXPECT_THAT(error_of(parse_payments("payment_id,date,case_id,amount,currency,rate_jpy_per_usd,"
                                      "usd_amount\nP1,2025-01-01,JA-P-TWK,1.00,USD,,1.00\n",
                                      "p.csv")),
              HasSubstr("p.csv:1: field \"usd_amount\": the column belongs to the other payments "
                        "format; a file with amount and currency has the columns payment_id, "
                        "date, case_id, amount, currency, rate_jpy_per_usd"));
  EXPECT_THAT(error_of(parse_payments("payment_id,date,case_id,jpy_amount\n"
                                      "P1,2025-01-01,JA-P-TWK,100\n",
                                      "p.csv")),
              HasSubstr("p.csv:1: field \"usd_amount\": the required column is missing from the "
                        "header; the columns are payment_id, date, case_id, usd_amount, "
                        "jpy_amount, rate_jpy_per_usd"));
}

TEST(PaymentsFormat1, AYenPaymentKnowsWhatItCost) {
  const Result<Payments> parsed = parse_payments(
      "payment_id,date,case_id,amount,currency,rate_jpy_per_usd\n"
      "P1,2025-09-12,JA-P-TWK,23695224000,JPY,147.0000\n"
      "P2,2025-09-12,JA-P-TWK,5.00,USD,\n",
      "p.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->rows.at(0).jpy, Money(23'695'224'000, Currency::jpy()));
  EXPECT_EQ(parsed->rows.at(0).usd, Money(16'119'200'000, Currency::usd()));
  EXPECT_FALSE(parsed->rows.at(1).jpy.has_value());
}

}  // namespace
}  // namespace fms::io
