// Tests for match(), first pass and output: matching by document number (parts, other lines,
// duplicates within and across documents), the first pass taking precedence over the second,
// canonical order, and the same pairs for the same facts however rows and documents are ordered.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

#include "recon/recon.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::day;
using test::DeliveryRow;
using test::document_match;
using test::Fixture;
using test::line_match;
using test::ReceiptRow;

TEST(MatchByDocumentNumber, OneShipmentOneReceipt) {
  Fixture f;
  f.deliveries({{.number = "A1"}, {.number = "B2"}});
  f.receipts({{.id = "R1", .number = "B2"}, {.id = "R2", .number = "A1"}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(0, 0, 0, 1), document_match(0, 1, 0, 0)}));
}

TEST(MatchByDocumentNumber, ShipmentReceivedInPartsMatchesEveryPart) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 10}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 4},
              {.id = "R2", .number = "X9", .received_quantity = 1},
              {.id = "R3", .number = "A1", .received_quantity = 6}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(0, 0, 0, 0), document_match(0, 0, 0, 2)}));
}

TEST(MatchByDocumentNumber, MatchesEvenWhenTheReceiptNamesAnotherLine) {
  Fixture f;
  f.deliveries({{.number = "A1", .case_id = "JA-P-AAA", .line = "001"}});
  f.receipts({{.id = "R1", .number = "A1", .case_id = "JA-D-ZZZ", .line = "007"}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(0, 0, 0, 0)}));
}

TEST(MatchByDocumentNumber, DuplicateWithinADocumentIsNeverMatched) {
  Fixture f;
  f.deliveries({{.number = "A1"}, {.number = "A1"}, {.number = "A1"}});
  f.receipts({{.id = "R1", .number = "A1"}, {.id = "R2", .number = "A1"}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(0, 0, 0, 0), document_match(0, 0, 0, 1)}));
}

TEST(MatchByDocumentNumber, DuplicateAcrossDocumentsIsNeverMatchedEvenByQuantity) {
  Fixture f;
  f.deliveries({{.number = "B2", .quantity = 5}, {.number = "A1", .quantity = 3}});
  f.deliveries({{.number = "A1", .quantity = 3}});
  // R1 names A1; R2 has no number but would fit the duplicate by line and quantity.
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 3},
              {.id = "R2", .number = "", .received_quantity = 3}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(0, 1, 0, 0)}));
}

TEST(MatchByDocumentNumber, NumbersAreComparedExactly) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 1}});
  f.receipts({{.id = "R1", .number = "a1", .received_quantity = 2},
              {.id = "R2", .number = "A1 ", .received_quantity = 2},
              {.id = "R3", .number = "A", .received_quantity = 2}});
  EXPECT_TRUE(f.matches().empty());
}

TEST(MatchByDocumentNumber, FirstPassBeatsSecondPass) {
  Fixture f;
  // B2 was shipped first and fits the receipt by case, line and quantity; the receipt names A1.
  f.deliveries({{.number = "A1", .ship = day(2024, 3, 1), .quantity = 5},
                {.number = "B2", .ship = day(2024, 1, 1), .quantity = 5}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 3, 5), .received_quantity = 5}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(0, 0, 0, 0)}));
}

TEST(MatchByDocumentNumber, ReceiptWithUnknownNumberFallsToTheSecondPass) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 5}});
  f.receipts({{.id = "R1", .number = "ZZZ", .received_quantity = 5}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{line_match(0, 0, 0, 0)}));
}

TEST(MatchOutput, CanonicalOrderAcrossDocumentsAndPasses) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 2}, {.number = "B2", .quantity = 7}});
  f.deliveries({{.number = "C3", .quantity = 4}});
  f.receipts({{.id = "R1", .number = "C3", .received_quantity = 4},
              {.id = "R2", .number = "", .received_quantity = 7}});
  f.receipts({{.id = "R3", .number = "A1", .received_quantity = 1},
              {.id = "R4", .number = "A1", .received_quantity = 1}});
  const std::vector<Match> matches = f.matches();
  EXPECT_EQ(matches, (std::vector<Match>{document_match(0, 0, 1, 0), document_match(0, 0, 1, 1),
                                         line_match(0, 1, 0, 1), document_match(1, 0, 0, 0)}));
  EXPECT_TRUE(std::is_sorted(matches.begin(), matches.end()));
}

TEST(MatchOutput, EmptyPortfolioAndEmptyDocuments) {
  Fixture f;
  EXPECT_TRUE(f.matches().empty());
  f.deliveries({});
  f.receipts({});
  f.deliveries({{.number = "A1"}});
  f.receipts({});
  f.receipts({{.id = "R1", .number = "A1"}});
  EXPECT_EQ(f.matches(), (std::vector<Match>{document_match(1, 0, 2, 0)}));
}

// Pairs named by document number and receipt id, independent of row positions.
std::set<std::tuple<std::string, std::string, MatchRule>> named_pairs(const Fixture& f) {
  std::set<std::tuple<std::string, std::string, MatchRule>> out;
  for (const Match& m : f.matches()) {
    out.emplace(std::string(f.portfolio.deliveries[m.delivery_document].rows->document_number.at(
                    m.delivery_row)),
                std::string(f.portfolio.receipts[m.receipt_document].rows->receipt_id.at(
                    m.receipt_row)),
                m.rule);
  }
  return out;
}

TEST(MatchDeterminism, SamePairsWhateverTheRowAndDocumentOrder) {
  // Independent facts: no duplicate numbers, and second-pass candidates that cannot compete
  // (each line has one delivery and one receipt without a number).
  std::vector<DeliveryRow> deliveries;
  std::vector<ReceiptRow> receipts;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    deliveries.push_back({.number = "D" + n, .line = "L" + n, .quantity = i + 1});
    receipts.push_back({.id = "R" + n,
                        .number = i % 3 == 0 ? "" : "D" + n,
                        .line = "L" + n,
                        .received_quantity = i + 1});
  }
  Fixture in_order;
  in_order.deliveries(deliveries).receipts(receipts);
  const auto expected = named_pairs(in_order);
  EXPECT_EQ(expected.size(), 40U);

  std::mt19937 random(7);
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::shuffle(deliveries.begin(), deliveries.end(), random);
    std::shuffle(receipts.begin(), receipts.end(), random);
    Fixture shuffled;
    const auto half_d = static_cast<std::ptrdiff_t>(deliveries.size() / 2);
    const auto half_r = static_cast<std::ptrdiff_t>(receipts.size() / 3);
    shuffled.deliveries({deliveries.begin() + half_d, deliveries.end()})
        .deliveries({deliveries.begin(), deliveries.begin() + half_d})
        .receipts({receipts.begin() + half_r, receipts.end()})
        .receipts({receipts.begin(), receipts.begin() + half_r});
    EXPECT_EQ(named_pairs(shuffled), expected);
    const std::vector<Match> matches = shuffled.matches();
    EXPECT_TRUE(std::is_sorted(matches.begin(), matches.end()));
  }
}

}  // namespace
}  // namespace fms::recon
