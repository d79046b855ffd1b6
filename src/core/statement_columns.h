// The columns of the quarterly DD Form 645 statement that fmsledger reads, and the map from a
// statement's column headings to them (docs/formats/dd645-bill.md).
//
// Only column 14, "Amount Due and Payable", is confirmed by a public source (SAMM C9.10.2); the
// layout of the other columns is not. So a statement is read through a column map kept in
// reference data (table `dd645_columns`): each heading a seller's file may use names one field
// below, and a site maps its real statement's headings by overriding that table, without a code
// change. Headings are compared after normalise_heading: case, surrounding spaces and runs of
// inner spaces do not matter.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fms {

// A field of the statement. The money fields are cumulative to the statement date unless said
// otherwise; all are USD.
enum class StatementField : std::uint8_t {
  statement_date,            // the quarter end the statement is as of
  case_id,                   // the case designator, CC-I-DDD
  line,                      // empty on the case row; a line number on a line row
  statement_type,            // "quarterly" (or empty) or "final": the final statement of account
  case_value,                // the case value the seller carries
  cumulative_delivered,      // deliveries and performance to date
  costs_in_progress,         // accrued expenditures not yet delivered (progress payments, WIP)
  packing_crating_handling,  // accessorial charge, PC&H
  transportation,            // accessorial charge, transportation
  admin_surcharge,           // administrative surcharge
  contract_administration,   // contract administration services (CAS)
  total_cost,                // total cost to date: the six above from delivered on, summed
  cumulative_payments,       // payments received by the seller to date
  termination_liability,     // termination-liability reserve held from those payments
  amount_due,                // column 14, "Amount Due and Payable": what the purchaser pays
  due_date,                  // when the amount due is payable
  forecast_next_quarter,     // the financial requirement forecast for the next quarter
};
inline constexpr std::size_t kStatementFieldCount = 17;

// The canonical heading of a field, which is also its default heading and its name in errors:
// "statement_date", "amount_due_usd", ...
std::string_view statement_field_name(StatementField field);
// The field whose canonical name is `name`.
std::optional<StatementField> statement_field_from_name(std::string_view name);
// Every field, in the order above.
const std::array<StatementField, kStatementFieldCount>& all_statement_fields();

// Fields a statement must have a column for.
bool statement_field_required(StatementField field);
// The money fields that only the case row carries (a line row leaves them empty).
bool statement_field_case_row_only(StatementField field);

// The fields total_cost is the sum of.
inline constexpr std::array<StatementField, 6> kTotalCostParts{
    StatementField::cumulative_delivered,     StatementField::costs_in_progress,
    StatementField::packing_crating_handling, StatementField::transportation,
    StatementField::admin_surcharge,          StatementField::contract_administration,
};

// One entry of the column map: a heading and the field it names.
struct StatementColumn {
  std::string code;     // the heading normalised (normalise_heading): the map's key
  std::string heading;  // as written in the reference data
  StatementField field = StatementField::amount_due;
  std::string confidence;  // "confirmed", "secondary" or "unverified"
};

// The heading in the form the map compares: ASCII letters in lower case, leading and trailing
// spaces and tabs removed, every inner run of them one space. Other bytes are kept as they are.
std::string normalise_heading(std::string_view heading);

// Headings are text a person reads; the map keeps them short.
inline constexpr std::size_t kMaxStatementHeadingBytes = 120;

}  // namespace fms
