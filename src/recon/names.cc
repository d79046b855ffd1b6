// The names reconciliation results are printed and stored under.
#include <array>
#include <utility>

#include "recon/recon.h"

namespace fms::recon {
namespace {

constexpr std::array<std::pair<DiscrepancyType, std::string_view>, 23> kTypeNames{{
    {DiscrepancyType::shipped_not_received, "shipped-not-received"},
    {DiscrepancyType::received_not_reported, "received-not-reported"},
    {DiscrepancyType::quantity_short, "quantity-short"},
    {DiscrepancyType::quantity_over, "quantity-over"},
    {DiscrepancyType::rejected_on_inspection, "rejected-on-inspection"},
    {DiscrepancyType::value_mismatch, "value-mismatch"},
    {DiscrepancyType::line_mismatch, "line-mismatch"},
    {DiscrepancyType::duplicate_document, "duplicate-document"},
    {DiscrepancyType::delivered_beyond_line_quantity, "delivered-beyond-line-quantity"},
    {DiscrepancyType::line_past_availability_undelivered, "line-past-availability-undelivered"},
    {DiscrepancyType::billed_not_delivered, "billed-not-delivered"},
    {DiscrepancyType::delivered_not_billed, "delivered-not-billed"},
    {DiscrepancyType::paid_ahead_of_bill, "paid-ahead-of-bill"},
    {DiscrepancyType::past_ssc_unsettled, "past-ssc-unsettled"},
    {DiscrepancyType::payment_not_credited, "payment-not-credited"},
    {DiscrepancyType::credited_not_recorded, "credited-not-recorded"},
    {DiscrepancyType::statement_overdue, "statement-overdue"},
    {DiscrepancyType::statement_missing, "statement-missing"},
    {DiscrepancyType::deposit_unpaid, "deposit-unpaid"},
    {DiscrepancyType::case_value_mismatch, "case-value-mismatch"},
    {DiscrepancyType::cost_near_case_value, "cost-near-case-value"},
    {DiscrepancyType::cost_above_case_value, "cost-above-case-value"},
    {DiscrepancyType::settlement_outstanding, "settlement-outstanding"},
}};

}  // namespace

std::string_view to_string(MatchRule rule) {
  switch (rule) {
    case MatchRule::document_number:
      return "document-number";
    case MatchRule::case_line_quantity:
      return "case-line-quantity";
  }
  return "unknown";
}

std::string_view to_string(DiscrepancyType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "unknown";
}

Result<DiscrepancyType> discrepancy_type_from_string(std::string_view text) {
  for (const auto& [t, name] : kTypeNames) {
    if (name == text) return t;
  }
  std::string known;
  for (const auto& entry : kTypeNames) {
    if (!known.empty()) known += ", ";
    known += entry.second;
  }
  return Error::invalid("unknown discrepancy type \"" + std::string(text) + "\" (known: " + known +
                        ")");
}

}  // namespace fms::recon
