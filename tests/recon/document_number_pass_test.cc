// Tests for the document-number pass at scale and at its edges: partition counts at their
// limits, numbers longer than the inline space, empty numbers, and a portfolio large enough for
// the two-worker path (checked row by row against how it was built).
#include "recon/document_number_pass.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "recon/parallel.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::DeliveryRow;
using test::Fixture;
using test::ReceiptRow;

TEST(PartitionBits, GrowWithRowsBetweenTheLimits) {
  EXPECT_EQ(partition_bits(0), kMinPartitionBits);
  EXPECT_EQ(partition_bits(2 * kRowsPerPartition), 1U);
  EXPECT_EQ(partition_bits(2 * kRowsPerPartition + 1), 2U);
  EXPECT_EQ(partition_bits(kRowsPerPartition << kMaxPartitionBits), kMaxPartitionBits);
  EXPECT_EQ(partition_bits((kRowsPerPartition << kMaxPartitionBits) + 1), kMaxPartitionBits);
  EXPECT_EQ(partition_bits(std::size_t{1} << 40), kMaxPartitionBits);
}

TEST(DocumentNumberPass, LongNumbersAreComparedInFull) {
  // The same first 23 bytes; only the tails tell them apart.
  const std::string stem(23, 'X');
  Fixture f;
  f.deliveries({{.number = stem + "AAAA"}, {.number = stem + "BBBB"}, {.number = stem + "AAAA"}});
  f.receipts({{.id = "R1", .number = stem + "BBBB"}, {.id = "R2", .number = stem + "AAAA"},
              {.id = "R3", .number = stem + "CCCC", .received_quantity = 7}});
  const RowSpace deliveries(f.portfolio.deliveries);
  const RowSpace receipts(f.portfolio.receipts);
  const DocumentNumberMatches m = match_by_document_number(f.portfolio, deliveries, receipts);
  EXPECT_EQ(std::vector<std::uint32_t>(m.first_receipt.begin(), m.first_receipt.end()),
            (std::vector<std::uint32_t>{1, 0, kDuplicateRow}));
  EXPECT_EQ(std::vector<std::uint8_t>(m.receipt_matched.begin(), m.receipt_matched.end()),
            (std::vector<std::uint8_t>{1, 1, 0}));
  EXPECT_TRUE(m.further_receipts.empty());
  EXPECT_EQ(first_rows_with_same_number(f.portfolio, deliveries, std::vector<std::uint32_t>{2}),
            (std::vector<std::uint32_t>{0}));
}

TEST(DocumentNumberPass, EmptyReceiptNumbersNeverMatchByNumber) {
  Fixture f;
  f.deliveries({{.number = ""}, {.number = "A1"}, {.number = ""}});
  f.receipts({{.id = "R1", .number = ""}, {.id = "R2", .number = "A1"}, {.id = "R3", .number = "A1"}});
  const RowSpace deliveries(f.portfolio.deliveries);
  const RowSpace receipts(f.portfolio.receipts);
  const DocumentNumberMatches m = match_by_document_number(f.portfolio, deliveries, receipts);
  // Rows without a number group like any other number: the second is a repeat of the first.
  EXPECT_EQ(std::vector<std::uint32_t>(m.first_receipt.begin(), m.first_receipt.end()),
            (std::vector<std::uint32_t>{kNoRow, 1, kDuplicateRow}));
  EXPECT_EQ(std::vector<std::uint8_t>(m.receipt_matched.begin(), m.receipt_matched.end()),
            (std::vector<std::uint8_t>{0, 1, 1}));
  EXPECT_EQ(m.further_receipts, (std::vector<RowPair>{{1, 2}}));
}

// Enough rows for the two-worker path, several partitions and documents, receipts shuffled:
// every receipt must land on the delivery it was made for, duplicates on nothing.
TEST(DocumentNumberPass, TwoWorkersAgreeWithHowThePortfolioWasBuilt) {
  const std::size_t rows = kMinRowsForWorkers;
  std::vector<DeliveryRow> shipped;
  std::vector<ReceiptRow> received;
  std::size_t repeats = 0;
  std::size_t received_shipments = 0;
  std::size_t second_receipts = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    shipped.push_back({.number = "JAP" + n});
    std::size_t receipts_of_i = 0;
    if (i % 10 == 3) {
      shipped.push_back({.number = "JAP" + n});  // a repeat right after
      ++repeats;
    }
    if (i % 7 != 0) {
      received.push_back({.id = n, .number = "JAP" + n});
      ++receipts_of_i;
    }
    if (i % 50 == 1) {
      received.push_back({.id = n + "b", .number = "JAP" + n});
      ++receipts_of_i;
    }
    received_shipments += receipts_of_i > 0 ? 1 : 0;
    second_receipts += receipts_of_i > 1 ? 1 : 0;
  }
  std::mt19937 random(3);
  std::shuffle(received.begin(), received.end(), random);
  Fixture f;
  const auto half_d = static_cast<std::ptrdiff_t>(shipped.size() / 2);
  f.deliveries({shipped.begin(), shipped.begin() + half_d});
  f.deliveries({shipped.begin() + half_d, shipped.end()});
  f.receipts(received);
  const RowSpace deliveries(f.portfolio.deliveries);
  const RowSpace receipts(f.portfolio.receipts);
  const DocumentNumberMatches m = match_by_document_number(f.portfolio, deliveries, receipts);

  const auto number_of_delivery = [&](std::uint32_t g) {
    const RowSpace::Location at = deliveries.locate(g);
    return std::string(f.portfolio.deliveries[at.document].rows->document_number.at(at.row));
  };
  const ReceiptInspections& r = *f.portfolio.receipts[0].rows;
  std::size_t duplicates = 0;
  std::size_t matched = 0;
  for (std::uint32_t g = 0; g < deliveries.size(); ++g) {
    const std::uint32_t first = m.first_receipt[g];
    if (first == kDuplicateRow) {
      ++duplicates;
      EXPECT_EQ(number_of_delivery(g), number_of_delivery(g - 1));
      continue;
    }
    if (first == kNoRow) continue;
    ++matched;
    ASSERT_EQ(std::string(r.document_number.at(first)), number_of_delivery(g)) << g;
  }
  EXPECT_EQ(duplicates, repeats);
  EXPECT_EQ(matched, received_shipments);
  EXPECT_EQ(std::count(m.receipt_matched.begin(), m.receipt_matched.end(), 1),
            static_cast<std::ptrdiff_t>(received.size()));
  EXPECT_EQ(m.further_receipts.size(), second_receipts);
  EXPECT_TRUE(std::is_sorted(m.further_receipts.begin(), m.further_receipts.end()));
  for (const RowPair& p : m.further_receipts) {
    EXPECT_LT(m.first_receipt[p.delivery], p.receipt);
    EXPECT_EQ(std::string(r.document_number.at(p.receipt)), number_of_delivery(p.delivery));
  }
}

}  // namespace
}  // namespace fms::recon
