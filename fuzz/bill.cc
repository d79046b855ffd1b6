// The DD Form 645 bill importer (io/execution_csv.h) on any bytes. Checked on every input:
//  - a refusal is invalid input;
//  - the file with CRLF line ends, or with a byte order mark, reads alike;
//  - a bill read is one statement (one statement date) in USD, every case has exactly one case
//    row, with an amount due and a due date, and the line rows stating deliveries add up to
//    it; rows come from increasing lines after the header.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/execution.h"
#include "fuzz_support.h"
#include "io/execution_csv.h"

namespace {

using fms::Bill;
using fms::BillRow;
using fms::fuzz::check;

const std::string kSource = "fuzz-bill.csv";

fms::Result<Bill> parse(std::string_view text) {
  return fms::io::parse_bill(text, kSource);
}

void check_bill(const Bill& bill) {
  using fms::StatementField;
  check(!bill.rows.empty(), "a bill read has rows");
  std::map<std::string, std::int64_t> case_delivered;   // case row's cumulative delivered
  std::map<std::string, std::int64_t> lines_delivered;  // sum of its line rows that state it
  for (std::size_t i = 0; i < bill.rows.size(); ++i) {
    const BillRow& row = bill.rows[i];
    check(row.statement_date == bill.rows.front().statement_date,
          "a bill read has one statement date");
    for (const StatementField field : fms::all_statement_fields()) {
      const std::optional<fms::Money>* amount = row.amount(field);
      check(amount == nullptr || !amount->has_value() ||
                (*amount)->currency() == fms::Currency::usd(),
            "a bill read is in USD");
    }
    check(row.source_line >= 2 && (i == 0 || bill.rows[i - 1].source_line < row.source_line),
          "rows come from increasing lines after the header");
    if (row.line.empty()) {
      check(row.amount_due.has_value() && row.due_date.has_value() &&
                !(*row.due_date < row.statement_date),
            "a case row has an amount due, due on or after its statement date", row.case_id);
      check(case_delivered.emplace(row.case_id, row.cents(StatementField::cumulative_delivered))
                .second,
            "a case has one case row", row.case_id);
    } else if (row.cumulative_delivered) {
      lines_delivered[row.case_id] += row.cents(StatementField::cumulative_delivered);
    }
  }
  for (const auto& [case_id, sum] : lines_delivered) {
    const auto total = case_delivered.find(case_id);
    check(total != case_delivered.end(), "a case with line rows has its case row", case_id);
    check(sum == total->second, "line rows add up to their case row", case_id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fms::fuzz::as_text(data, size);
  const auto bill = parse(text);
  fms::fuzz::check_rewritten_readings(text, bill, parse,
                                      [](const Bill& a, const Bill& b) { return a == b; });
  if (bill.ok()) {
    check_bill(*bill);
  } else {
    fms::fuzz::check_refusal(bill.error());
  }
  return 0;
}
