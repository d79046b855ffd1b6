// Execution records: what happens on a case after it is implemented.
//  - The seller's quarterly delivery listing (accompanies the DD 645): one row per shipment or
//    performance, by MILSTRIP document number, with quantity and value in USD.
//  - The buyer's receipt inspections (受領検査調書): what arrived, marked with the document
//    number printed on the shipment, how much was accepted or rejected, by whom.
//  - The quarterly bill (DD Form 645) per case, and per line where given.
//  - The buyer's payments, in USD or in yen with the rate used.
//
// Delivery listings and receipts arrive in volume (millions of rows across a portfolio), so they
// are held column by column: one vector per field, strings packed into one buffer, repeated
// values (case + line, delivery term code, inspector) as indexes into a small dictionary. Bills
// and payments are small and held as plain rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/column.h"
#include "core/exchange_rate.h"
#include "core/money.h"
#include "core/statement_columns.h"

namespace fms {

enum class ExecutionKind { delivery_listing, receipts, bill, payments };
// "delivery-listing", "receipts", "bill", "payments"
std::string_view to_string(ExecutionKind kind);
Result<ExecutionKind> execution_kind_from_string(std::string_view text);

// Limits every execution document obeys (checked by the importers, stated in docs/formats/).
inline constexpr std::size_t kMaxExecutionFileBytes = std::size_t{1} << 30;  // 1 GiB
inline constexpr std::size_t kMaxBulkRows = 20'000'000;  // delivery listing / receipts rows
inline constexpr std::size_t kMaxSmallRows = 20'000;     // bill / payments rows (kept in the event)
inline constexpr std::size_t kMaxDocumentNumberBytes = 20;
inline constexpr std::size_t kMaxTcnBytes = 17;
inline constexpr std::size_t kMaxReceiptIdBytes = 32;
inline constexpr std::size_t kMaxConditionBytes = 200;
inline constexpr std::size_t kMaxInspectorBytes = 64;
inline constexpr std::size_t kMaxPaymentIdBytes = 32;
inline constexpr std::size_t kMaxListingSdrBytes = 20;  // "A0010-JA-KBD/001a" plus a suffix
inline constexpr std::int64_t kMaxRowQuantity = 999'999'999;
inline constexpr std::int64_t kMaxRowValueCents = 999'999'999'999'99;  // under USD 10^12
inline constexpr std::size_t kMaxReportedProblems = 50;  // a rejected file lists at most this many

// Many short strings in one buffer: string i is bytes[ends[i-1], ends[i]).
struct StringColumn {
  Column<char> bytes;
  Column<std::uint32_t> ends;

  [[nodiscard]] std::size_t size() const { return ends.size(); }
  [[nodiscard]] std::string_view at(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
    return {bytes.data() + begin, ends[i] - begin};
  }
  [[nodiscard]] std::string_view all_bytes() const { return {bytes.data(), bytes.size()}; }
  void push(std::string_view value) {
    bytes.append(value);
    ends.push_back(static_cast<std::uint32_t>(bytes.size()));
  }
  friend bool operator==(const StringColumn&, const StringColumn&) = default;
};

// A case line a row refers to: case identifier ("JA-P-TWK") and line number ("001").
struct LineKey {
  std::string case_id;
  std::string line;
  friend auto operator<=>(const LineKey&, const LineKey&) = default;
};

// What one delivery-listing row reports (docs/formats/delivery-listing.md, "Transaction
// types"). Only shipments are deliveries; a shipment credit takes back part of one (a shortage
// or a price the seller corrects); charges are billed on the case without delivering anything;
// a reply to an adjustment request is advice and moves no money.
enum class DeliveryTransaction : std::uint8_t {
  shipment = 0,
  shipment_credit = 1,
  administrative_charge = 2,
  administrative_credit = 3,
  accessorial_charge = 4,
  accessorial_credit = 5,
  adjustment_reply = 6,
};
inline constexpr std::uint8_t kDeliveryTransactionCount = 7;
// "shipment", "shipment-credit", "administrative", "administrative-credit", "accessorial",
// "accessorial-credit", "adjustment-reply"
std::string_view to_string(DeliveryTransaction type);
Result<DeliveryTransaction> delivery_transaction_from_string(std::string_view text);
std::string delivery_transaction_names();  // the names above, comma-separated, for messages
[[nodiscard]] constexpr bool is_credit(DeliveryTransaction type) {
  return type == DeliveryTransaction::shipment_credit ||
         type == DeliveryTransaction::administrative_credit ||
         type == DeliveryTransaction::accessorial_credit;
}
// The rows that may name the SDR they answer: credits and replies.
[[nodiscard]] constexpr bool may_answer_sdr(DeliveryTransaction type) {
  return is_credit(type) || type == DeliveryTransaction::adjustment_reply;
}

// The seller's delivery listing, column by column. Dates are CivilDate serials (days since
// 1970-01-01); money is USD cents.
//
// `transaction` and `sdr` are empty in a listing of shipments only, which is how every listing
// was held before they existed: such a listing keeps the same columns, segment and content hash.
struct DeliveryListing {
  std::vector<LineKey> line_keys;              // dictionary, in order of first appearance
  std::vector<std::string> term_codes;         // Delivery Term Code dictionary
  StringColumn document_number;                // MILSTRIP document number
  Column<std::uint32_t> line;                  // index into line_keys
  Column<std::int32_t> ship_date;              // ship or performance date
  Column<std::int32_t> quantity;               // >= 0
  Column<std::int64_t> value_cents;            // >= 0, USD
  Column<std::uint16_t> term_code;             // index into term_codes
  StringColumn tcn;                            // transportation control number, may be empty
  Column<std::int32_t> reporting_quarter_end;  // 31 Mar / 30 Jun / 30 Sep / 31 Dec
  Column<std::uint32_t> source_line;           // line of the file the row came from
  Column<std::uint8_t> transaction;            // DeliveryTransaction; empty: all shipments
  StringColumn sdr;  // the SDR number a credit or reply answers; empty column: none named

  [[nodiscard]] std::size_t size() const { return ship_date.size(); }
  [[nodiscard]] DeliveryTransaction transaction_of(std::size_t row) const {
    return transaction.empty() ? DeliveryTransaction::shipment
                               : static_cast<DeliveryTransaction>(transaction[row]);
  }
  [[nodiscard]] std::string_view sdr_of(std::size_t row) const {
    return sdr.size() == 0 ? std::string_view() : sdr.at(row);
  }
  // Whether any row is other than a shipment.
  [[nodiscard]] bool has_transactions() const { return !transaction.empty(); }
  friend bool operator==(const DeliveryListing&, const DeliveryListing&) = default;
};

// A listing cut in two: its shipments, held as a listing of shipments only, and its other rows
// (credits, charges, replies) with their types. Both keep the listing's dictionaries, so a row's
// line index means the same in either part.
struct SplitListing {
  DeliveryListing shipments;
  DeliveryListing others;
};
SplitListing split_by_transaction(const DeliveryListing& listing);

// The buyer's receipt inspection records, column by column.
struct ReceiptInspections {
  std::vector<LineKey> line_keys;
  std::vector<std::string> inspectors;  // dictionary
  StringColumn receipt_id;              // unique within the document
  StringColumn document_number;         // as marked on the shipment; may be empty
  Column<std::uint32_t> line;           // index into line_keys
  Column<std::int32_t> received_date;
  Column<std::int32_t> quantity_received;
  Column<std::int32_t> quantity_accepted;  // accepted + rejected = received
  Column<std::int32_t> quantity_rejected;
  StringColumn condition;           // inspector's remark, may be empty
  Column<std::uint32_t> inspector;  // index into inspectors
  Column<std::uint32_t> source_line;

  [[nodiscard]] std::size_t size() const { return received_date.size(); }
  friend bool operator==(const ReceiptInspections&, const ReceiptInspections&) = default;
};

// One row of a DD Form 645 (docs/formats/dd645-bill.md): a case total (line empty) or one
// line of it. Every amount is USD and cumulative to the statement date, and is absent when the
// statement does not state it: absent is not zero. A case row always has an amount due and a
// due date (stated, or derived from the statement date).
struct BillRow {
  CivilDate statement_date;  // quarter end the statement is "as of"
  std::string case_id;
  std::string line;              // empty: the case as a whole
  bool final_statement = false;  // the case's final statement of account (closure)
  std::optional<Money> case_value;
  std::optional<Money> cumulative_delivered;  // deliveries and performance
  std::optional<Money> costs_in_progress;     // accrued expenditures not yet delivered
  std::optional<Money> packing_crating_handling;
  std::optional<Money> transportation;
  std::optional<Money> admin_surcharge;
  std::optional<Money> contract_administration;
  std::optional<Money> total_cost;             // total cost to date
  std::optional<Money> cumulative_payments;    // payments received by the seller
  std::optional<Money> termination_liability;  // reserve held from those payments
  std::optional<Money> amount_due;             // column 14, "amount due and payable"
  std::optional<CivilDate> due_date;
  std::optional<Money> forecast_next_quarter;
  std::uint32_t source_line = 0;

  // The money field `field` names; nullptr for the fields that are not amounts.
  [[nodiscard]] std::optional<Money>* amount(StatementField field);
  [[nodiscard]] const std::optional<Money>* amount(StatementField field) const;
  // An amount in cents, 0 when absent.
  [[nodiscard]] std::int64_t cents(StatementField field) const;
  friend bool operator==(const BillRow&, const BillRow&) = default;
};

struct Bill {
  std::vector<BillRow> rows;
  friend bool operator==(const Bill&, const Bill&) = default;
};

// A yen payment's rate is a USD/JPY ExchangeRate (core/exchange_rate.h): exact, up to 10
// decimals. Payment payloads write it with at least 4 decimals ("147.0000"), the form they have
// always had, so a document's content hash does not depend on which parser read it.
inline constexpr int kPaymentRatePlaces = 4;

// One payment (or refund, negative) on a case. An FMS payment is a USD remittance; the yen is
// what it cost the purchaser, recorded where known (docs/formats/payments.md).
struct PaymentRow {
  std::string payment_id;  // the payer's reference, unique within the document
  CivilDate date;
  std::string case_id;
  // As the file gives it: format 1, the amount in USD or JPY as paid; format 2, the USD
  // remitted.
  Money amount{0, Currency::usd()};
  // USD/JPY: format 1, present exactly when the amount is in yen; format 2, stated, or derived
  // from the yen and the dollars (rate_derived), or absent when no yen is known.
  std::optional<ExchangeRate> rate;
  bool rate_derived = false;
  Money usd{0, Currency::usd()};  // the USD remitted (format 1 yen: converted at `rate`)
  std::optional<Money> jpy;       // the yen it cost, where known
  std::uint32_t source_line = 0;
  friend bool operator==(const PaymentRow&, const PaymentRow&) = default;
};

struct Payments {
  std::vector<PaymentRow> rows;
  friend bool operator==(const Payments&, const Payments&) = default;
};

// A problem with one field of one row: rendered "FILE:LINE: field \"NAME\": MESSAGE".
struct RowProblem {
  std::uint32_t line = 0;
  std::string field;
  std::string message;
};
// Joins problems (at most kMaxReportedProblems, then "... and N more") into one error message.
std::string describe_problems(std::string_view source, const std::vector<RowProblem>& problems,
                              std::size_t total_problems);

}  // namespace fms
