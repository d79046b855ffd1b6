// The reconciliation result a benchmark portfolio was built to produce, and its JSON file.
//
// ground-truth.json:
//   {"as_of": "2026-06-30", "deliveries": N, "receipts": M, "matches": K,
//    "discrepancies": [{"type": "...", "case_id": "...", "line": "...", "document": "..."}, ...]}
// `document` is the discrepancy's first document as the engine names it ("delivery <number>"
// or "receipt <id>"); K counts (delivery row, receipt row) match records. Discrepancies are
// listed in the engine's order: case, line, type, document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "bench_portfolio.h"
#include "calendar_table.h"
#include "recon/recon.h"

namespace fms::bench {

// Members in the engine's order of discrepancies, so the default comparison sorts like it.
struct ExpectedDiscrepancy {
  std::string case_id;
  std::string line;
  recon::DiscrepancyType type = recon::DiscrepancyType::shipped_not_received;
  std::string document;
  friend auto operator<=>(const ExpectedDiscrepancy&, const ExpectedDiscrepancy&) = default;
};

struct GroundTruth {
  CivilDate as_of;
  std::uint64_t deliveries = 0;
  std::uint64_t receipts = 0;
  std::uint64_t matches = 0;
  std::vector<ExpectedDiscrepancy> discrepancies;  // sorted
};

// Derives the expected result from the rows' injections; the portfolio is in file order.
GroundTruth derive_ground_truth(const Portfolio& portfolio, const CalendarTable& calendar);

std::string ground_truth_json(const GroundTruth& truth);

}  // namespace fms::bench
