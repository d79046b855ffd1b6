// A hand-made reconciliation view for the report tests: cases with their LOA lines, delivery
// listings, receipt inspections, DD 645 bills, payments and SDRs, put together row by row the way
// the ledger would load them, with the matches computed as for an unreconciled portfolio.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <string>

#include "ledger/portfolio_view.h"
#include "ledger/sdr/sdr_register.h"

namespace fms::report::testing {

inline CivilDate day(const char* iso) {
  return CivilDate::parse(iso).value();
}

inline Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}

class ViewBuilder {
 public:
  explicit ViewBuilder(const char* as_of) {
    view_.as_of = day(as_of);
    ReconciliationRules& rules = view_.rules;
    rules.shipped_not_received_days = 90;
    rules.receipt_window_days = 180;
    rules.sdr_submission_days = 365;
    rules.sdr_deadline_warning_days = 30;
    rules.sdr_minimum_cents = 200'00;
    rules.value_tolerance_basis_points = 1000;
    rules.closure_months_after_ssc = 12;
  }

  // Cases must be added in case id order, as the ledger lists them.
  ViewBuilder& add_case(const std::string& case_id, CaseStatus status, std::int64_t value_cents,
                        std::optional<const char*> ssc = std::nullopt) {
    recon::CaseInfo info;
    info.case_id = case_id;
    info.status = status;
    info.value_cents = value_cents;
    if (ssc) info.supply_services_complete = day(*ssc);
    view_.recon_input.cases.push_back(std::move(info));
    return *this;
  }

  // A per-unit line of the last case added.
  ViewBuilder& per_unit_line(const std::string& line, std::int64_t quantity,
                             std::int64_t unit_cost_cents,
                             std::optional<const char*> planned = std::nullopt) {
    recon::LineInfo info;
    info.line = line;
    info.quantity = quantity;
    info.unit_cost_cents = unit_cost_cents;
    info.total_cents = quantity * unit_cost_cents;
    info.per_unit = true;
    if (planned) info.planned_availability = day(*planned);
    view_.recon_input.cases.back().lines.push_back(std::move(info));
    return *this;
  }

  // A lump-sum line (services) of the last case added.
  ViewBuilder& lump_sum_line(const std::string& line, std::int64_t quantity,
                             std::int64_t total_cents,
                             std::optional<const char*> planned = std::nullopt) {
    recon::LineInfo info;
    info.line = line;
    info.quantity = quantity;
    info.total_cents = total_cents;
    info.per_unit = false;
    if (planned) info.planned_availability = day(*planned);
    view_.recon_input.cases.back().lines.push_back(std::move(info));
    return *this;
  }

  // Rows go to the current delivery listing; new_delivery_listing starts the next one.
  ViewBuilder& new_delivery_listing() {
    deliveries_.emplace_back();
    return *this;
  }
  ViewBuilder& delivery(const std::string& number, const std::string& case_id,
                        const std::string& line, const char* ship_date, std::int32_t quantity,
                        std::int64_t value_cents) {
    if (deliveries_.empty()) new_delivery_listing();
    DeliveryListing& d = deliveries_.back();
    if (d.term_codes.empty()) d.term_codes.push_back("9");
    d.document_number.push(number);
    d.line.push_back(key_index(d.line_keys, case_id, line));
    d.ship_date.push_back(day(ship_date).serial());
    d.quantity.push_back(quantity);
    d.value_cents.push_back(value_cents);
    d.term_code.push_back(0);
    d.tcn.push("");
    d.reporting_quarter_end.push_back(day(ship_date).serial());
    d.source_line.push_back(static_cast<std::uint32_t>(d.size() + 1));
    return *this;
  }

  ViewBuilder& receipt(const std::string& receipt_id, const std::string& number,
                       const std::string& case_id, const std::string& line, const char* received,
                       std::int32_t received_quantity, std::int32_t rejected_quantity = 0) {
    if (receipts_.empty()) receipts_.emplace_back();
    ReceiptInspections& r = receipts_.back();
    if (r.inspectors.empty()) r.inspectors.push_back("Sato");
    r.receipt_id.push(receipt_id);
    r.document_number.push(number);
    r.line.push_back(key_index(r.line_keys, case_id, line));
    r.received_date.push_back(day(received).serial());
    r.quantity_received.push_back(received_quantity);
    r.quantity_accepted.push_back(received_quantity - rejected_quantity);
    r.quantity_rejected.push_back(rejected_quantity);
    r.condition.push(rejected_quantity > 0 ? "damaged" : "");
    r.inspector.push_back(0);
    r.source_line.push_back(static_cast<std::uint32_t>(r.size() + 1));
    return *this;
  }

  // One DD 645 per call; line rows go to the last bill.
  ViewBuilder& bill(const char* statement, const std::string& case_id,
                    std::int64_t cumulative_delivered_cents, std::int64_t cumulative_payments_cents,
                    std::int64_t amount_due_cents) {
    bills_.emplace_back();
    BillRow row;
    row.statement_date = day(statement);
    row.case_id = case_id;
    row.cumulative_delivered = usd(cumulative_delivered_cents);
    row.cumulative_payments = usd(cumulative_payments_cents);
    row.amount_due = usd(amount_due_cents);
    row.due_date = day(statement).plus_days(76);
    bills_.back().rows.push_back(std::move(row));
    return *this;
  }
  // Marks the last bill's case row as the case's final statement of account.
  ViewBuilder& final_statement() {
    bills_.back().rows.front().final_statement = true;
    return *this;
  }
  ViewBuilder& bill_line(const std::string& line, std::int64_t cumulative_delivered_cents) {
    BillRow row = bills_.back().rows.front();
    row.line = line;
    row.cumulative_delivered = usd(cumulative_delivered_cents);
    row.cumulative_payments = usd(0);
    row.amount_due = usd(0);
    bills_.back().rows.push_back(std::move(row));
    return *this;
  }

  ViewBuilder& payment(const std::string& payment_id, const char* date, const std::string& case_id,
                       std::int64_t usd_cents) {
    if (payments_.empty()) payments_.emplace_back();
    PaymentRow row;
    row.payment_id = payment_id;
    row.date = day(date);
    row.case_id = case_id;
    row.amount = usd(usd_cents);
    row.usd = usd(usd_cents);
    payments_.back().rows.push_back(std::move(row));
    return *this;
  }

  // An SDR on `line` ("000" for the case as a whole), created and submitted; with a credit it is
  // also answered, and `close` closes it.
  ViewBuilder& sdr(int serial, const std::string& case_id, const std::string& line,
                   std::int64_t claimed_cents, std::int64_t credit_cents = 0, bool close = false) {
    const std::string designator = case_id.substr(case_id.rfind('-') + 1);
    ledger::SdrCreated c;
    c.number = SdrNumber{'A', serial, "JA", designator, line, SdrStage::original};
    c.case_id = case_id;
    c.line = line == kSdrCaseLevelLine ? "" : line;
    c.discrepancy = {recon::DiscrepancyType::quantity_short, case_id, c.line,
                     "delivery S" + std::to_string(serial)};
    c.documents = {c.discrepancy.document};
    c.codes = {"S1"};
    c.claimed_usd_cents = claimed_cents;
    c.arose = day("2026-01-01");
    c.deadline = day("2026-12-31");
    c.minimum_usd_cents = 200'00;
    c.below_minimum = claimed_cents < 200'00;
    c.date = day("2026-02-01");
    c.reason = "short";
    apply(ledger::kSdrCreated, ledger::encode(c));
    const std::string number = c.number.to_string();
    apply(ledger::kSdrSubmitted,
          ledger::encode(ledger::SdrSubmitted{number, case_id, day("2026-02-02"), std::nullopt}));
    if (credit_cents > 0) {
      apply(ledger::kSdrAnswered, ledger::encode(ledger::SdrAnswered{
                                      number, case_id, day("2026-03-01"), SdrResolution::credit,
                                      credit_cents, std::nullopt, "credit"}));
    }
    if (close) {
      apply(ledger::kSdrClosed,
            ledger::encode(ledger::SdrClosed{number, case_id, day("2026-03-02"), "done", false}));
    }
    return *this;
  }

  // The finished view; the builder must outlive it.
  const ledger::PortfolioView& view() {
    recon::Portfolio& input = view_.recon_input;
    input.deliveries.clear();
    input.receipts.clear();
    input.bills.clear();
    input.payments.clear();
    for (std::size_t i = 0; i < deliveries_.size(); ++i) {
      input.deliveries.push_back({"d" + std::to_string(i), "deliveries.csv", &deliveries_[i]});
    }
    for (std::size_t i = 0; i < receipts_.size(); ++i) {
      input.receipts.push_back({"r" + std::to_string(i), "receipts.csv", &receipts_[i]});
    }
    for (std::size_t i = 0; i < bills_.size(); ++i) {
      input.bills.push_back({"b" + std::to_string(i), "bill.csv", &bills_[i]});
    }
    for (std::size_t i = 0; i < payments_.size(); ++i) {
      input.payments.push_back({"p" + std::to_string(i), "payments.csv", &payments_[i]});
    }
    view_.matches = recon::match(input, ledger::to_recon_rules(view_.rules));
    view_.fresh = true;
    return view_;
  }

 private:
  static std::uint32_t key_index(std::vector<LineKey>& keys, const std::string& case_id,
                                 const std::string& line) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].case_id == case_id && keys[i].line == line) return static_cast<std::uint32_t>(i);
    }
    keys.push_back({case_id, line});
    return static_cast<std::uint32_t>(keys.size() - 1);
  }

  void apply(std::string_view type, std::string payload) {
    store::EventRecord event;
    event.sequence = ++sdr_events_;
    event.recorded_at = "2026-03-01T00:00:00.00000" + std::to_string(sdr_events_) + "Z";
    event.actor = "tester";
    event.type = std::string(type);
    event.payload = std::move(payload);
    const Status applied = ledger::apply_sdr_event(view_.sdrs, event);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
  }

  ledger::PortfolioView view_;
  std::deque<DeliveryListing> deliveries_;
  std::deque<ReceiptInspections> receipts_;
  std::deque<Bill> bills_;
  std::deque<Payments> payments_;
  std::int64_t sdr_events_ = 0;
};

}  // namespace fms::report::testing
