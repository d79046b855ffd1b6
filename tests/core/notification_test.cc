// Tests for the AECA 36(b) notification check: NATO+5 versus other purchasers, each threshold
// exactly at and one cent below its boundary, the values summed from line flags, the
// thresholds taken on the offer date, and a Tomahawk-like Japan case.
#include "core/notification.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "refdata/loader.h"

namespace fms {
namespace {

constexpr std::int64_t kCentsPerDollar = 100;

const ReferenceData& reference() {
  static const ReferenceData data = refdata::load_builtin().value();
  return data;
}

Money usd(std::int64_t cents) {
  return {cents, Currency::usd()};
}
std::int64_t dollars(std::int64_t whole) {
  return whole * kCentsPerDollar;
}

LoaLine line(const std::string& number, std::int64_t total_cents, bool mde = false,
             bool design_and_construction = false) {
  LoaLine out;
  out.number = number;
  out.quantity = 1;
  out.unit_of_issue = "EA";
  out.unit_cost = usd(total_cents);
  out.total = usd(total_cents);
  out.type_of_assistance = "5";
  out.source_of_supply = "P";
  out.offer_release_code = "A";
  out.delivery_term_code = "4";
  out.major_defense_equipment = mde;
  out.design_and_construction = design_and_construction;
  out.admin_surcharge_basis_points = 320;
  return out;
}

// A version whose cost-summary total is the sum of its lines unless given.
LoaVersion version(const std::string& case_id, const std::string& offer_date,
                   std::vector<LoaLine> lines, std::int64_t total_cents = -1) {
  LoaVersion out;
  out.case_id = CaseId::parse(case_id, reference()).value();
  out.offer_date = CivilDate::parse(offer_date).value();
  out.effective_date = out.offer_date;
  std::int64_t sum = 0;
  for (const LoaLine& l : lines) sum += l.total.minor_units();
  out.lines = std::move(lines);
  out.cost_summary.net_estimated_cost = usd(sum);
  out.cost_summary.total = usd(total_cents >= 0 ? total_cents : sum);
  return out;
}

NotificationCheck check(const LoaVersion& v, const ReferenceData& data = reference()) {
  Result<NotificationCheck> result = check_notification(v, data);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.value();
}

bool triggered_by(const NotificationCheck& c, const std::string& prefix) {
  for (const std::string& t : c.triggered) {
    if (t.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

TEST(Notification, JapanTomahawkLikeCaseNeedsNotificationWith15Days) {
  // Illustrative figures in the order of the 2023 notification (USD 2.35 bn, 400 missiles).
  LoaVersion v = version("JA-P-AMA", "2023-12-01",
                         {line("001", dollars(1'900'000'000), /*mde=*/true),
                          line("002", dollars(300'000'000)), line("003", dollars(150'000'000))});
  NotificationCheck c = check(v);
  EXPECT_EQ(c.group, "nato_plus5");
  EXPECT_TRUE(c.required);
  EXPECT_EQ(c.review_period_days, 15);
  EXPECT_EQ(c.reference_date, CivilDate::parse("2023-12-01").value());
  EXPECT_EQ(c.mde_value, usd(dollars(1'900'000'000)));
  EXPECT_EQ(c.total_value, usd(dollars(2'350'000'000)));
  EXPECT_EQ(c.design_construction_value, usd(0));
  EXPECT_EQ(c.thresholds.mde_usd, 25'000'000);
  ASSERT_EQ(c.triggered.size(), 2u);
  EXPECT_EQ(c.triggered[0], "MDE value USD 1,900,000,000.00 >= threshold USD 25,000,000.00");
  EXPECT_EQ(c.triggered[1],
            "articles and services value USD 2,350,000,000.00 >= threshold USD "
            "100,000,000.00");
}

TEST(Notification, SmallCaseNeedsNone) {
  NotificationCheck c = check(version("JA-P-AMB", "2024-01-18", {line("001", dollars(1'234))}));
  EXPECT_FALSE(c.required);
  EXPECT_TRUE(c.triggered.empty());
  EXPECT_EQ(c.review_period_days, 0);
  EXPECT_EQ(c.thresholds.review_period_days, 15);  // still reported for display
}

TEST(Notification, MdeIsSummedOnlyFromMdeLines) {
  NotificationCheck c =
      check(version("JA-P-AMC", "2024-01-18",
                    {line("001", dollars(10'000'000), true), line("002", dollars(15'000'000), true),
                     line("003", dollars(40'000'000), false)}));
  EXPECT_EQ(c.mde_value, usd(dollars(25'000'000)));
  EXPECT_TRUE(c.required);
  ASSERT_EQ(c.triggered.size(), 1u);
  EXPECT_EQ(c.triggered[0], "MDE value USD 25,000,000.00 >= threshold USD 25,000,000.00");
}

// ---- NATO+5 boundaries ------------------------------------------------------------------------

TEST(Notification, NatoPlus5MdeExactlyAtThresholdIsRequired) {
  NotificationCheck c =
      check(version("JA-P-AAA", "2024-01-18", {line("001", dollars(25'000'000), true)}));
  EXPECT_TRUE(c.required);
  EXPECT_TRUE(triggered_by(c, "MDE value"));
  EXPECT_EQ(c.review_period_days, 15);
}

TEST(Notification, NatoPlus5MdeOneCentBelowIsNotRequired) {
  NotificationCheck c =
      check(version("JA-P-AAA", "2024-01-18", {line("001", dollars(25'000'000) - 1, true)}));
  EXPECT_FALSE(c.required);
  EXPECT_EQ(c.review_period_days, 0);
}

TEST(Notification, NatoPlus5TotalExactlyAtThresholdIsRequired) {
  NotificationCheck c =
      check(version("AT-B-AAA", "2024-01-18", {line("001", dollars(100'000'000))}));
  EXPECT_TRUE(c.required);
  ASSERT_EQ(c.triggered.size(), 1u);
  EXPECT_EQ(c.triggered[0],
            "articles and services value USD 100,000,000.00 >= threshold USD 100,000,000.00");
}

TEST(Notification, NatoPlus5TotalOneCentBelowIsNotRequired) {
  NotificationCheck c =
      check(version("AT-B-AAA", "2024-01-18", {line("001", dollars(100'000'000) - 1)}));
  EXPECT_FALSE(c.required);
}

TEST(Notification, TotalComesFromTheCostSummaryNotTheLines) {
  // Lines below the threshold, but the total with below-the-line charges reaches it.
  NotificationCheck c = check(
      version("AT-B-AAA", "2024-01-18", {line("001", dollars(97'000'000))}, dollars(100'000'000)));
  EXPECT_TRUE(c.required);
  EXPECT_EQ(c.total_value, usd(dollars(100'000'000)));
}

TEST(Notification, NatoPlus5DesignAndConstructionExactlyAtThreshold) {
  // A D&C case is also large in total; total is set below its threshold to isolate D&C.
  NotificationCheck at =
      check(version("UK-D-AAA", "2024-01-18", {line("001", dollars(300'000'000), false, true)}, 0));
  EXPECT_TRUE(at.required);
  ASSERT_EQ(at.triggered.size(), 1u);
  EXPECT_EQ(at.triggered[0],
            "design and construction value USD 300,000,000.00 >= threshold USD "
            "300,000,000.00");
  EXPECT_EQ(at.design_construction_value, usd(dollars(300'000'000)));

  NotificationCheck below = check(
      version("UK-D-AAA", "2024-01-18", {line("001", dollars(300'000'000) - 1, false, true)}, 0));
  EXPECT_FALSE(below.required);
  EXPECT_FALSE(triggered_by(below, "design and construction"));
}

// ---- Other purchasers -------------------------------------------------------------------------

TEST(Notification, OtherMdeBoundary) {
  NotificationCheck at =
      check(version("SR-B-AAA", "2024-01-18", {line("001", dollars(14'000'000), true)}));
  EXPECT_EQ(at.group, "other");
  EXPECT_TRUE(at.required);
  EXPECT_EQ(at.review_period_days, 30);
  EXPECT_EQ(
      at.triggered,
      (std::vector<std::string>{"MDE value USD 14,000,000.00 >= threshold USD 14,000,000.00"}));

  NotificationCheck below =
      check(version("SR-B-AAA", "2024-01-18", {line("001", dollars(14'000'000) - 1, true)}));
  EXPECT_FALSE(below.required);
  EXPECT_EQ(below.review_period_days, 0);
}

TEST(Notification, OtherTotalBoundary) {
  EXPECT_TRUE(
      check(version("TW-P-AAA", "2024-01-18", {line("001", dollars(50'000'000))})).required);
  EXPECT_FALSE(
      check(version("TW-P-AAA", "2024-01-18", {line("001", dollars(50'000'000) - 1)})).required);
}

TEST(Notification, OtherDesignAndConstructionBoundary) {
  NotificationCheck at =
      check(version("SR-B-AAA", "2024-01-18", {line("001", dollars(200'000'000), false, true)}, 0));
  EXPECT_TRUE(at.required);
  EXPECT_TRUE(triggered_by(at, "design and construction value USD 200,000,000.00"));
  NotificationCheck below = check(
      version("SR-B-AAA", "2024-01-18", {line("001", dollars(200'000'000) - 1, false, true)}, 0));
  EXPECT_FALSE(below.required);
}

TEST(Notification, SameValueDiffersBetweenGroups) {
  // USD 20 M of MDE: below NATO+5's 25 M, above the others' 14 M.
  EXPECT_FALSE(
      check(version("JA-P-AAA", "2024-01-18", {line("001", dollars(20'000'000), true)})).required);
  NotificationCheck other =
      check(version("SR-P-AAA", "2024-01-18", {line("001", dollars(20'000'000), true)}));
  EXPECT_TRUE(other.required);
  EXPECT_EQ(other.review_period_days, 30);
}

TEST(Notification, AllThreeThresholdsCanTriggerTogether) {
  NotificationCheck c = check(version(
      "SR-B-AAA", "2024-01-18",
      {line("001", dollars(20'000'000), true), line("002", dollars(250'000'000), false, true)}));
  EXPECT_EQ(c.triggered.size(), 3u);
  EXPECT_TRUE(triggered_by(c, "MDE value"));
  EXPECT_TRUE(triggered_by(c, "articles and services value"));
  EXPECT_TRUE(triggered_by(c, "design and construction value"));
}

// ---- Dated thresholds and errors --------------------------------------------------------------

TEST(Notification, ThresholdsAreThoseInForceOnTheOfferDate) {
  Result<ReferenceData> data = refdata::load_with_override(R"({
    "version": "raised",
    "notification_thresholds": [
      {"effective_from": "2027-01-01", "group": "nato_plus5", "mde_usd": 30000000,
       "articles_services_usd": 100000000, "design_construction_usd": 300000000,
       "review_period_days": 15, "confidence": "unverified"}
    ]
  })",
                                                           "raised.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  std::vector<LoaLine> lines = {line("001", dollars(27'000'000), true)};
  EXPECT_TRUE(check(version("JA-P-AAA", "2026-12-31", lines), *data).required);
  NotificationCheck later = check(version("JA-P-AAA", "2027-01-01", lines), *data);
  EXPECT_FALSE(later.required);
  EXPECT_EQ(later.thresholds.mde_usd, 30'000'000);
}

TEST(Notification, OfferDateBeforeAnyThresholdsIsAnError) {
  ReferenceData data = reference();
  data.notification_thresholds = {
      {CivilDate::parse("2000-01-01").value(), "nato_plus5", 1, 2, 3, 15}};
  Result<NotificationCheck> c =
      check_notification(version("JA-P-AAA", "1999-12-31", {line("001", 1)}), data);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("in force on 1999-12-31"), std::string::npos);
}

TEST(Notification, CustomerMissingFromTheReferenceDataIsAnError) {
  ReferenceData data = reference();
  LoaVersion v = version("JA-P-AAA", "2024-01-18", {line("001", 1)});
  data.customers.erase("JA");
  Result<NotificationCheck> c = check_notification(v, data);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("unknown customer code \"JA\""), std::string::npos);
}

TEST(Notification, NonDollarDocumentIsAnError) {
  LoaVersion v = version("JA-P-AAA", "2024-01-18", {});
  v.currency = Currency::jpy();
  Result<NotificationCheck> c = check_notification(v, reference());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("JPY"), std::string::npos);
}

TEST(Notification, LineInAnotherCurrencyIsAnError) {
  LoaLine yen_line = line("001", 5, true);
  yen_line.total = Money(5, Currency::jpy());
  Result<NotificationCheck> c =
      check_notification(version("JA-P-AAA", "2024-01-18", {yen_line}, 0), reference());
  ASSERT_FALSE(c.ok());
}

}  // namespace
}  // namespace fms
