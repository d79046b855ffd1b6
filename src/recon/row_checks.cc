// Row-level checks. The delivery pass walks delivery rows and the canonical matches side by side
// (both are in delivery order), so each delivery's receipts are at hand without an index; only
// the receipt columns are read at random, once per match, and those reads are prefetched a few
// matches ahead. Two workers take half of the deliveries and half of the receipts each, with
// their own findings and totals, merged at the end.
#include "recon/row_checks.h"

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>
#include <type_traits>

#include "base/huge_pages.h"
#include "recon/amounts.h"
#include "recon/document_number_pass.h"
#include "recon/parallel.h"

namespace fms::recon {
namespace {

constexpr std::int64_t kNoCutoff = std::numeric_limits<std::int64_t>::min();
// How many matches ahead the receipt columns are prefetched.
constexpr std::size_t kPrefetchMatches = 16;

// What the delivery pass reads of a matched receipt, gathered per receipt row in one sequential
// pass so that each match costs one cache line instead of one per column.
struct ReceiptFacts {
  std::int32_t received_date;
  std::int32_t quantity_received;
  std::int32_t quantity_rejected;
  std::uint32_t line;  // catalog id
};
static_assert(std::is_trivial_v<ReceiptFacts>);

base::HugeArray<ReceiptFacts> gather_receipt_facts(const ClassifyContext& c) {
  base::HugeArray<ReceiptFacts> facts(c.receipts.size());
  for_each_worker(c.receipts.size(), [&](std::size_t worker) {
    const std::uint32_t low = worker_begin(worker, c.receipts.size());
    const std::uint32_t high = worker_begin(worker + 1, c.receipts.size());
    for (std::uint32_t d = 0; d < c.receipts.document_count(); ++d) {
      const ReceiptInspections* rows = c.portfolio.receipts[d].rows;
      const std::uint32_t base = c.receipts.begin(d);
      if (rows == nullptr || base >= high) continue;
      const auto lines = c.catalog.receipt_lines(d);
      const std::uint32_t from = low > base ? low - base : 0;
      const std::uint32_t to =
          std::min<std::uint32_t>(static_cast<std::uint32_t>(rows->size()), high - base);
      for (std::uint32_t i = from; i < to; ++i) {
        facts[base + i] = ReceiptFacts{rows->received_date[i], rows->quantity_received[i],
                                       rows->quantity_rejected[i], lines[rows->line[i]]};
      }
    }
  });
  return facts;
}

// A match whose receipt covers several deliveries, set aside until the delivery pass is done.
struct CombinedMatch {
  std::uint32_t receipt = 0;  // global row
  std::int32_t ship_date = 0;
  std::uint32_t delivery = 0;  // global row
  std::uint32_t match = 0;     // index into the match set
};

// What one worker finds over its share of the rows.
struct RowCheckShare {
  RowCheckShare(const LineCatalog& catalog, const CivilDate& as_of) : findings(catalog, as_of) {}
  Findings findings;
  OriginalTotals totals;
  std::vector<CombinedMatch> combined;
};

// Per catalog id, what the row checks look up on every row.
struct LineFacts {
  std::vector<std::int64_t> listing_cutoff;         // per case entry: latest bill date serial
  std::vector<std::int64_t> price_check_unit_cost;  // per line: unit cost of per-unit lines
};

LineFacts line_facts(const ClassifyContext& c) {
  LineFacts facts;
  facts.listing_cutoff.assign(c.catalog.size(), kNoCutoff);
  facts.price_check_unit_cost.assign(c.catalog.size(), 0);
  for (std::uint32_t id = 0; id < c.catalog.size(); ++id) {
    if (const BillRow* bill = c.latest_bill[id]) {
      facts.listing_cutoff[id] = bill->statement_date.serial();
    }
    const LineInfo* info = c.catalog.line_info(id);
    if (info != nullptr && info->per_unit) facts.price_check_unit_cost[id] = info->unit_cost_cents;
  }
  return facts;
}

// Reading rows and writing findings, shared by the per-worker checker and the combined-receipt
// check.
class RowReader {
 public:
  RowReader(const ClassifyContext& context, Findings& findings)
      : c_(context), findings_(findings) {}

 protected:
  const DeliveryListing& delivery_rows(std::uint32_t document) const {
    return *c_.portfolio.deliveries[document].rows;
  }
  const ReceiptInspections& receipt_rows(std::uint32_t document) const {
    return *c_.portfolio.receipts[document].rows;
  }
  std::uint32_t delivery_line(std::uint32_t document, std::uint32_t row) const {
    return c_.catalog.delivery_lines(document)[delivery_rows(document).line[row]];
  }
  std::uint32_t receipt_line(std::uint32_t document, std::uint32_t row) const {
    return c_.catalog.receipt_lines(document)[receipt_rows(document).line[row]];
  }
  std::string delivery_document(std::uint32_t document, std::uint32_t row) const {
    return delivery_reference(delivery_rows(document).document_number.at(row));
  }
  std::string receipt_document(std::uint32_t document, std::uint32_t row) const {
    return receipt_reference(receipt_rows(document).receipt_id.at(row));
  }
  std::int32_t sdr_deadline(std::int32_t ship_date) const {
    return days_after(ship_date, c_.rules.sdr_submission_days);
  }
  void add_sdr(DiscrepancyType type, std::uint32_t line, std::vector<std::string> documents,
               std::int64_t usd_cents, std::int32_t arose, SdrCode code, std::int32_t deadline) {
    findings_.add(type, line, std::move(documents), usd_cents, arose,
                  sdr_action(code, deadline, usd_cents, c_.rules, c_.as_of));
  }
  void quantity_difference(std::uint32_t line, std::vector<std::string> documents,
                           std::int64_t delivered, std::int64_t received, std::int64_t value,
                           std::int32_t arose, std::int32_t deadline) {
    const bool short_received = received < delivered;
    add_sdr(short_received ? DiscrepancyType::quantity_short : DiscrepancyType::quantity_over, line,
            std::move(documents),
            value_of_units_cents(value, clamped_difference(received, delivered), delivered), arose,
            short_received ? SdrCode::s1_shortage : SdrCode::overage, deadline);
  }
  void line_mismatch(const Match& m, std::uint32_t line, std::int64_t value,
                     std::int32_t received_on) {
    const std::string_view number =
        delivery_rows(m.delivery_document).document_number.at(m.delivery_row);
    findings_.add(DiscrepancyType::line_mismatch, line,
                  {delivery_reference(number), receipt_document(m.receipt_document, m.receipt_row)},
                  value, received_on,
                  advice("ask the implementing agency to correct the line reported for " +
                         std::string(number)));
  }

  const ClassifyContext& c_;
  Findings& findings_;
};

// The checks over one worker's share of deliveries and receipts.
class ShareChecker : private RowReader {
 public:
  ShareChecker(const ClassifyContext& context, const MatchSet& matches,
               const std::vector<std::uint32_t>& first_with_number, const LineFacts& facts,
               const base::HugeArray<ReceiptFacts>& receipts, RowCheckShare& share)
      : RowReader(context, share.findings),
        matches_(matches),
        first_with_number_(first_with_number),
        facts_(facts),
        receipts_(receipts),
        share_(share) {
    const std::uint32_t ids = c_.catalog.size();
    share_.totals.line_quantity.assign(ids, 0);
    share_.totals.line_value_cents.assign(ids, 0);
    share_.totals.case_value_cents.assign(ids, 0);
    share_.totals.listed_cents.assign(ids, 0);
  }

  // Deliveries [low, high) (global rows).
  void scan_deliveries(std::uint32_t low, std::uint32_t high) {
    if (low >= high) return;
    const std::span<const Match> matches = matches_.matches();
    const RowSpace::Location start = c_.deliveries.locate(low);
    std::size_t next_match = static_cast<std::size_t>(
        std::lower_bound(matches.begin(), matches.end(), start,
                         [](const Match& m, const RowSpace::Location& at) {
                           return std::tie(m.delivery_document, m.delivery_row) <
                                  std::tie(at.document, at.row);
                         }) -
        matches.begin());
    const std::vector<std::uint32_t>& unmatched = matches_.unmatched_deliveries();
    std::size_t next_unmatched = static_cast<std::size_t>(
        std::lower_bound(unmatched.begin(), unmatched.end(), low) - unmatched.begin());
    prefetched_ = next_match;

    for (std::uint32_t d = start.document; d < c_.deliveries.document_count(); ++d) {
      const DeliveryListing* rows = c_.portfolio.deliveries[d].rows;
      const std::uint32_t base = c_.deliveries.begin(d);
      if (rows == nullptr || base >= high) continue;
      const auto lines = c_.catalog.delivery_lines(d);
      const std::uint32_t first = d == start.document ? start.row : 0;
      const std::uint32_t last =
          std::min<std::uint32_t>(static_cast<std::uint32_t>(rows->size()), high - base);
      for (std::uint32_t i = first; i < last; ++i) {
        prefetch_receipts(matches, next_match + kPrefetchMatches);
        const std::uint32_t line = lines[rows->line[i]];
        std::size_t group_end = next_match;
        while (group_end < matches.size() && matches[group_end].delivery_document == d &&
               matches[group_end].delivery_row == i) {
          ++group_end;
        }
        if (group_end == next_match) {
          const std::uint32_t first_row = first_with_number_[next_unmatched++];
          if (first_row != base + i) {
            duplicate(d, i, line, first_row);
            share_.totals.duplicates.push_back(base + i);
            continue;
          }
          const std::int32_t shipped = rows->ship_date[i];
          // A quantity-0 row reports performance (a service period, a value-only adjustment):
          // nothing physical to receive, so it is never "not received".
          if (rows->quantity[i] > 0 &&
              days_after(shipped, c_.rules.shipped_not_received_days) < c_.as_of) {
            add_sdr(DiscrepancyType::shipped_not_received, line, {delivery_document(d, i)},
                    rows->value_cents[i], shipped, SdrCode::s3_non_receipt, sdr_deadline(shipped));
          }
        } else {
          delivery_group(d, i, line, next_match, group_end);
          next_match = group_end;
        }
        original(*rows, i, line);
      }
    }
  }

  // Receipts [low, high) (global rows) that no delivery claims.
  void scan_receipts(std::uint32_t low, std::uint32_t high) {
    for (std::uint32_t d = 0; d < c_.receipts.document_count(); ++d) {
      const ReceiptInspections* rows = c_.portfolio.receipts[d].rows;
      const std::uint32_t base = c_.receipts.begin(d);
      if (rows == nullptr) continue;
      const std::uint32_t first = low > base ? low - base : 0;
      const std::uint32_t last = std::min<std::uint32_t>(static_cast<std::uint32_t>(rows->size()),
                                                         high > base ? high - base : 0);
      for (std::uint32_t i = first; i < last; ++i) {
        if (matches_.delivery_count(base + i) != 0) continue;  // handled with its delivery
        unmatched_receipt(*rows, d, i);
      }
    }
  }

 private:
  // Receipt data of the matches before `until`, so it is cached when their group comes; each
  // match is prefetched once.
  void prefetch_receipts(std::span<const Match> matches, std::size_t until) {
    const std::size_t end = std::min(matches.size(), until);
    for (; prefetched_ < end; ++prefetched_) {
      const Match& m = matches[prefetched_];
      const std::uint32_t receipt = c_.receipts.global(m.receipt_document, m.receipt_row);
      __builtin_prefetch(&receipts_[receipt]);
      matches_.prefetch_delivery_count(receipt);
    }
  }

  void original(const DeliveryListing& rows, std::uint32_t i, std::uint32_t line) {
    const std::int64_t quantity = rows.quantity[i];
    const std::int64_t value = rows.value_cents[i];
    OriginalTotals& totals = share_.totals;
    totals.line_quantity[line] += quantity;
    totals.line_value_cents[line] += value;
    const std::uint32_t case_entry = c_.catalog.case_entry(line);
    totals.case_value_cents[case_entry] += value;
    if (rows.ship_date[i] <= facts_.listing_cutoff[case_entry]) {
      totals.listed_cents[case_entry] += value;
    }
    const std::int64_t unit_cost = facts_.price_check_unit_cost[line];
    if (!price_beyond_tolerance(value, quantity, unit_cost,
                                c_.rules.value_tolerance_basis_points)) {
      return;
    }
    const auto difference = price_difference_beyond_tolerance_cents(
        value, quantity, unit_cost, c_.rules.value_tolerance_basis_points);
    if (!difference) return;
    const std::string_view number = rows.document_number.at(i);
    findings_.add(
        DiscrepancyType::value_mismatch, line, {delivery_reference(number)}, *difference,
        rows.ship_date[i],
        advice("query the implementing agency on the price reported for " + std::string(number)));
  }

  void duplicate(std::uint32_t d, std::uint32_t i, std::uint32_t line, std::uint32_t first) {
    const DeliveryListing& rows = delivery_rows(d);
    const RowSpace::Location at = c_.deliveries.locate(first);
    const auto& original_document = c_.portfolio.deliveries[at.document];
    std::string first_report = "first reported in " + original_document.source + " line " +
                               std::to_string(original_document.rows->source_line[at.row]);
    findings_.add(DiscrepancyType::duplicate_document, line,
                  {delivery_document(d, i), std::move(first_report)}, rows.value_cents[i],
                  rows.ship_date[i],
                  advice("ask the implementing agency to reverse the duplicate report"));
  }

  // A delivery and the receipts matched to it alone (matches [begin, end)); receipts that also
  // cover other deliveries are set aside for check_combined_receipts.
  void delivery_group(std::uint32_t d, std::uint32_t i, std::uint32_t line, std::size_t begin,
                      std::size_t end) {
    const std::span<const Match> matches = matches_.matches();
    const DeliveryListing& rows = delivery_rows(d);
    const std::int64_t delivered = rows.quantity[i];
    const std::int64_t value = rows.value_cents[i];
    const std::int32_t deadline = sdr_deadline(rows.ship_date[i]);
    std::int64_t received = 0;
    std::int32_t latest = std::numeric_limits<std::int32_t>::min();
    std::size_t receipts_alone = 0;
    for (std::size_t k = begin; k < end; ++k) {
      const Match& m = matches[k];
      const std::uint32_t receipt = c_.receipts.global(m.receipt_document, m.receipt_row);
      if (matches_.delivery_count(receipt) > 1) {
        share_.combined.push_back(CombinedMatch{
            receipt, rows.ship_date[i], c_.deliveries.global(d, i), static_cast<std::uint32_t>(k)});
        continue;
      }
      ++receipts_alone;
      const ReceiptFacts& r = receipts_[receipt];
      const std::int32_t received_on = r.received_date;
      received += r.quantity_received;
      latest = std::max(latest, received_on);
      const std::uint32_t named_line = r.line;
      if (m.rule == MatchRule::document_number && named_line != line) {
        line_mismatch(m, line, value, received_on);
      }
      if (const std::int64_t rejected = r.quantity_rejected; rejected > 0) {
        add_sdr(DiscrepancyType::rejected_on_inspection, named_line,
                {receipt_document(m.receipt_document, m.receipt_row), delivery_document(d, i)},
                value_of_units_cents(value, rejected, delivered), received_on, SdrCode::c_condition,
                deadline);
      }
    }
    if (receipts_alone == 0 || received == delivered) return;
    std::vector<std::string> documents{delivery_document(d, i)};
    for (std::size_t k = begin; k < end; ++k) {
      const Match& m = matches[k];
      if (matches_.delivery_count(c_.receipts.global(m.receipt_document, m.receipt_row)) > 1) {
        continue;
      }
      documents.push_back(receipt_document(m.receipt_document, m.receipt_row));
    }
    quantity_difference(line, std::move(documents), delivered, received, value, latest, deadline);
  }

  void unmatched_receipt(const ReceiptInspections& rows, std::uint32_t d, std::uint32_t i) {
    const std::uint32_t line = receipt_line(d, i);
    const LineInfo* info = c_.catalog.line_info(line);
    const std::int64_t unit_cost = info != nullptr && info->per_unit ? info->unit_cost_cents : 0;
    const std::int32_t received_on = rows.received_date[i];
    findings_.add(DiscrepancyType::received_not_reported, line, {receipt_document(d, i)},
                  clamped_product(rows.quantity_received[i], unit_cost), received_on,
                  advice("ask the implementing agency to report the delivery"));
    if (const std::int64_t rejected = rows.quantity_rejected[i]; rejected > 0) {
      add_sdr(DiscrepancyType::rejected_on_inspection, line, {receipt_document(d, i)},
              clamped_product(rejected, unit_cost), received_on, SdrCode::c_condition,
              sdr_deadline(received_on));
    }
  }

  const MatchSet& matches_;
  const std::vector<std::uint32_t>& first_with_number_;  // per unmatched delivery
  const LineFacts& facts_;
  const base::HugeArray<ReceiptFacts>& receipts_;  // by global receipt row
  RowCheckShare& share_;
  std::size_t prefetched_ = 0;  // matches before this one have been prefetched
};

// Receipts matched to several deliveries: each forms a group with its deliveries, taken in
// (ship date, row) order; the first of them sets the SDR deadline and the line.
class CombinedReceiptChecker : private RowReader {
 public:
  CombinedReceiptChecker(const ClassifyContext& context, const MatchSet& matches,
                         Findings& findings)
      : RowReader(context, findings), matches_(matches) {}

  void run(std::vector<CombinedMatch> combined) {
    std::sort(combined.begin(), combined.end(), [](const auto& a, const auto& b) {
      return std::tie(a.receipt, a.ship_date, a.delivery) <
             std::tie(b.receipt, b.ship_date, b.delivery);
    });
    for (std::size_t begin = 0; begin < combined.size();) {
      std::size_t end = begin;
      while (end < combined.size() && combined[end].receipt == combined[begin].receipt) ++end;
      group(std::span(combined).subspan(begin, end - begin));
      begin = end;
    }
  }

 private:
  void group(std::span<const CombinedMatch> group) {
    const std::span<const Match> matches = matches_.matches();
    const Match& first = matches[group.front().match];
    const ReceiptInspections& r = receipt_rows(first.receipt_document);
    const std::uint32_t named_line = receipt_line(first.receipt_document, first.receipt_row);
    const std::int32_t received_on = r.received_date[first.receipt_row];
    const std::uint32_t line = delivery_line(first.delivery_document, first.delivery_row);
    const std::int32_t deadline = sdr_deadline(group.front().ship_date);
    std::int64_t delivered = 0;
    std::int64_t value = 0;
    std::vector<std::string> deliveries;
    for (const CombinedMatch& member : group) {
      const Match& m = matches[member.match];
      const DeliveryListing& rows = delivery_rows(m.delivery_document);
      delivered += rows.quantity[m.delivery_row];
      value += rows.value_cents[m.delivery_row];
      deliveries.push_back(delivery_document(m.delivery_document, m.delivery_row));
      const std::uint32_t shipped_line = delivery_line(m.delivery_document, m.delivery_row);
      if (m.rule == MatchRule::document_number && shipped_line != named_line) {
        line_mismatch(m, shipped_line, rows.value_cents[m.delivery_row], received_on);
      }
    }
    const std::string receipt = receipt_document(first.receipt_document, first.receipt_row);
    if (const std::int64_t rejected = r.quantity_rejected[first.receipt_row]; rejected > 0) {
      std::vector<std::string> documents{receipt};
      documents.insert(documents.end(), deliveries.begin(), deliveries.end());
      add_sdr(DiscrepancyType::rejected_on_inspection, named_line, std::move(documents),
              value_of_units_cents(value, rejected, delivered), received_on, SdrCode::c_condition,
              deadline);
    }
    const std::int64_t received = r.quantity_received[first.receipt_row];
    if (received != delivered) {
      deliveries.push_back(receipt);
      quantity_difference(line, std::move(deliveries), delivered, received, value, received_on,
                          deadline);
    }
  }

  const MatchSet& matches_;
};

void add_into(std::vector<std::int64_t>& sum, const std::vector<std::int64_t>& part) {
  for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += part[i];
}

}  // namespace

OriginalTotals check_rows(const ClassifyContext& context, const MatchSet& matches,
                          Findings& findings) {
  const std::vector<std::uint32_t> first_with_number = first_rows_with_same_number(
      context.portfolio, context.deliveries, matches.unmatched_deliveries());
  const LineFacts facts = line_facts(context);
  const base::HugeArray<ReceiptFacts> receipt_facts = gather_receipt_facts(context);
  std::vector<RowCheckShare> shares;
  for (std::size_t w = 0; w < kWorkers; ++w) {
    shares.emplace_back(context.catalog, CivilDate::from_serial(context.as_of));
  }
  const std::size_t deliveries = context.deliveries.size();
  const std::size_t receipts = context.receipts.size();
  for_each_worker(deliveries + receipts, [&](std::size_t worker) {
    ShareChecker checker(context, matches, first_with_number, facts, receipt_facts, shares[worker]);
    checker.scan_deliveries(worker_begin(worker, deliveries), worker_begin(worker + 1, deliveries));
    checker.scan_receipts(worker_begin(worker, receipts), worker_begin(worker + 1, receipts));
    shares[worker].findings.sort();
  });

  OriginalTotals totals = std::move(shares[0].totals);
  std::vector<CombinedMatch> combined = std::move(shares[0].combined);
  findings.append(std::move(shares[0].findings));
  for (std::size_t w = 1; w < kWorkers; ++w) {
    const OriginalTotals& part = shares[w].totals;
    add_into(totals.line_quantity, part.line_quantity);
    add_into(totals.line_value_cents, part.line_value_cents);
    add_into(totals.case_value_cents, part.case_value_cents);
    add_into(totals.listed_cents, part.listed_cents);
    totals.duplicates.insert(totals.duplicates.end(), part.duplicates.begin(),
                             part.duplicates.end());
    combined.insert(combined.end(), shares[w].combined.begin(), shares[w].combined.end());
    findings.append(std::move(shares[w].findings));
  }
  Findings combined_findings(context.catalog, CivilDate::from_serial(context.as_of));
  CombinedReceiptChecker(context, matches, combined_findings).run(std::move(combined));
  combined_findings.sort();
  findings.append(std::move(combined_findings));
  return totals;
}

}  // namespace fms::recon
