#include "core/statement_columns.h"

#include <algorithm>

namespace fms {
namespace {

constexpr std::array<std::string_view, kStatementFieldCount> kNames{
    "statement_date",
    "case_id",
    "line",
    "statement_type",
    "case_value_usd",
    "cumulative_delivered_usd",
    "costs_in_progress_usd",
    "packing_crating_handling_usd",
    "transportation_usd",
    "admin_surcharge_usd",
    "contract_administration_usd",
    "total_cost_usd",
    "cumulative_payments_usd",
    "termination_liability_usd",
    "amount_due_usd",
    "due_date",
    "forecast_next_quarter_usd",
};

constexpr std::array<StatementField, kStatementFieldCount> kAll{
    StatementField::statement_date,
    StatementField::case_id,
    StatementField::line,
    StatementField::statement_type,
    StatementField::case_value,
    StatementField::cumulative_delivered,
    StatementField::costs_in_progress,
    StatementField::packing_crating_handling,
    StatementField::transportation,
    StatementField::admin_surcharge,
    StatementField::contract_administration,
    StatementField::total_cost,
    StatementField::cumulative_payments,
    StatementField::termination_liability,
    StatementField::amount_due,
    StatementField::due_date,
    StatementField::forecast_next_quarter,
};

bool blank(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::string_view statement_field_name(StatementField field) {
  return kNames[static_cast<std::size_t>(field)];
}

std::optional<StatementField> statement_field_from_name(std::string_view name) {
  const auto it = std::find(kNames.begin(), kNames.end(), name);
  if (it == kNames.end()) return std::nullopt;
  return kAll[static_cast<std::size_t>(it - kNames.begin())];
}

const std::array<StatementField, kStatementFieldCount>& all_statement_fields() {
  return kAll;
}

bool statement_field_required(StatementField field) {
  return field == StatementField::statement_date || field == StatementField::case_id ||
         field == StatementField::amount_due;
}

bool statement_field_case_row_only(StatementField field) {
  switch (field) {
    case StatementField::statement_type:
    case StatementField::case_value:
    case StatementField::packing_crating_handling:
    case StatementField::transportation:
    case StatementField::admin_surcharge:
    case StatementField::contract_administration:
    case StatementField::total_cost:
    case StatementField::cumulative_payments:
    case StatementField::termination_liability:
    case StatementField::amount_due:
    case StatementField::due_date:
    case StatementField::forecast_next_quarter:
      return true;
    default:
      return false;
  }
}

std::string normalise_heading(std::string_view heading) {
  std::string out;
  out.reserve(heading.size());
  bool pending_space = false;
  for (const char c : heading) {
    if (blank(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace fms
