// The subtraction of listing_credits.h. A credit dated on or before a case's latest bill counts
// against what that bill should show, as a shipment of that date would.
#include "recon/listing_credits.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "recon/findings.h"

namespace fms::recon {

void subtract_listing_credits(const ClassifyContext& c, OriginalTotals& totals) {
  const std::size_t documents =
      std::min(c.portfolio.listing_others.size(), c.portfolio.deliveries.size());
  for (std::size_t d = 0; d < documents; ++d) {
    const DeliveryListing* rows = c.portfolio.listing_others[d].rows;
    if (rows == nullptr) continue;
    const auto lines = c.catalog.delivery_lines(d);
    for (std::size_t i = 0; i < rows->size(); ++i) {
      if (rows->transaction_of(i) != DeliveryTransaction::shipment_credit) continue;
      const std::uint32_t line = lines[rows->line[i]];
      const std::uint32_t case_entry = c.catalog.case_entry(line);
      const std::int64_t value = rows->value_cents[i];
      totals.line_quantity[line] -= rows->quantity[i];
      totals.line_value_cents[line] -= value;
      totals.case_value_cents[case_entry] -= value;
      const BillRow* bill = c.latest_bill[case_entry];
      if (bill != nullptr && rows->ship_date[i] <= bill->statement_date.serial()) {
        totals.listed_cents[case_entry] -= value;
      }
    }
  }
}

namespace {

// (case, line, document number) of a shipment credit, and what is left of its value.
using CreditKey = std::tuple<std::string, std::string, std::string>;

std::map<CreditKey, std::int64_t> credits_by_shipment(const Portfolio& portfolio) {
  std::map<CreditKey, std::int64_t> out;
  for (const auto& document : portfolio.listing_others) {
    const DeliveryListing* rows = document.rows;
    if (rows == nullptr) continue;
    for (std::size_t i = 0; i < rows->size(); ++i) {
      if (rows->transaction_of(i) != DeliveryTransaction::shipment_credit) continue;
      const LineKey& key = rows->line_keys[rows->line[i]];
      out[{key.case_id, key.line, std::string(rows->document_number.at(i))}] +=
          rows->value_cents[i];
    }
  }
  return out;
}

bool settled_by_a_credit(DiscrepancyType type) {
  switch (type) {
    case DiscrepancyType::quantity_short:
    case DiscrepancyType::shipped_not_received:
    case DiscrepancyType::rejected_on_inspection:
    case DiscrepancyType::value_mismatch:
      return true;
    default:
      return false;
  }
}

}  // namespace

void settle_by_credits(const Portfolio& portfolio, std::vector<Discrepancy>& discrepancies) {
  std::map<CreditKey, std::int64_t> credits = credits_by_shipment(portfolio);
  if (credits.empty()) return;
  const std::string prefix = delivery_reference("");
  std::erase_if(discrepancies, [&](Discrepancy& d) {
    if (!settled_by_a_credit(d.type)) return false;
    for (const std::string& document : d.documents) {
      if (!document.starts_with(prefix)) continue;
      const auto found = credits.find({d.case_id, d.line, document.substr(prefix.size())});
      if (found == credits.end() || found->second == 0) continue;
      const std::int64_t applied = std::min(found->second, d.usd_cents);
      if (applied == 0) return false;  // nothing at stake for a credit to settle
      found->second -= applied;
      d.usd_cents -= applied;
      return d.usd_cents == 0;
    }
    return false;
  });
}

}  // namespace fms::recon
