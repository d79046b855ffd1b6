// The quarterly bill, DD Form 645 (docs/formats/dd645-bill.md): per case, cumulative value
// delivered, cumulative payments and the amount due and payable (column 14), optionally broken
// down by line.
//
// Each row is checked on its own first. The rules between rows (one statement date per file,
// one case row per case, no repeated case + line, line rows summing to their case row) are
// checked as rows arrive where a single earlier row suffices, and after the last row otherwise.
// The sum check runs only when every row was valid: a dropped row would make it report noise.
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

// Line sums in 128 bits: no number of rows near their limit can overflow them.
__extension__ using Int128 = __int128;

enum BillColumn : std::size_t {
  kStatementDate,
  kCaseId,
  kLine,
  kCumulativeDelivered,
  kCumulativePayments,
  kAmountDue,
  kDueDate,
  kColumnCount,
};

constexpr std::array<Column, kColumnCount> kColumns{{
    {"statement_date"},
    {"case_id"},
    {"line"},
    {"cumulative_delivered_usd"},
    {"cumulative_payments_usd"},
    {"amount_due_usd"},
    {"due_date"},
}};

std::string usd(std::int64_t cents) {
  return grouped(cents, 2);
}

class BillParser {
 public:
  explicit BillParser(ProblemLog& log) : log_(log) {}

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line, const Table& table) {
    const auto at = [&](BillColumn column) {
      return Field{log_, line, kColumns[column].name, fields[table.position[column]]};
    };
    BillRow row;
    row.source_line = line;
    bool ok = read_statement_date(at(kStatementDate), row);
    const Field case_field = at(kCaseId);
    const bool case_ok = read_case_id_shape(case_field);
    const Field line_field = at(kLine);
    const bool is_case_row = line_field.text.empty();
    const bool line_ok = is_case_row || read_line_number(line_field);
    std::int64_t cents = 0;
    if (read_usd_cents(at(kCumulativeDelivered), false, cents)) {
      row.cumulative_delivered = Money(cents, Currency::usd());
    } else {
      ok = false;
    }
    if (is_case_row) {
      ok = read_case_row_fields(at(kCumulativePayments), at(kAmountDue), at(kDueDate), row) && ok;
    } else {
      for (const BillColumn column : {kCumulativePayments, kAmountDue, kDueDate}) {
        const Field field = at(column);
        if (field.text.empty()) continue;
        field.fail([&] {
          return in_quotes(field.text) +
                 " must be empty on a line row (a row naming a line); only the case row "
                 "(line empty) carries " +
                 std::string(field.name);
        });
        ok = false;
      }
      row.due_date = row.statement_date;
    }
    if (case_ok && line_ok) {
      row.case_id = std::string(case_field.text);
      row.line = std::string(line_field.text);
      const auto first = first_line_of_.try_emplace({row.case_id, row.line}, line);
      if (!first.second) {
        const Field& named = is_case_row ? case_field : line_field;
        const std::uint32_t first_line = first.first->second;
        named.fail([&] {
          return (is_case_row ? "the case row of " + row.case_id
                              : "case " + row.case_id + " line " + row.line) +
                 " appears more than once; first on line " + std::to_string(first_line);
        });
        ok = false;
      }
    }
    if (ok && case_ok && line_ok) rows_.push_back(std::move(row));
  }

  // Rules over the whole bill, once every row is valid.
  void check_cases() {
    struct LineSum {
      Int128 cents = 0;
      const BillRow* first_line_row = nullptr;
    };
    std::map<std::string, LineSum> line_sums;
    for (const BillRow& row : rows_) {
      if (row.line.empty()) continue;
      LineSum& sum = line_sums[row.case_id];
      sum.cents += row.cumulative_delivered.minor_units();
      if (sum.first_line_row == nullptr) sum.first_line_row = &row;
    }
    for (const auto& entry : line_sums) {
      const std::string& case_id = entry.first;
      if (first_line_of_.count({case_id, ""}) != 0) continue;
      log_.report(entry.second.first_line_row->source_line, "case_id", [&] {
        return "case " + case_id + " has line rows but no case row (a row with line empty)";
      });
    }
    for (const BillRow& row : rows_) {
      if (!row.line.empty()) continue;
      const auto sum = line_sums.find(row.case_id);
      if (sum == line_sums.end()) continue;
      const std::int64_t case_cents = row.cumulative_delivered.minor_units();
      if (sum->second.cents == case_cents) continue;
      log_.report(row.source_line, "cumulative_delivered_usd", [&] {
        const Int128 total = sum->second.cents;
        const bool fits = total <= std::numeric_limits<std::int64_t>::max();
        return usd(case_cents) + " is not the sum of the case's line rows, " +
               (fits ? usd(static_cast<std::int64_t>(total)) : std::string("a larger amount")) +
               "; the line rows must add up to the case row exactly";
      });
    }
  }

  Bill take() { return Bill{std::move(rows_)}; }

 private:
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

  static bool read_case_row_fields(const Field& payments, const Field& amount_due,
                                   const Field& due_date, BillRow& row) {
    std::int64_t cents = 0;
    bool ok = read_usd_cents(payments, false, cents);
    if (ok) row.cumulative_payments = Money(cents, Currency::usd());
    if (read_usd_cents(amount_due, true, cents)) {
      row.amount_due = Money(cents, Currency::usd());
    } else {
      ok = false;
    }
    DateValue due;
    if (!read_date(due_date, due)) return false;
    row.due_date = CivilDate::from_serial(due.serial);
    if (row.due_date < row.statement_date) {
      due_date.fail([&] {
        return in_quotes(due_date.text) + " is before the statement_date " +
               row.statement_date.to_string();
      });
      return false;
    }
    return ok;
  }

  ProblemLog& log_;
  std::vector<BillRow> rows_;
  std::optional<std::pair<CivilDate, std::uint32_t>> statement_;  // the first row's, and its line
  std::map<std::pair<std::string, std::string>, std::uint32_t> first_line_of_;  // case, line
};

}  // namespace

Result<Bill> parse_bill(std::string_view text, std::string_view source, const Limits& limits) {
  ProblemLog log;
  Table table;
  if (!open_table(text, kColumns, limits, log, table)) return log.to_error(source);
  BillParser parser(log);
  const RowLoop loop =
      for_each_row(table.body, table.body_first_line, table.field_count, QuotedFields::allow, log,
                   [&](std::span<const std::string_view> fields, std::uint32_t line) {
                     parser.parse_row(fields, line, table);
                   });
  check_row_count(loop.rows, limits, log);
  if (log.empty()) parser.check_cases();
  if (!log.empty()) return log.to_error(source);
  return parser.take();
}

}  // namespace csv

Result<Bill> parse_bill(std::string_view text, std::string_view source) {
  return csv::parse_bill(text, source, csv::kSmallLimits);
}

}  // namespace fms::io
