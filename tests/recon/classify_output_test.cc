// Tests for what every discrepancy carries and how the list is ordered: the SDR action texts
// (below the minimum, on and past the deadline), ages, the documented order, the same result
// for the same facts in any row or document order, and matches that classify must repair or
// ignore (unsorted, repeated, pointing at rows that do not exist).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "recon/recon.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::case_info;
using test::day;
using test::DeliveryRow;
using test::document_match;
using test::Fixture;
using test::of_type;
using test::per_unit_line;
using test::ReceiptRow;

std::vector<Discrepancy> unreceived(std::int64_t value_cents, CivilDate as_of,
                                    const Rules& rules = Rules{}) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .value_cents = value_cents}});
  return of_type(f.discrepancies(as_of, rules), DiscrepancyType::shipped_not_received);
}

TEST(SdrAction, BelowTheMinimumIsFiledForInformation) {
  const auto below = unreceived(199'99, day(2024, 6, 1));
  ASSERT_EQ(below.size(), 1U);
  EXPECT_EQ(below[0].next_action,
            "file SDR (S3 non-receipt) by 2025-01-09 for information (below USD 200.00)");
  const auto at = unreceived(200'00, day(2024, 6, 1));
  ASSERT_EQ(at.size(), 1U);
  EXPECT_EQ(at[0].next_action, "file SDR (S3 non-receipt) by 2025-01-09");
}

TEST(SdrAction, MinimumComesFromTheRulesAndIsFormatted) {
  Rules rules;
  rules.sdr_minimum_cents = 1234'50;
  const auto below = unreceived(1234'49, day(2024, 6, 1), rules);
  ASSERT_EQ(below.size(), 1U);
  EXPECT_EQ(below[0].next_action,
            "file SDR (S3 non-receipt) by 2025-01-09 for information (below USD 1,234.50)");
}

TEST(SdrAction, OnTheDeadlineStillFilePastItRaiseWithTheAgency) {
  const auto on = unreceived(500'00, day(2025, 1, 9));
  ASSERT_EQ(on.size(), 1U);
  EXPECT_EQ(on[0].next_action, "file SDR (S3 non-receipt) by 2025-01-09");
  const auto past = unreceived(500'00, day(2025, 1, 10));
  ASSERT_EQ(past.size(), 1U);
  EXPECT_EQ(past[0].next_action,
            "SDR deadline 2025-01-09 passed; raise with the implementing agency");
  EXPECT_EQ(past[0].action_due, day(2025, 1, 9));
  // Past the deadline the small-claim note no longer applies.
  const auto small_past = unreceived(1'00, day(2025, 1, 10));
  ASSERT_EQ(small_past.size(), 1U);
  EXPECT_EQ(small_past[0].next_action,
            "SDR deadline 2025-01-09 passed; raise with the implementing agency");
}

TEST(SdrAction, SubmissionDaysComeFromTheRules) {
  Rules rules;
  rules.sdr_submission_days = 30;
  const auto found = unreceived(500'00, day(2024, 6, 1), rules);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].action_due, day(2024, 2, 9));
  EXPECT_EQ(found[0].next_action,
            "SDR deadline 2024-02-09 passed; raise with the implementing agency");
}

TEST(DiscrepancyAge, NeverNegative) {
  Fixture f;
  f.receipts({{.id = "R1", .number = "", .received = day(2024, 5, 1)}});
  const auto all = f.discrepancies(day(2024, 4, 1));  // as_of before the receipt
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].arose, day(2024, 5, 1));
  EXPECT_EQ(all[0].age_days, 0);
}

TEST(DiscrepancyOrder, CaseThenLineThenTypeThenFirstDocumentThenDate) {
  Fixture f;
  f.with_case(case_info("JA-P-BBB", {per_unit_line("001", 100, 100'00)}));
  f.deliveries({{.number = "Z9", .case_id = "JA-P-BBB", .line = "002", .ship = day(2024, 1, 3)},
                {.number = "M5", .case_id = "JA-P-BBB", .line = "001", .ship = day(2024, 1, 2)},
                {.number = "C3", .case_id = "JA-P-AAA", .line = "001", .ship = day(2024, 1, 1)},
                {.number = "B2", .case_id = "JA-P-BBB", .line = "001", .ship = day(2024, 1, 9)}});
  f.receipts({{.id = "R7", .number = "", .case_id = "JA-P-BBB", .line = "001",
               .received = day(2024, 3, 1), .received_quantity = 5}});
  f.payments({test::payment_row("P1", day(2024, 2, 1), "JA-P-BBB", 5'00)});
  const auto all = f.discrepancies(day(2024, 6, 1));
  std::vector<std::tuple<std::string, std::string, DiscrepancyType, std::string>> seen;
  for (const Discrepancy& d : all) {
    seen.emplace_back(d.case_id, d.line, d.type, d.documents.empty() ? "" : d.documents[0]);
  }
  using T = DiscrepancyType;
  const std::vector<std::tuple<std::string, std::string, DiscrepancyType, std::string>> expected{
      {"JA-P-AAA", "001", T::shipped_not_received, "delivery C3"},
      {"JA-P-AAA", "001", T::delivered_beyond_line_quantity, "delivery C3"},
      {"JA-P-BBB", "", T::paid_ahead_of_bill, "payment P1"},
      {"JA-P-BBB", "001", T::shipped_not_received, "delivery B2"},
      {"JA-P-BBB", "001", T::shipped_not_received, "delivery M5"},
      {"JA-P-BBB", "001", T::received_not_reported, "receipt R7"},
      {"JA-P-BBB", "002", T::shipped_not_received, "delivery Z9"},
      {"JA-P-BBB", "002", T::delivered_beyond_line_quantity, "delivery Z9"},
  };
  EXPECT_EQ(seen, expected);
}

TEST(DiscrepancyOrder, SameFirstDocumentOrderedByDate) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 100'00)}));
  // Receipt ids repeat across files; the later receipt sorts after.
  f.receipts({{.id = "R1", .number = "", .received = day(2024, 3, 9)}});
  f.receipts({{.id = "R1", .number = "", .received = day(2024, 3, 2)}});
  const auto all = f.discrepancies(day(2024, 6, 1));
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].arose, day(2024, 3, 2));
  EXPECT_EQ(all[1].arose, day(2024, 3, 9));
}

// A portfolio with one fact of most kinds, each independent of the others.
struct Scenario {
  std::vector<DeliveryRow> deliveries;
  std::vector<ReceiptRow> receipts;
};

Scenario mixed_scenario() {
  Scenario s;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    const std::string line = "0" + std::to_string(10 + i);
    DeliveryRow d{.number = "D" + n, .line = line, .ship = day(2024, 1, 1).plus_days(i),
                  .quantity = 4, .value_cents = 400'00 + i};
    switch (i % 5) {
      case 0:  // received in full by number
        s.receipts.push_back({.id = "R" + n, .number = d.number, .line = line,
                              .received = d.ship.plus_days(10), .received_quantity = 4});
        break;
      case 1:  // short, with a rejection
        s.receipts.push_back({.id = "R" + n, .number = d.number, .line = line,
                              .received = d.ship.plus_days(10), .received_quantity = 3,
                              .rejected = 1});
        break;
      case 2:  // received in two parts without a number
        s.receipts.push_back({.id = "R" + n + "a", .number = "", .line = line,
                              .received = d.ship.plus_days(5), .received_quantity = 1});
        s.receipts.push_back({.id = "R" + n + "b", .number = "", .line = line,
                              .received = d.ship.plus_days(6), .received_quantity = 3});
        break;
      case 3:  // never received, and repeated in the listing
        s.deliveries.push_back(d);
        break;
      default:  // received on another line
        s.receipts.push_back({.id = "R" + n, .number = d.number, .line = "999",
                              .received = d.ship.plus_days(3), .received_quantity = 4});
        break;
    }
    s.deliveries.push_back(d);
  }
  s.receipts.push_back({.id = "STRAY", .number = "", .line = "777", .received_quantity = 2});
  return s;
}

std::vector<Discrepancy> classify_split(std::vector<DeliveryRow> deliveries,
                                        std::vector<ReceiptRow> receipts, std::mt19937& random) {
  std::shuffle(deliveries.begin(), deliveries.end(), random);
  std::shuffle(receipts.begin(), receipts.end(), random);
  Fixture f;
  const auto cut_d = static_cast<std::ptrdiff_t>(deliveries.size() / 3);
  const auto cut_r = static_cast<std::ptrdiff_t>(receipts.size() / 2);
  f.deliveries({deliveries.begin(), deliveries.begin() + cut_d}, "part.csv")
      .deliveries({deliveries.begin() + cut_d, deliveries.end()}, "part.csv");
  f.receipts({receipts.begin() + cut_r, receipts.end()})
      .receipts({receipts.begin(), receipts.begin() + cut_r});
  return f.discrepancies(day(2024, 12, 1));
}

TEST(Determinism, SameDiscrepanciesForPermutedIndependentRowsAndDocuments) {
  // Duplicates are excluded: which copy is "first" depends on order by definition. Their
  // source lines also follow the row position, so compare everything but the duplicate list.
  Scenario s = mixed_scenario();
  std::mt19937 random(11);
  const auto strip_duplicates = [](std::vector<Discrepancy> all) {
    std::erase_if(all, [](const Discrepancy& d) {
      return d.type == DiscrepancyType::duplicate_document;
    });
    return all;
  };
  const auto reference = strip_duplicates(classify_split(s.deliveries, s.receipts, random));
  EXPECT_GT(reference.size(), 20U);
  for (int attempt = 0; attempt < 4; ++attempt) {
    EXPECT_EQ(strip_duplicates(classify_split(s.deliveries, s.receipts, random)), reference);
  }
}

TEST(Determinism, ClassifyRepairsUnsortedRepeatedAndDanglingMatches) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 100'00)}));
  f.deliveries({{.number = "A1", .quantity = 2, .value_cents = 200'00},
                {.number = "B2", .quantity = 2, .value_cents = 200'00}});
  f.receipts({{.id = "R1", .number = "B2", .received_quantity = 1},
              {.id = "R2", .number = "A1", .received_quantity = 2}});
  const std::vector<Match> canonical = f.matches();
  ASSERT_EQ(canonical.size(), 2U);
  const auto expected = classify(f.portfolio, canonical, Rules{}, day(2024, 6, 1));
  ASSERT_EQ(expected.size(), 1U);  // B2 short by one

  std::vector<Match> messy{canonical[1], canonical[0], canonical[1],
                           document_match(0, 9, 0, 0),   // no such delivery row
                           document_match(0, 0, 4, 0)};  // no such receipt document
  EXPECT_EQ(classify(f.portfolio, messy, Rules{}, day(2024, 6, 1)), expected);
}

TEST(Determinism, ClassifyWithoutMatchesSeesEverythingUnmatched) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10)}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 1, 20)}});
  const auto all = classify(f.portfolio, {}, Rules{}, day(2024, 6, 1));
  EXPECT_EQ(of_type(all, DiscrepancyType::shipped_not_received).size(), 1U);
  EXPECT_EQ(of_type(all, DiscrepancyType::received_not_reported).size(), 1U);
}

}  // namespace
}  // namespace fms::recon
