// Encoding and decoding of the portfolio-level event payloads. Amounts are plain decimal strings
// ("1234.56"), dates ISO, so the stored JSON is readable by an auditor without fmsledger.
#include "ledger/execution/execution_events.h"

#include <array>
#include <nlohmann/json.hpp>

#include "ledger/log/payload_reader.h"

namespace fms::ledger {
namespace {

using nlohmann::ordered_json;

// A bill row's amounts in the payload, in StatementField order; each written only when the
// statement states it. The first format's four keys come first in that order, so its rows keep
// their stored form.
struct BillAmountKey {
  StatementField field;
  const char* key;
};
constexpr std::array<BillAmountKey, 12> kBillAmountKeys{{
    {StatementField::case_value, "case_value"},
    {StatementField::cumulative_delivered, "cumulative_delivered"},
    {StatementField::costs_in_progress, "costs_in_progress"},
    {StatementField::packing_crating_handling, "packing_crating_handling"},
    {StatementField::transportation, "transportation"},
    {StatementField::admin_surcharge, "admin_surcharge"},
    {StatementField::contract_administration, "contract_administration"},
    {StatementField::total_cost, "total_cost"},
    {StatementField::cumulative_payments, "cumulative_payments"},
    {StatementField::termination_liability, "termination_liability"},
    {StatementField::amount_due, "amount_due"},
    {StatementField::forecast_next_quarter, "forecast_next_quarter"},
}};

ordered_json bill_rows_json(const Bill& bill) {
  ordered_json rows = ordered_json::array();
  for (const BillRow& row : bill.rows) {
    ordered_json r;
    r["statement_date"] = row.statement_date.to_string();
    r["case_id"] = row.case_id;
    r["line"] = row.line;
    if (row.final_statement) r["final_statement"] = true;
    for (const BillAmountKey& key : kBillAmountKeys) {
      const std::optional<Money>& amount = *row.amount(key.field);
      if (amount) r[key.key] = amount->to_plain_string();
      // The due date follows the amount it is for, as it always has.
      if (key.field == StatementField::amount_due && row.due_date) {
        r["due_date"] = row.due_date->to_string();
      }
    }
    r["source_line"] = row.source_line;
    rows.push_back(std::move(r));
  }
  return rows;
}

ordered_json payment_rows_json(const Payments& payments) {
  ordered_json rows = ordered_json::array();
  for (const PaymentRow& row : payments.rows) {
    ordered_json r;
    r["payment_id"] = row.payment_id;
    r["date"] = row.date.to_string();
    r["case_id"] = row.case_id;
    r["amount"] = row.amount.to_plain_string();
    r["currency"] = std::string(row.amount.currency().code());
    r["rate_jpy_per_usd"] =
        row.rate ? ordered_json(row.rate->to_string(kPaymentRatePlaces)) : ordered_json(nullptr);
    r["usd"] = row.usd.to_plain_string();
    // Format 2 only (a format 1 yen payment's yen is its amount): the stored form of format 1
    // rows stays what it always was.
    if (row.jpy && row.amount.currency() == Currency::usd()) {
      r["jpy"] = row.jpy->to_plain_string();
    }
    if (row.rate_derived) r["rate_derived"] = true;
    r["source_line"] = row.source_line;
    rows.push_back(std::move(r));
  }
  return rows;
}

ordered_json rules_json(const ReconciliationRules& rules) {
  ordered_json r;
  r["effective_from"] = rules.effective_from.to_string();
  r["shipped_not_received_days"] = rules.shipped_not_received_days;
  r["receipt_window_days"] = rules.receipt_window_days;
  r["sdr_submission_days"] = rules.sdr_submission_days;
  r["sdr_deadline_warning_days"] = rules.sdr_deadline_warning_days;
  r["sdr_minimum_cents"] = rules.sdr_minimum_cents;
  r["value_tolerance_basis_points"] = rules.value_tolerance_basis_points;
  r["closure_months_after_ssc"] = rules.closure_months_after_ssc;
  r["statement_missing_days"] = rules.statement_missing_days;
  r["case_value_warning_basis_points"] = rules.case_value_warning_basis_points;
  return r;
}

Result<std::uint32_t> source_line(const PayloadReader& row) {
  FMS_ASSIGN_OR_RETURN(std::int64_t line, row.integer("source_line"));
  if (line < 0 || line > UINT32_MAX) return row.corrupt("source_line out of range");
  return static_cast<std::uint32_t>(line);
}

Result<Bill> decode_bill(const PayloadReader& payload) {
  FMS_ASSIGN_OR_RETURN(std::vector<PayloadReader> rows, payload.objects("bill"));
  Bill bill;
  for (const PayloadReader& r : rows) {
    BillRow row;
    FMS_ASSIGN_OR_RETURN(row.statement_date, r.date("statement_date"));
    FMS_ASSIGN_OR_RETURN(row.case_id, r.text("case_id"));
    FMS_ASSIGN_OR_RETURN(row.line, r.text("line"));
    row.final_statement = r.has("final_statement");
    for (const BillAmountKey& key : kBillAmountKeys) {
      if (!r.has(key.key)) continue;
      FMS_ASSIGN_OR_RETURN(Money amount, r.money(key.key, Currency::usd()));
      *row.amount(key.field) = amount;
    }
    if (r.has("due_date")) {
      FMS_ASSIGN_OR_RETURN(CivilDate due, r.date("due_date"));
      row.due_date = due;
    }
    if (row.line.empty() && (!row.amount_due || !row.due_date)) {
      return r.corrupt("a DD 645 case row without an amount due and its due date");
    }
    FMS_ASSIGN_OR_RETURN(row.source_line, source_line(r));
    bill.rows.push_back(std::move(row));
  }
  return bill;
}

Result<Payments> decode_payments(const PayloadReader& payload) {
  FMS_ASSIGN_OR_RETURN(std::vector<PayloadReader> rows, payload.objects("payments"));
  Payments payments;
  for (const PayloadReader& r : rows) {
    PaymentRow row;
    FMS_ASSIGN_OR_RETURN(row.payment_id, r.text("payment_id"));
    FMS_ASSIGN_OR_RETURN(row.date, r.date("date"));
    FMS_ASSIGN_OR_RETURN(row.case_id, r.text("case_id"));
    FMS_ASSIGN_OR_RETURN(std::string code, r.text("currency"));
    auto currency = Currency::from_code(code);
    if (!currency.ok()) return r.corrupt("unknown currency \"" + code + "\"");
    FMS_ASSIGN_OR_RETURN(row.amount, r.money("amount", *currency));
    FMS_ASSIGN_OR_RETURN(std::optional<std::string> rate, r.optional_text("rate_jpy_per_usd"));
    if (rate) {
      auto parsed = ExchangeRate::parse(*rate, Currency::usd(), Currency::jpy());
      if (!parsed.ok()) return r.corrupt("rate_jpy_per_usd is not a rate");
      row.rate = *parsed;
    }
    FMS_ASSIGN_OR_RETURN(row.usd, r.money("usd", Currency::usd()));
    if (r.has("jpy")) {
      FMS_ASSIGN_OR_RETURN(Money yen, r.money("jpy", Currency::jpy()));
      row.jpy = yen;
    } else if (row.amount.currency() == Currency::jpy()) {
      row.jpy = row.amount;
    }
    row.rate_derived = r.has("rate_derived");
    FMS_ASSIGN_OR_RETURN(row.source_line, source_line(r));
    payments.rows.push_back(std::move(row));
  }
  return payments;
}

Result<int> small_integer(const PayloadReader& r, const char* name) {
  FMS_ASSIGN_OR_RETURN(std::int64_t value, r.integer(name));
  if (value < 0 || value > 1'000'000) return r.corrupt(std::string(name) + " out of range");
  return static_cast<int>(value);
}

}  // namespace

std::string canonical_rows(const Bill& bill) {
  return bill_rows_json(bill).dump();
}
std::string canonical_rows(const Payments& payments) {
  return payment_rows_json(payments).dump();
}

std::string encode(const ExecutionDocumentRecorded& payload) {
  ordered_json j;
  j["kind"] = std::string(to_string(payload.kind));
  j["source"] = payload.source;
  j["content_hash"] = payload.content_hash;
  j["rows"] = payload.rows;
  j["file_bytes"] = payload.file_bytes;
  j["cases"] = payload.cases;
  j["supersedes"] = payload.supersedes ? ordered_json(*payload.supersedes) : ordered_json(nullptr);
  j["reason"] = payload.reason;
  j["segment"] = payload.segment ? ordered_json(*payload.segment) : ordered_json(nullptr);
  if (payload.bill) j["bill"] = bill_rows_json(*payload.bill);
  if (payload.payments) j["payments"] = payment_rows_json(*payload.payments);
  return j.dump();
}

std::string encode(const ReconciliationRecorded& payload) {
  ordered_json j;
  j["as_of"] = payload.as_of.to_string();
  j["rules"] = rules_json(payload.rules);
  j["deliveries"] = payload.deliveries;
  j["receipts"] = payload.receipts;
  j["matches_segment"] = payload.matches_segment;
  j["matches"] = payload.matches;
  j["created"] = payload.created;
  j["voided"] = payload.voided;
  j["discrepancies"] = payload.discrepancies;
  ordered_json by_type = ordered_json::object();
  for (const auto& [type, count] : payload.by_type) by_type[type] = count;
  j["by_type"] = std::move(by_type);
  return j.dump();
}

Result<ExecutionDocumentRecorded> decode_execution_document(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  ExecutionDocumentRecorded decoded;
  FMS_ASSIGN_OR_RETURN(std::string kind, payload.text("kind"));
  auto parsed_kind = execution_kind_from_string(kind);
  if (!parsed_kind.ok()) return payload.corrupt(parsed_kind.error().message);
  decoded.kind = *parsed_kind;
  FMS_ASSIGN_OR_RETURN(decoded.source, payload.text("source"));
  FMS_ASSIGN_OR_RETURN(decoded.content_hash, payload.text("content_hash"));
  FMS_ASSIGN_OR_RETURN(decoded.rows, payload.integer("rows"));
  FMS_ASSIGN_OR_RETURN(decoded.file_bytes, payload.integer("file_bytes"));
  FMS_ASSIGN_OR_RETURN(decoded.cases, payload.texts("cases"));
  FMS_ASSIGN_OR_RETURN(decoded.supersedes, payload.optional_text("supersedes"));
  FMS_ASSIGN_OR_RETURN(decoded.reason, payload.text("reason"));
  FMS_ASSIGN_OR_RETURN(decoded.segment, payload.optional_text("segment"));
  const bool bulk =
      decoded.kind == ExecutionKind::delivery_listing || decoded.kind == ExecutionKind::receipts;
  if (bulk != decoded.segment.has_value()) {
    return payload.corrupt("a " + kind + " document " +
                           (bulk ? "must name its segment" : "has no segment"));
  }
  if (decoded.kind == ExecutionKind::bill) {
    FMS_ASSIGN_OR_RETURN(decoded.bill, decode_bill(payload));
  } else if (decoded.kind == ExecutionKind::payments) {
    FMS_ASSIGN_OR_RETURN(decoded.payments, decode_payments(payload));
  }
  return decoded;
}

Result<ReconciliationRecorded> decode_reconciliation(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  ReconciliationRecorded decoded;
  FMS_ASSIGN_OR_RETURN(decoded.as_of, payload.date("as_of"));
  FMS_ASSIGN_OR_RETURN(PayloadReader rules, payload.object("rules"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.effective_from, rules.date("effective_from"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.shipped_not_received_days,
                       small_integer(rules, "shipped_not_received_days"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.receipt_window_days,
                       small_integer(rules, "receipt_window_days"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.sdr_submission_days,
                       small_integer(rules, "sdr_submission_days"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.sdr_deadline_warning_days,
                       small_integer(rules, "sdr_deadline_warning_days"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.sdr_minimum_cents, rules.integer("sdr_minimum_cents"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.value_tolerance_basis_points,
                       small_integer(rules, "value_tolerance_basis_points"));
  FMS_ASSIGN_OR_RETURN(decoded.rules.closure_months_after_ssc,
                       small_integer(rules, "closure_months_after_ssc"));
  // Runs recorded before these rules existed ran without them: they keep the defaults.
  if (rules.has("statement_missing_days")) {
    FMS_ASSIGN_OR_RETURN(decoded.rules.statement_missing_days,
                         small_integer(rules, "statement_missing_days"));
  }
  if (rules.has("case_value_warning_basis_points")) {
    FMS_ASSIGN_OR_RETURN(decoded.rules.case_value_warning_basis_points,
                         small_integer(rules, "case_value_warning_basis_points"));
  }
  FMS_ASSIGN_OR_RETURN(decoded.deliveries, payload.texts("deliveries"));
  FMS_ASSIGN_OR_RETURN(decoded.receipts, payload.texts("receipts"));
  FMS_ASSIGN_OR_RETURN(decoded.matches_segment, payload.text("matches_segment"));
  FMS_ASSIGN_OR_RETURN(decoded.matches, payload.integer("matches"));
  FMS_ASSIGN_OR_RETURN(decoded.created, payload.integer("created"));
  FMS_ASSIGN_OR_RETURN(decoded.voided, payload.integer("voided"));
  FMS_ASSIGN_OR_RETURN(decoded.discrepancies, payload.integer("discrepancies"));
  FMS_ASSIGN_OR_RETURN(decoded.by_type, payload.integer_map("by_type"));
  return decoded;
}

}  // namespace fms::ledger
