// Execution-record vocabulary: document kinds, the yen rate and problem reports.
#include "core/execution.h"

#include <array>
#include <limits>
#include <utility>

namespace fms {
namespace {

constexpr std::array<std::pair<ExecutionKind, std::string_view>, 4> kKindNames{{
    {ExecutionKind::delivery_listing, "delivery-listing"},
    {ExecutionKind::receipts, "receipts"},
    {ExecutionKind::bill, "bill"},
    {ExecutionKind::payments, "payments"},
}};

constexpr std::array<std::pair<DeliveryTransaction, std::string_view>, kDeliveryTransactionCount>
    kTransactionNames{{
        {DeliveryTransaction::shipment, "shipment"},
        {DeliveryTransaction::shipment_credit, "shipment-credit"},
        {DeliveryTransaction::administrative_charge, "administrative"},
        {DeliveryTransaction::administrative_credit, "administrative-credit"},
        {DeliveryTransaction::accessorial_charge, "accessorial"},
        {DeliveryTransaction::accessorial_credit, "accessorial-credit"},
        {DeliveryTransaction::adjustment_reply, "adjustment-reply"},
    }};

}  // namespace

std::string_view to_string(DeliveryTransaction type) {
  for (const auto& [t, name] : kTransactionNames) {
    if (t == type) return name;
  }
  return "unknown";
}

Result<DeliveryTransaction> delivery_transaction_from_string(std::string_view text) {
  for (const auto& [t, name] : kTransactionNames) {
    if (name == text) return t;
  }
  return Error::invalid("\"" + std::string(text) + "\" is not a transaction type; the types are " +
                        delivery_transaction_names());
}

std::string delivery_transaction_names() {
  std::string out;
  for (const auto& [t, name] : kTransactionNames) {
    out += out.empty() ? "" : ", ";
    out += name;
  }
  return out;
}

namespace {

void copy_row(const DeliveryListing& from, std::size_t i, DeliveryListing& to, bool typed) {
  to.document_number.push(from.document_number.at(i));
  to.line.push_back(from.line[i]);
  to.ship_date.push_back(from.ship_date[i]);
  to.quantity.push_back(from.quantity[i]);
  to.value_cents.push_back(from.value_cents[i]);
  to.term_code.push_back(from.term_code[i]);
  to.tcn.push(from.tcn.at(i));
  to.reporting_quarter_end.push_back(from.reporting_quarter_end[i]);
  to.source_line.push_back(from.source_line[i]);
  if (typed) {
    to.transaction.push_back(from.transaction[i]);
    to.sdr.push(from.sdr_of(i));
  }
}

}  // namespace

SplitListing split_by_transaction(const DeliveryListing& listing) {
  SplitListing out;
  out.shipments.line_keys = listing.line_keys;
  out.shipments.term_codes = listing.term_codes;
  out.others.line_keys = listing.line_keys;
  out.others.term_codes = listing.term_codes;
  for (std::size_t i = 0; i < listing.size(); ++i) {
    if (listing.transaction_of(i) == DeliveryTransaction::shipment) {
      copy_row(listing, i, out.shipments, false);
    } else {
      copy_row(listing, i, out.others, true);
    }
  }
  return out;
}

std::string_view to_string(ExecutionKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<ExecutionKind> execution_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kKindNames) {
    if (name == text) return k;
  }
  return Error::invalid("unknown execution document kind \"" + std::string(text) +
                        "\" (expected delivery-listing, receipts, bill or payments)");
}

std::string describe_problems(std::string_view source, const std::vector<RowProblem>& problems,
                              std::size_t total_problems) {
  std::string message;
  std::size_t shown = 0;
  for (const auto& p : problems) {
    if (shown == kMaxReportedProblems) break;
    if (!message.empty()) message += '\n';
    message += std::string(source) + ":" + std::to_string(p.line) + ": field \"" + p.field +
               "\": " + p.message;
    ++shown;
  }
  if (total_problems > shown) {
    message += "\n" + std::string(source) + ": ... and " + std::to_string(total_problems - shown) +
               " more problems; nothing was imported";
  }
  return message;
}

}  // namespace fms

namespace fms {

const std::optional<Money>* BillRow::amount(StatementField field) const {
  switch (field) {
    case StatementField::case_value:
      return &case_value;
    case StatementField::cumulative_delivered:
      return &cumulative_delivered;
    case StatementField::costs_in_progress:
      return &costs_in_progress;
    case StatementField::packing_crating_handling:
      return &packing_crating_handling;
    case StatementField::transportation:
      return &transportation;
    case StatementField::admin_surcharge:
      return &admin_surcharge;
    case StatementField::contract_administration:
      return &contract_administration;
    case StatementField::total_cost:
      return &total_cost;
    case StatementField::cumulative_payments:
      return &cumulative_payments;
    case StatementField::termination_liability:
      return &termination_liability;
    case StatementField::amount_due:
      return &amount_due;
    case StatementField::forecast_next_quarter:
      return &forecast_next_quarter;
    default:
      return nullptr;
  }
}

std::optional<Money>* BillRow::amount(StatementField field) {
  return const_cast<std::optional<Money>*>(std::as_const(*this).amount(field));
}

std::int64_t BillRow::cents(StatementField field) const {
  const std::optional<Money>* value = amount(field);
  return value != nullptr && value->has_value() ? (*value)->minor_units() : 0;
}

}  // namespace fms
