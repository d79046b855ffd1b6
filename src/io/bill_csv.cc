// The quarterly bill, DD Form 645 (docs/formats/dd645-bill.md): per case, the statement's
// figures to date (case value, deliveries and performance, costs in progress, accessorials,
// surcharge, contract administration, total cost, payments received, the termination-liability
// reserve), the amount due and payable (column 14) with its due date and the forecast for the
// next quarter; optionally broken down by line.
//
// The header is read through a column map keyed by heading (core/statement_columns.h), so a
// real statement's headings can be mapped in reference data. A file whose header is exactly the
// seven columns of the first format (statement_date, case_id, line, cumulative_delivered_usd,
// cumulative_payments_usd, amount_due_usd, due_date) is read by that format's rules: those
// columns all required, and a line row's payments and amount due stored as zero, so its stored
// form, and so its content hash, stay what they always were.
//
// Each row is checked on its own first. The rules between rows (one statement date per file,
// one case row per case, no repeated case + line, line rows summing to their case row, a total
// cost adding up its parts) are checked as rows arrive where a single earlier row suffices, and
// after the last row otherwise. The sum checks run only when every row was valid: a dropped row
// would make them report noise.
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "io/csv_import.h"
#include "io/execution_csv.h"

namespace fms::io {
namespace csv {
namespace {

// Sums in 128 bits: no number of rows near their limit can overflow them.
__extension__ using Int128 = __int128;

using F = StatementField;

std::size_t index_of(F field) {
  return static_cast<std::size_t>(field);
}

const std::array<Column, kStatementFieldCount>& statement_columns() {
  static const std::array<Column, kStatementFieldCount> columns = [] {
    std::array<Column, kStatementFieldCount> out{};
    for (const F field : all_statement_fields()) {
      out[index_of(field)] = Column{statement_field_name(field), statement_field_required(field)};
    }
    return out;
  }();
  return columns;
}

// The seven columns of the first format, all required.
constexpr std::array<F, 7> kFirstFormat{
    F::statement_date,      F::case_id,    F::line,    F::cumulative_delivered,
    F::cumulative_payments, F::amount_due, F::due_date};

bool first_format(const std::vector<std::string>& headings) {
  if (headings.size() != kFirstFormat.size()) return false;
  return std::all_of(kFirstFormat.begin(), kFirstFormat.end(), [&](F field) {
    return std::find(headings.begin(), headings.end(), statement_field_name(field)) !=
           headings.end();
  });
}

// Amounts that may be negative: a credit due to the purchaser.
bool may_be_negative(F field) {
  return field == F::amount_due;
}

std::string usd(std::int64_t cents) {
  return grouped(cents, 2);
}

std::string usd(Int128 cents) {
  const bool fits = cents <= std::numeric_limits<std::int64_t>::max() &&
                    cents >= std::numeric_limits<std::int64_t>::min();
  return fits ? usd(static_cast<std::int64_t>(cents)) : std::string("a larger amount");
}

// The 15th of the third month after the quarter end (fms-reference.md §6.2).
CivilDate derived_due_date(const CivilDate& quarter_end) {
  const CivilDate month_after = quarter_end.plus_days(1);  // the 1st of the next quarter
  const CivilDate third = month_after.plus_months(2);
  return CivilDate::from_ymd(third.year(), third.month(), 15);
}

class BillParser {
 public:
  BillParser(ProblemLog& log, const Table& table, std::vector<std::string> headings)
      : log_(log), table_(table), headings_(std::move(headings)) {
    legacy_ = first_format(headings_);
  }

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line) {
    fields_ = fields;
    line_ = line;
    BillRow row;
    row.source_line = line;
    bool ok = read_statement_date(at(F::statement_date), row);
    const Field case_field = at(F::case_id);
    const bool case_ok = read_case_id_shape(case_field);
    const Field line_field = at(F::line);
    const bool is_case_row = line_field.text.empty();
    const bool line_ok = is_case_row || read_line_number(line_field);
    ok = read_amounts(is_case_row, row) && ok;
    if (is_case_row) {
      ok = read_statement_type(at(F::statement_type), row) && ok;
      ok = read_due_date(at(F::due_date), row) && ok;
    } else {
      ok = check_line_row(line_field, row) && ok;
    }
    if (case_ok && line_ok) {
      row.case_id = std::string(case_field.text);
      row.line = std::string(line_field.text);
      ok = check_first_appearance(is_case_row ? case_field : line_field, row) && ok;
    }
    if (ok && case_ok && line_ok) rows_.push_back(std::move(row));
  }

  // Rules over the whole bill, once every row is valid.
  void check_cases() {
    check_line_rows_have_case_row();
    for (const F field : {F::cumulative_delivered, F::costs_in_progress}) check_line_sums(field);
    for (const BillRow& row : rows_) {
      if (row.line.empty()) check_total_cost(row);
    }
  }

  Bill take() { return Bill{std::move(rows_)}; }

 private:
  // The field of the current row in column `field`; an absent column reads as empty text.
  [[nodiscard]] Field at(F field) const {
    const std::size_t position = table_.position[index_of(field)];
    if (position == kAbsent) return Field{log_, line_, statement_field_name(field), {}};
    return Field{log_, line_, headings_[position], fields_[position]};
  }

  [[nodiscard]] bool column_present(F field) const {
    return table_.position[index_of(field)] != kAbsent;
  }

  [[nodiscard]] std::string_view heading(F field) const {
    const std::size_t position = table_.position[index_of(field)];
    return position == kAbsent ? statement_field_name(field) : headings_[position];
  }

  bool read_amounts(bool is_case_row, BillRow& row) {
    bool ok = true;
    for (const F field : all_statement_fields()) {
      std::optional<Money>* amount = row.amount(field);
      if (amount == nullptr) continue;
      const Field cell = at(field);
      if (cell.text.empty() && !value_required(field, is_case_row)) continue;
      if (!is_case_row && statement_field_case_row_only(field)) {
        cell.fail([&] {
          return in_quotes(cell.text) +
                 " must be empty on a line row (a row naming a line); only the case row "
                 "(line empty) carries " +
                 std::string(cell.name);
        });
        ok = false;
        continue;
      }
      std::int64_t cents = 0;
      if (!read_usd_cents(cell, may_be_negative(field), cents)) {
        ok = false;
        continue;
      }
      *amount = Money(cents, Currency::usd());
    }
    return ok;
  }

  // Column 14 is what the purchaser pays: every case row states it. The first format also
  // required deliveries on every row and payments on the case row.
  [[nodiscard]] bool value_required(F field, bool is_case_row) const {
    if (field == F::amount_due) return is_case_row;
    if (!legacy_) return false;
    if (field == F::cumulative_delivered) return true;
    return is_case_row && field == F::cumulative_payments;
  }

  static bool read_statement_type(const Field& field, BillRow& row) {
    if (field.text.empty() || field.text == "quarterly") return true;
    if (field.text == "final") {
      row.final_statement = true;
      return true;
    }
    field.fail([&] {
      return in_quotes(field.text) +
             " is not a statement type; write quarterly (or leave it empty) or final (the final "
             "statement of account)";
    });
    return false;
  }

  bool read_due_date(const Field& field, BillRow& row) const {
    if (field.text.empty() && !legacy_) {
      row.due_date = derived_due_date(row.statement_date);
      return true;
    }
    DateValue due;
    if (!read_date(field, due)) return false;
    row.due_date = CivilDate::from_serial(due.serial);
    if (*row.due_date < row.statement_date) {
      field.fail([&] {
        return in_quotes(field.text) + " is before the statement_date " +
               row.statement_date.to_string();
      });
      return false;
    }
    return true;
  }

  // A line row carries only line figures; the first format stored its payments and amount due
  // as zero and its due date as the statement date.
  bool check_line_row(const Field& line_field, BillRow& row) const {
    bool ok = true;
    for (const F field : {F::statement_type, F::due_date}) {
      const Field cell = at(field);
      if (cell.text.empty()) continue;
      cell.fail([&] {
        return in_quotes(cell.text) +
               " must be empty on a line row (a row naming a line); only the case row (line "
               "empty) carries " +
               std::string(cell.name);
      });
      ok = false;
    }
    if (legacy_) {
      row.cumulative_payments = Money(0, Currency::usd());
      row.amount_due = Money(0, Currency::usd());
      row.due_date = row.statement_date;
      return ok;
    }
    if (ok && !row.cumulative_delivered && !row.costs_in_progress &&
        at(F::cumulative_delivered).text.empty() && at(F::costs_in_progress).text.empty()) {
      line_field.fail([&] {
        return "line row " + std::string(line_field.text) + " states neither " +
               std::string(heading(F::cumulative_delivered)) + " nor " +
               std::string(heading(F::costs_in_progress)) + "; a line row gives one of them";
      });
      ok = false;
    }
    return ok;
  }

  bool check_first_appearance(const Field& named, const BillRow& row) {
    const auto first = first_line_of_.try_emplace({row.case_id, row.line}, row.source_line);
    if (first.second) return true;
    const std::uint32_t first_line = first.first->second;
    named.fail([&] {
      return (row.line.empty() ? "the case row of " + row.case_id
                               : "case " + row.case_id + " line " + row.line) +
             " appears more than once; first on line " + std::to_string(first_line);
    });
    return false;
  }

  bool read_statement_date(const Field& field, BillRow& row) {
    DateValue date;
    if (!read_date(field, date)) return false;
    if (!is_quarter_end(date)) {
      field.fail([&] {
        return in_quotes(field.text) +
               " is not the end of a calendar quarter (03-31, 06-30, 09-30 or 12-31); a DD 645 "
               "is as of a quarter end";
      });
      return false;
    }
    row.statement_date = CivilDate::from_serial(date.serial);
    if (!statement_) {
      statement_ = std::pair{row.statement_date, field.line};
    } else if (statement_->first != row.statement_date) {
      field.fail([&] {
        return in_quotes(field.text) + " differs from the statement_date " +
               statement_->first.to_string() + " on line " + std::to_string(statement_->second) +
               "; one bill has one statement date";
      });
      return false;
    }
    return true;
  }

  void check_line_rows_have_case_row() {
    std::map<std::string, const BillRow*> first_line_row;
    for (const BillRow& row : rows_) {
      if (!row.line.empty()) first_line_row.try_emplace(row.case_id, &row);
    }
    for (const auto& [case_id, row] : first_line_row) {
      if (first_line_of_.count({case_id, ""}) != 0) continue;
      log_.report(row->source_line, heading(F::case_id), [&] {
        return "case " + case_id + " has line rows but no case row (a row with line empty)";
      });
    }
  }

  // The line rows stating `field` add up to the case row's figure exactly.
  void check_line_sums(F field) {
    std::map<std::string, Int128> sums;
    for (const BillRow& row : rows_) {
      if (row.line.empty() || !*row.amount(field)) continue;
      sums[row.case_id] += row.cents(field);
    }
    for (const BillRow& row : rows_) {
      if (!row.line.empty()) continue;
      const auto sum = sums.find(row.case_id);
      if (sum == sums.end()) continue;
      if (!*row.amount(field)) {
        log_.report(row.source_line, heading(field), [&] {
          return "the case's line rows state " + std::string(heading(field)) + " (summing to " +
                 usd(sum->second) + "); the case row must state the case's total";
        });
        continue;
      }
      const std::int64_t case_cents = row.cents(field);
      if (sum->second == case_cents) continue;
      log_.report(row.source_line, heading(field), [&] {
        return usd(case_cents) + " is not the sum of the case's line rows, " + usd(sum->second) +
               "; the line rows must add up to the case row exactly";
      });
    }
  }

  // The total cost to date is its parts summed: exactly when the row states every part; and
  // never less than the parts it does state.
  void check_total_cost(const BillRow& row) {
    if (!row.total_cost) return;
    Int128 parts = 0;
    bool every_part = true;
    for (const F part : kTotalCostParts) {
      every_part = every_part && row.amount(part)->has_value();
      parts += row.cents(part);
    }
    const std::int64_t total = row.total_cost->minor_units();
    if (every_part ? parts == total : parts <= total) return;
    log_.report(row.source_line, heading(F::total_cost), [&] {
      std::string names;
      for (const F part : kTotalCostParts) {
        if (!row.amount(part)->has_value()) continue;
        names += (names.empty() ? "" : " + ") + std::string(heading(part));
      }
      return usd(total) + (every_part ? " is not the sum of " : " is less than the sum of ") +
             names + ", " + usd(parts) + "; the total cost to date adds up its parts exactly";
    });
  }

  ProblemLog& log_;
  const Table& table_;
  std::vector<std::string> headings_;  // the header's fields, as written
  bool legacy_ = false;                // the first format's seven columns
  std::span<const std::string_view> fields_;
  std::uint32_t line_ = 0;
  std::vector<BillRow> rows_;
  std::optional<std::pair<CivilDate, std::uint32_t>> statement_;  // the first row's, and its line
  std::map<std::pair<std::string, std::string>, std::uint32_t> first_line_of_;  // case, line
};

std::string unknown_heading_message(std::string_view /*heading*/) {
  std::string names;
  for (const F field : all_statement_fields()) {
    names += (names.empty() ? "" : ", ") + std::string(statement_field_name(field));
  }
  return "the heading is not in the DD 645 column map (reference data table dd645_columns); "
         "the canonical headings are " +
         names +
         "; a statement with other headings is read by mapping them in a "
         "reference-data override (refdata/README.md)";
}

}  // namespace

Result<Bill> parse_bill(std::string_view text, std::string_view source,
                        const StatementColumnMap& columns, const Limits& limits) {
  ProblemLog log;
  Table table;
  const HeadingLookup lookup{[&columns](std::string_view heading) {
                               const auto found = columns.find(normalise_heading(heading));
                               return found == columns.end() ? kAbsent
                                                             : index_of(found->second.field);
                             },
                             unknown_heading_message};
  std::vector<std::string> headings;
  if (!open_table(text, statement_columns(), limits, log, table, &lookup, &headings)) {
    return log.to_error(source);
  }
  BillParser parser(log, table, std::move(headings));
  const RowLoop loop =
      for_each_row(table.body, table.body_first_line, table.field_count, QuotedFields::allow, log,
                   [&](std::span<const std::string_view> fields, std::uint32_t line) {
                     parser.parse_row(fields, line);
                   });
  check_row_count(loop.rows, limits, log);
  if (log.empty()) parser.check_cases();
  if (!log.empty()) return log.to_error(source);
  return parser.take();
}

}  // namespace csv

const StatementColumnMap& canonical_statement_columns() {
  static const StatementColumnMap map = [] {
    StatementColumnMap out;
    for (const StatementField field : all_statement_fields()) {
      const std::string name(statement_field_name(field));
      out.emplace(name, StatementColumn{name, name, field, "confirmed"});
    }
    return out;
  }();
  return map;
}

Result<Bill> parse_bill(std::string_view text, std::string_view source) {
  return csv::parse_bill(text, source, canonical_statement_columns(), csv::kSmallLimits);
}

Result<Bill> parse_bill(std::string_view text, std::string_view source,
                        const StatementColumnMap& columns) {
  return csv::parse_bill(text, source, columns, csv::kSmallLimits);
}

}  // namespace fms::io
