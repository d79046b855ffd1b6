// Tests for the second matching pass (case + line + quantity): the window edges, one-to-one
// choice of the earliest shipment, shipments received in parts and receipts covering several
// shipments (runs of 2 to kMaxRunRows consecutive unmatched rows, each eligible), the order in
// which rows are served, and lines compared by their text across documents.
#include "recon/case_line_pass.h"

#include <gtest/gtest.h>

#include <vector>

#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::day;
using test::DeliveryRow;
using test::Fixture;
using test::line_match;
using test::ReceiptRow;

constexpr int kWindow = 180;

std::int32_t serial(int y, unsigned m, unsigned d) {
  return day(y, m, d).serial();
}

UnmatchedDelivery shipment(std::uint32_t row, std::int32_t ship, std::int64_t quantity,
                           std::uint32_t line = 0) {
  return {line, ship, row, quantity};
}
UnmatchedReceipt receipt(std::uint32_t row, std::int32_t received, std::int64_t quantity,
                         std::uint32_t line = 0) {
  return {line, received, row, quantity};
}

TEST(CaseLineWindow, ReceivedOnTheLastDayOfTheWindowIsEligibleTheDayAfterIsNot) {
  const std::int32_t ship = serial(2024, 1, 10);
  EXPECT_EQ(match_by_case_line_quantity({shipment(0, ship, 5)}, {receipt(0, ship + kWindow, 5)},
                                        kWindow),
            (std::vector<RowPair>{{0, 0}}));
  EXPECT_TRUE(match_by_case_line_quantity({shipment(0, ship, 5)},
                                          {receipt(0, ship + kWindow + 1, 5)}, kWindow)
                  .empty());
}

TEST(CaseLineWindow, ReceivedOnTheShipDateIsEligibleTheDayBeforeIsNot) {
  const std::int32_t ship = serial(2024, 1, 10);
  EXPECT_EQ(match_by_case_line_quantity({shipment(0, ship, 5)}, {receipt(0, ship, 5)}, kWindow),
            (std::vector<RowPair>{{0, 0}}));
  EXPECT_TRUE(
      match_by_case_line_quantity({shipment(0, ship, 5)}, {receipt(0, ship - 1, 5)}, kWindow)
          .empty());
}

TEST(CaseLineWindow, WindowEdgesHoldForSplitsToo) {
  const std::int32_t ship = serial(2024, 1, 10);
  EXPECT_EQ(match_by_case_line_quantity(
                {shipment(0, ship, 5)},
                {receipt(0, ship + kWindow, 2), receipt(1, ship + kWindow, 3)}, kWindow),
            (std::vector<RowPair>{{0, 0}, {0, 1}}));
  EXPECT_TRUE(match_by_case_line_quantity(
                  {shipment(0, ship, 5)},
                  {receipt(0, ship + kWindow, 2), receipt(1, ship + kWindow + 1, 3)}, kWindow)
                  .empty());
}

TEST(CaseLineOneToOne, QuantitiesMustBeEqual) {
  const std::int32_t ship = serial(2024, 1, 10);
  EXPECT_TRUE(
      match_by_case_line_quantity({shipment(0, ship, 5)}, {receipt(0, ship + 3, 4)}, kWindow)
          .empty());
}

TEST(CaseLineOneToOne, EarliestEligibleShipmentInShipDateOrder) {
  const std::int32_t jan = serial(2024, 1, 10);
  // Row 0 was shipped after row 1: the earlier shipment (row 1) is taken first.
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan + 20, 3), shipment(1, jan, 3), shipment(2, jan + 5, 4)},
      {receipt(0, jan + 30, 3)}, kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{1, 0}}));
}

TEST(CaseLineOneToOne, ReceiptsServedInReceivedDateOrder) {
  const std::int32_t jan = serial(2024, 1, 10);
  // Receipt row 0 arrived later; receipt row 1 (earlier) takes the earliest shipment.
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 3), shipment(1, jan + 10, 3)},
      {receipt(0, jan + 40, 3), receipt(1, jan + 20, 3)}, kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 1}, {1, 0}}));
}

TEST(CaseLineOneToOne, ShipmentsOutsideTheWindowAreSkippedNotTaken) {
  const std::int32_t jan = serial(2024, 1, 10);
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 3), shipment(1, jan + 100, 3)},
      {receipt(0, jan + kWindow + 50, 3), receipt(1, jan + kWindow + 60, 3)}, kWindow);
  // Receipt 0 is past shipment 0's window and takes shipment 1; receipt 1 has nothing left.
  EXPECT_EQ(pairs, (std::vector<RowPair>{{1, 0}}));
}

TEST(CaseLineOneToOne, LinesDoNotMix) {
  const std::int32_t jan = serial(2024, 1, 10);
  EXPECT_TRUE(match_by_case_line_quantity({shipment(0, jan, 3, /*line=*/1)},
                                          {receipt(0, jan + 1, 3, /*line=*/2)}, kWindow)
                  .empty());
}

// Receipts of 1 unit each, all on the ship date + 1, for one shipment of `count` units.
std::vector<UnmatchedReceipt> unit_receipts(std::int32_t received, std::uint32_t count) {
  std::vector<UnmatchedReceipt> out;
  for (std::uint32_t i = 0; i < count; ++i) out.push_back(receipt(i, received, 1));
  return out;
}

TEST(CaseLineReceivedInParts, TwoPartsMatchTheShipment) {
  const std::int32_t jan = serial(2024, 1, 10);
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 10)}, {receipt(0, jan + 5, 4), receipt(1, jan + 9, 6)}, kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 0}, {0, 1}}));
}

TEST(CaseLineReceivedInParts, RunOfEightMatchesRunOfNineDoesNot) {
  const std::int32_t jan = serial(2024, 1, 10);
  const auto eight = match_by_case_line_quantity({shipment(0, jan, kMaxRunRows)},
                                                 unit_receipts(jan + 1, kMaxRunRows), kWindow);
  EXPECT_EQ(eight.size(), kMaxRunRows);
  EXPECT_TRUE(match_by_case_line_quantity({shipment(0, jan, kMaxRunRows + 1)},
                                          unit_receipts(jan + 1, kMaxRunRows + 1), kWindow)
                  .empty());
}

TEST(CaseLineReceivedInParts, RunsAreConsecutiveAndTheFirstRunWins) {
  const std::int32_t jan = serial(2024, 1, 10);
  // 4 + 6 would make 10 but 5 stands between them; 5 + 5 (rows 1, 2) is the first run.
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 10)},
      {receipt(0, jan + 1, 4), receipt(1, jan + 2, 5), receipt(2, jan + 3, 5),
       receipt(3, jan + 4, 6)},
      kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 1}, {0, 2}}));
  EXPECT_TRUE(match_by_case_line_quantity(
                  {shipment(0, jan, 10)},
                  {receipt(0, jan + 1, 4), receipt(1, jan + 2, 5), receipt(2, jan + 3, 6)},
                  kWindow)
                  .empty());
}

TEST(CaseLineReceivedInParts, MatchedReceiptsAreSkippedWhenFormingRuns) {
  const std::int32_t jan = serial(2024, 1, 10);
  // Receipt 1 (7 units) goes one-to-one to shipment 1; 4 + 6 around it are then consecutive.
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 10), shipment(1, jan, 7)},
      {receipt(0, jan + 1, 4), receipt(1, jan + 2, 7), receipt(2, jan + 3, 6)}, kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 0}, {0, 2}, {1, 1}}));
}

TEST(CaseLineCombinedReceipt, OneReceiptForTwoShipments) {
  const std::int32_t jan = serial(2024, 1, 10);
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 3), shipment(1, jan + 2, 7)}, {receipt(0, jan + 9, 10)}, kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 0}, {1, 0}}));
}

TEST(CaseLineCombinedReceipt, RunOfEightMatchesRunOfNineDoesNot) {
  const std::int32_t jan = serial(2024, 1, 10);
  const auto shipments = [&](std::uint32_t count) {
    std::vector<UnmatchedDelivery> out;
    for (std::uint32_t i = 0; i < count; ++i) out.push_back(shipment(i, jan, 1));
    return out;
  };
  EXPECT_EQ(match_by_case_line_quantity(shipments(kMaxRunRows),
                                        {receipt(0, jan + 1, kMaxRunRows)}, kWindow)
                .size(),
            kMaxRunRows);
  EXPECT_TRUE(match_by_case_line_quantity(shipments(kMaxRunRows + 1),
                                          {receipt(0, jan + 1, kMaxRunRows + 1)}, kWindow)
                  .empty());
}

TEST(CaseLineCombinedReceipt, EveryShipmentOfTheRunMustBeEligible) {
  const std::int32_t jan = serial(2024, 1, 10);
  // The second shipment left after the receipt arrived.
  EXPECT_TRUE(match_by_case_line_quantity({shipment(0, jan, 3), shipment(1, jan + 20, 7)},
                                          {receipt(0, jan + 10, 10)}, kWindow)
                  .empty());
}

TEST(CaseLineSteps, PartsAreTriedBeforeCombinedReceipts) {
  const std::int32_t jan = serial(2024, 1, 10);
  // Shipment 0 (5) can be made of receipts 0 + 1 (2 + 3); receipt 1 alone cannot take shipments.
  // Step (b) runs first and claims receipts 0 and 1; shipments 1 and 2 then combine into receipt 2.
  const auto pairs = match_by_case_line_quantity(
      {shipment(0, jan, 5), shipment(1, jan + 1, 1), shipment(2, jan + 2, 1)},
      {receipt(0, jan + 3, 2), receipt(1, jan + 4, 3), receipt(2, jan + 5, 2)}, kWindow);
  EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 0}, {0, 1}, {1, 2}, {2, 2}}));
}

TEST(CaseLineThroughMatch, LinesAreComparedByTextAcrossDocumentDictionaries) {
  Fixture f;
  // Different first-appearance order gives the same line different local indexes.
  f.deliveries({{.number = "A1", .case_id = "JA-P-AAA", .line = "001", .quantity = 9},
                {.number = "B2", .case_id = "JA-P-AAA", .line = "002", .quantity = 4}});
  f.receipts({{.id = "R1", .number = "", .case_id = "JA-P-AAA", .line = "002",
               .received_quantity = 4},
              {.id = "R2", .number = "", .case_id = "JA-P-AAA", .line = "001",
               .received_quantity = 9}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{line_match(0, 0, 0, 1), line_match(0, 1, 0, 0)}));
}

TEST(CaseLineThroughMatch, UsesTheRuleWindow) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .quantity = 2}});
  f.receipts({{.id = "R1", .number = "", .received = day(2024, 1, 20), .received_quantity = 2}});
  Rules rules;
  rules.receipt_window_days = 10;
  EXPECT_EQ(f.matches(rules).size(), 1U);
  rules.receipt_window_days = 9;
  EXPECT_TRUE(f.matches(rules).empty());
}

}  // namespace
}  // namespace fms::recon
