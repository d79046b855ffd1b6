// Ground truth of a benchmark portfolio. Each injection yields exactly one discrepancy (or
// none, for the benign ones) on the row it was built on; the rows are disjoint, so the
// expected result is the plain union. Match records: every receipt is matched to exactly one
// delivery except those built to stay unmatched, so K = receipts - unreported receipts.
#include "ground_truth.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "csv_files.h"

namespace fms::bench {
namespace {

using recon::DiscrepancyType;

std::optional<DiscrepancyType> delivery_discrepancy(const DeliveryRow& row) {
  if (row.duplicate) return DiscrepancyType::duplicate_document;
  switch (row.injection) {
    case Injection::shipped_not_received:
      return DiscrepancyType::shipped_not_received;
    case Injection::quantity_short:
      return DiscrepancyType::quantity_short;
    case Injection::quantity_over:
      return DiscrepancyType::quantity_over;
    case Injection::line_mismatch:
      return DiscrepancyType::line_mismatch;
    case Injection::value_mismatch:
      return DiscrepancyType::value_mismatch;
    default:
      return std::nullopt;  // benign, or reported on its receipt (rejections)
  }
}

}  // namespace

GroundTruth derive_ground_truth(const Portfolio& portfolio, const CalendarTable& calendar) {
  GroundTruth truth;
  truth.as_of = portfolio.as_of;
  truth.deliveries = portfolio.deliveries.size();
  truth.receipts = portfolio.receipts.size();
  for (const DeliveryRow& row : portfolio.deliveries) {
    const std::optional<DiscrepancyType> type = delivery_discrepancy(row);
    if (!type) continue;
    const BenchLine& line = portfolio.lines[row.line_index];
    const BenchCase& bench_case = portfolio.cases[line.case_index];
    const auto number =
        document_number(bench_case, calendar.julian(row.ship_date), row.serial, false);
    truth.discrepancies.push_back({bench_case.case_id, line.number, *type,
                                   "delivery " + std::string(number.data(), number.size())});
  }
  std::uint64_t unmatched_receipts = 0;
  const std::size_t count = portfolio.receipts.size();
  for (std::size_t position = 0; position < count; ++position) {
    const ReceiptRow& row = portfolio.receipts[position];
    if (row.expected_unmatched) ++unmatched_receipts;
    if (!row.expected_unmatched && row.quantity_rejected == 0) continue;
    const BenchLine& line = portfolio.lines[row.line_index];
    const DiscrepancyType type = row.expected_unmatched ? DiscrepancyType::received_not_reported
                                                        : DiscrepancyType::rejected_on_inspection;
    truth.discrepancies.push_back({portfolio.cases[line.case_index].case_id, line.number, type,
                                   "receipt " + receipt_id(position, count)});
  }
  truth.matches = truth.receipts - unmatched_receipts;
  std::sort(truth.discrepancies.begin(), truth.discrepancies.end());
  return truth;
}

std::string ground_truth_json(const GroundTruth& truth) {
  // One discrepancy per line, so two ground truths compare well with diff.
  std::string out = "{\n";
  out += "  \"as_of\": \"" + truth.as_of.to_string() + "\",\n";
  out += "  \"deliveries\": " + std::to_string(truth.deliveries) + ",\n";
  out += "  \"receipts\": " + std::to_string(truth.receipts) + ",\n";
  out += "  \"matches\": " + std::to_string(truth.matches) + ",\n";
  out += "  \"discrepancies\": [";
  const char* separator = "\n";
  for (const ExpectedDiscrepancy& d : truth.discrepancies) {
    nlohmann::ordered_json entry = {{"type", std::string(recon::to_string(d.type))},
                                    {"case_id", d.case_id},
                                    {"line", d.line},
                                    {"document", d.document}};
    out += separator;
    out += "    " + entry.dump();
    separator = ",\n";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace fms::bench
