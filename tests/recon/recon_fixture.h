// Builds small portfolios for the reconciliation tests: rows written as plain structs, turned
// into the columnar documents the engine reads, with dictionaries built the way the importers
// build them (in order of first appearance).
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <ostream>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/execution.h"
#include "recon/recon.h"

namespace fms::recon::test {

inline CivilDate day(int year, unsigned month, unsigned d) {
  return CivilDate::from_ymd(year, month, d);
}

struct DeliveryRow {
  std::string number{};
  std::string case_id = "JA-P-AAA";
  std::string line = "001";
  CivilDate ship = day(2024, 1, 10);
  std::int32_t quantity = 1;
  std::int64_t value_cents = 100'00;
  std::uint32_t source_line = 0;  // 0: position in the list + 2 (after a header line)
  DeliveryTransaction type = DeliveryTransaction::shipment;
  std::string sdr{};
};

struct ReceiptRow {
  std::string id{};
  std::string number{};  // may be empty
  std::string case_id = "JA-P-AAA";
  std::string line = "001";
  CivilDate received = day(2024, 2, 1);
  std::int32_t received_quantity = 1;
  std::int32_t rejected = 0;
};

inline std::uint32_t key_index(std::vector<LineKey>& keys, const std::string& case_id,
                               const std::string& line) {
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i].case_id == case_id && keys[i].line == line) return i;
  }
  keys.push_back(LineKey{case_id, line});
  return static_cast<std::uint32_t>(keys.size() - 1);
}

inline DeliveryListing delivery_listing(const std::vector<DeliveryRow>& rows) {
  DeliveryListing out;
  out.term_codes = {"4"};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const DeliveryRow& r = rows[i];
    out.document_number.push(r.number);
    out.line.push_back(key_index(out.line_keys, r.case_id, r.line));
    out.ship_date.push_back(r.ship.serial());
    out.quantity.push_back(r.quantity);
    out.value_cents.push_back(r.value_cents);
    out.term_code.push_back(0);
    out.tcn.push("");
    out.reporting_quarter_end.push_back(day(2024, 3, 31).serial());
    out.source_line.push_back(r.source_line != 0 ? r.source_line
                                                 : static_cast<std::uint32_t>(i + 2));
  }
  const bool typed = std::any_of(rows.begin(), rows.end(), [](const DeliveryRow& r) {
    return r.type != DeliveryTransaction::shipment;
  });
  for (std::size_t i = 0; typed && i < rows.size(); ++i) {
    out.transaction.push_back(static_cast<std::uint8_t>(rows[i].type));
    out.sdr.push(rows[i].sdr);
  }
  return out;
}

inline ReceiptInspections receipt_inspections(const std::vector<ReceiptRow>& rows) {
  ReceiptInspections out;
  out.inspectors = {"inspector"};
  for (const ReceiptRow& r : rows) {
    out.receipt_id.push(r.id);
    out.document_number.push(r.number);
    out.line.push_back(key_index(out.line_keys, r.case_id, r.line));
    out.received_date.push_back(r.received.serial());
    out.quantity_received.push_back(r.received_quantity);
    out.quantity_accepted.push_back(r.received_quantity - r.rejected);
    out.quantity_rejected.push_back(r.rejected);
    out.condition.push("");
    out.inspector.push_back(0);
    out.source_line.push_back(0);
  }
  return out;
}

inline BillRow bill_row(const std::string& case_id, CivilDate statement, std::int64_t delivered,
                        std::int64_t payments = 0, std::int64_t due = 0) {
  BillRow row;
  row.statement_date = statement;
  row.case_id = case_id;
  row.cumulative_delivered = Money(delivered, Currency::usd());
  row.cumulative_payments = Money(payments, Currency::usd());
  row.amount_due = Money(due, Currency::usd());
  row.due_date = statement.plus_days(75);
  return row;
}

inline PaymentRow payment_row(const std::string& id, CivilDate date, const std::string& case_id,
                              std::int64_t usd_cents) {
  PaymentRow row;
  row.payment_id = id;
  row.date = date;
  row.case_id = case_id;
  row.amount = Money(usd_cents, Currency::usd());
  row.usd = Money(usd_cents, Currency::usd());
  return row;
}

inline LineInfo per_unit_line(const std::string& line, std::int64_t quantity,
                              std::int64_t unit_cost_cents) {
  LineInfo info;
  info.line = line;
  info.quantity = quantity;
  info.unit_cost_cents = unit_cost_cents;
  info.total_cents = quantity * unit_cost_cents;
  info.per_unit = true;
  return info;
}

inline LineInfo lump_sum_line(const std::string& line, std::int64_t total_cents) {
  LineInfo info;
  info.line = line;
  info.quantity = 1;
  info.total_cents = total_cents;
  info.per_unit = false;
  return info;
}

// Owns the documents a Portfolio points at (a deque keeps their addresses stable).
class Fixture {
 public:
  Fixture() = default;
  Fixture(Fixture&&) = default;  // a moved deque keeps its elements where they are
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;
  // A listing as the ledger hands it to the engine: its shipments in deliveries, its other rows
  // (credits, charges, replies) in listing_others at the same index.
  Fixture& deliveries(const std::vector<DeliveryRow>& rows, const std::string& source = "") {
    SplitListing split = split_by_transaction(delivery_listing(rows));
    listings_.push_back(std::move(split.shipments));
    const std::string hash = "hash-d" + std::to_string(listings_.size());
    const std::string name =
        source.empty() ? "deliveries-" + std::to_string(listings_.size()) + ".csv" : source;
    portfolio.deliveries.push_back({hash, name, &listings_.back()});
    const bool any_other = split.others.size() != 0;
    listings_.push_back(std::move(split.others));
    portfolio.listing_others.push_back({hash, name, any_other ? &listings_.back() : nullptr});
    return *this;
  }
  Fixture& receipts(const std::vector<ReceiptRow>& rows) {
    receipts_.push_back(receipt_inspections(rows));
    portfolio.receipts.push_back({"hash-r" + std::to_string(receipts_.size()),
                                  "receipts-" + std::to_string(receipts_.size()) + ".csv",
                                  &receipts_.back()});
    return *this;
  }
  Fixture& bill(const std::vector<BillRow>& rows) {
    bills_.push_back(Bill{rows});
    portfolio.bills.push_back(
        {"hash-b" + std::to_string(bills_.size()), "bill.csv", &bills_.back()});
    return *this;
  }
  Fixture& payments(const std::vector<PaymentRow>& rows) {
    payments_.push_back(Payments{rows});
    portfolio.payments.push_back(
        {"hash-p" + std::to_string(payments_.size()), "payments.csv", &payments_.back()});
    return *this;
  }
  Fixture& with_case(CaseInfo info) {
    portfolio.cases.push_back(std::move(info));
    return *this;
  }

  [[nodiscard]] std::vector<Match> matches(const Rules& rules = Rules{}) const {
    return match(portfolio, rules);
  }
  [[nodiscard]] std::vector<Discrepancy> discrepancies(const CivilDate& as_of,
                                                       const Rules& rules = Rules{}) const {
    return classify(portfolio, match(portfolio, rules), rules, as_of);
  }

  Portfolio portfolio;

 private:
  std::deque<DeliveryListing> listings_;
  std::deque<ReceiptInspections> receipts_;
  std::deque<Bill> bills_;
  std::deque<Payments> payments_;
};

inline CaseInfo case_info(const std::string& case_id, std::vector<LineInfo> lines,
                          CaseStatus status = CaseStatus::implemented) {
  CaseInfo info;
  info.case_id = case_id;
  info.status = status;
  info.lines = std::move(lines);
  for (const LineInfo& l : info.lines) info.value_cents += l.total_cents;
  return info;
}

}  // namespace fms::recon::test

namespace fms::recon {
// Readable failure messages for discrepancies (found by GoogleTest through the namespace).
inline void PrintTo(const Discrepancy& d, std::ostream* out) {
  *out << "{" << to_string(d.type) << " " << d.case_id << "/" << d.line << " [";
  for (const std::string& doc : d.documents) *out << doc << "; ";
  *out << "] " << d.usd_cents << " arose " << d.arose.to_string() << " age " << d.age_days << " \""
       << d.next_action << "\" due " << (d.action_due ? d.action_due->to_string() : "-") << "}";
}
}  // namespace fms::recon

namespace fms::recon::test {

// The discrepancies of one type.
inline std::vector<Discrepancy> of_type(const std::vector<Discrepancy>& all, DiscrepancyType type) {
  std::vector<Discrepancy> out;
  for (const Discrepancy& d : all) {
    if (d.type == type) out.push_back(d);
  }
  return out;
}

inline Match document_match(std::uint32_t dd, std::uint32_t dr, std::uint32_t rd,
                            std::uint32_t rr) {
  return Match{dd, dr, rd, rr, MatchRule::document_number};
}
inline Match line_match(std::uint32_t dd, std::uint32_t dr, std::uint32_t rd, std::uint32_t rr) {
  return Match{dd, dr, rd, rr, MatchRule::case_line_quantity};
}

}  // namespace fms::recon::test
