// Tests that match() and classify() give the same answers when their passes are split between
// two workers: a portfolio just large enough for the split, with known numbers of each kind of
// fact, checked in total and, for a sample, in detail; and the same facts split across more
// documents give the same discrepancies.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "recon/parallel.h"
#include "recon/recon.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::case_info;
using test::day;
using test::DeliveryRow;
using test::Fixture;
using test::per_unit_line;
using test::ReceiptRow;

struct Built {
  std::vector<DeliveryRow> deliveries;
  std::vector<ReceiptRow> receipts;
  std::map<DiscrepancyType, std::size_t> expected;
  std::size_t matches = 0;
};

Built build(std::size_t rows) {
  Built b;
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    const std::string line = "0" + std::to_string(10 + i % 20);
    const CivilDate ship = day(2024, 1, 1).plus_days(static_cast<std::int64_t>(i % 200));
    // Source lines follow the row, not its place in a document, so any split reports alike.
    DeliveryRow d{.number = "N" + n, .line = line, .ship = ship, .quantity = 4,
                  .value_cents = 400'00, .source_line = static_cast<std::uint32_t>(i + 1)};
    b.deliveries.push_back(d);
    ReceiptRow r{.id = "R" + n, .number = d.number, .line = line, .received = ship.plus_days(9),
                 .received_quantity = 4};
    if (i % 97 == 0) {
      ++b.expected[DiscrepancyType::shipped_not_received];
      continue;
    }
    if (i % 100 == 1) {
      r.received_quantity = 3;
      ++b.expected[DiscrepancyType::quantity_short];
    } else if (i % 113 == 2) {
      b.deliveries.push_back(d);
      ++b.expected[DiscrepancyType::duplicate_document];
    } else if (i % 89 == 3) {
      r.number.clear();  // found by case, line and quantity (one shipment per line and day)
      r.received = ship;
    }
    b.receipts.push_back(r);
    ++b.matches;
  }
  return b;
}

Fixture portfolio(const Built& b, std::size_t delivery_parts) {
  Fixture f;
  std::vector<LineInfo> lines;
  for (int l = 0; l < 20; ++l) lines.push_back(per_unit_line("0" + std::to_string(10 + l), 1'000'000, 100'00));
  f.with_case(case_info("JA-P-AAA", lines));
  for (std::size_t p = 0; p < delivery_parts; ++p) {
    const auto from = static_cast<std::ptrdiff_t>(b.deliveries.size() * p / delivery_parts);
    const auto to = static_cast<std::ptrdiff_t>(b.deliveries.size() * (p + 1) / delivery_parts);
    f.deliveries({b.deliveries.begin() + from, b.deliveries.begin() + to}, "listing.csv");
  }
  f.receipts(b.receipts);
  return f;
}

TEST(TwoWorkers, MatchAndClassifyAtTheSplitSize) {
  const Built b = build(kMinRowsForWorkers);
  const Fixture f = portfolio(b, 3);
  const std::vector<Match> matches = f.matches();
  EXPECT_EQ(matches.size(), b.matches);
  EXPECT_TRUE(std::is_sorted(matches.begin(), matches.end()));
  EXPECT_TRUE(std::adjacent_find(matches.begin(), matches.end()) == matches.end());
  const auto all = classify(f.portfolio, matches, Rules{}, day(2025, 1, 1));
  std::map<DiscrepancyType, std::size_t> found;
  for (const Discrepancy& d : all) ++found[d.type];
  EXPECT_EQ(found, b.expected);
  // Spot checks across both workers' halves.
  const auto short_of = [&](const std::string& number) {
    return std::count_if(all.begin(), all.end(), [&](const Discrepancy& d) {
      return d.type == DiscrepancyType::quantity_short && d.documents[0] == "delivery " + number &&
             d.usd_cents == 100'00;
    });
  };
  EXPECT_EQ(short_of("N1"), 1);
  EXPECT_EQ(short_of("N" + std::to_string(kMinRowsForWorkers - 1 - (kMinRowsForWorkers - 2) % 100)), 1);
}

TEST(TwoWorkers, SameDiscrepanciesWhateverTheDocumentSplit) {
  const Built b = build(kMinRowsForWorkers);
  const Fixture one = portfolio(b, 1);
  const Fixture five = portfolio(b, 5);
  const auto a = one.discrepancies(day(2025, 1, 1));
  const auto c = five.discrepancies(day(2025, 1, 1));
  EXPECT_EQ(a, c);
  EXPECT_FALSE(a.empty());
}

}  // namespace
}  // namespace fms::recon
