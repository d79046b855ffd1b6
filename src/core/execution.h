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

// The seller's delivery listing, column by column. Dates are CivilDate serials (days since
// 1970-01-01); money is USD cents.
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

  [[nodiscard]] std::size_t size() const { return ship_date.size(); }
  friend bool operator==(const DeliveryListing&, const DeliveryListing&) = default;
};

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

// One row of a DD Form 645: a case total (line empty) or one line of it.
struct BillRow {
  CivilDate statement_date;  // quarter end the statement is "as of"
  std::string case_id;
  std::string line;                                // empty: the case as a whole
  Money cumulative_delivered{0, Currency::usd()};  // delivered / performed value to date
  Money cumulative_payments{0, Currency::usd()};   // payments received to date
  Money amount_due{0, Currency::usd()};            // column 14, "amount due and payable"
  CivilDate due_date;
  std::uint32_t source_line = 0;
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

struct PaymentRow {
  std::string payment_id;  // the payer's reference, unique within the document
  CivilDate date;
  std::string case_id;
  Money amount{0, Currency::usd()};  // USD or JPY as paid
  std::optional<ExchangeRate> rate;  // USD/JPY; present exactly when the amount is in yen
  Money usd{0, Currency::usd()};     // the amount in USD (itself, or converted at `rate`)
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
