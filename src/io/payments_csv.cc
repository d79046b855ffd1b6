// The buyer's payments (docs/formats/payments.md): what was paid on which case, in US dollars
// or in yen with the rate used. A yen payment keeps the yen amount and the rate as paid, and its
// USD equivalent is computed here once, exactly (core/exchange_rate.h, rounded half away from
// zero to the cent), so the ledger never mixes currencies. A negative amount is a refund received.
#include <array>
#include <string>
#include <unordered_map>
#include <utility>

#include "io/csv_import.h"
#include "io/execution_csv.h"

namespace fms::io {
namespace csv {
namespace {

enum PaymentColumn : std::size_t {
  kPaymentId,
  kDate,
  kCaseId,
  kAmount,
  kCurrency,
  kRate,
  kColumnCount,
};

constexpr std::array<Column, kColumnCount> kColumns{{
    {"payment_id"},
    {"date"},
    {"case_id"},
    {"amount"},
    {"currency"},
    {"rate_jpy_per_usd"},
}};

class PaymentsParser {
 public:
  explicit PaymentsParser(ProblemLog& log) : log_(log) {}

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line, const Table& table) {
    const auto at = [&](PaymentColumn column) {
      return Field{log_, line, kColumns[column].name, fields[table.position[column]]};
    };
    PaymentRow row;
    row.source_line = line;
    const Field id_field = at(kPaymentId);
    bool ok = read_identifier(id_field, kPaymentIdRule);
    if (ok) {
      const auto first = first_line_of_.try_emplace(std::string(id_field.text), line);
      if (!first.second) {
        const std::uint32_t first_line = first.first->second;
        id_field.fail([&] {
          return in_quotes(id_field.text) + " is used more than once; first on line " +
                 std::to_string(first_line) + "; each payment_id must be unique in the file";
        });
        ok = false;
      }
      row.payment_id = std::string(id_field.text);
    }
    DateValue date;
    if (read_date(at(kDate), date)) {
      row.date = CivilDate::from_serial(date.serial);
    } else {
      ok = false;
    }
    const Field case_field = at(kCaseId);
    if (read_case_id_shape(case_field)) {
      row.case_id = std::string(case_field.text);
    } else {
      ok = false;
    }
    ok = read_amount(at(kAmount), at(kCurrency), at(kRate), row) && ok;
    if (ok) rows_.push_back(std::move(row));
  }

  Payments take() { return Payments{std::move(rows_)}; }

 private:
  // Amount, currency and rate together: the currency decides how the other two read.
  static bool read_amount(const Field& amount_field, const Field& currency_field,
                          const Field& rate_field, PaymentRow& row) {
    if (!check_present(currency_field)) return false;
    const bool yen = currency_field.text == "JPY";
    if (!yen && currency_field.text != "USD") {
      currency_field.fail([&] {
        return in_quotes(currency_field.text) + " is not an accepted currency; write USD or JPY";
      });
      return false;
    }
    std::int64_t minor_units = 0;
    bool ok = yen ? read_signed_yen(amount_field, minor_units)
                  : read_usd_cents(amount_field, true, minor_units);
    if (ok && minor_units == 0) {
      amount_field.fail([&] {
        return in_quotes(amount_field.text) +
               " is zero; a payment (or a refund, negative) moves money";
      });
      ok = false;
    }
    row.amount = Money(minor_units, yen ? Currency::jpy() : Currency::usd());
    if (!yen) {
      if (!rate_field.text.empty()) {
        rate_field.fail([&] {
          return in_quotes(rate_field.text) +
                 " must be empty when currency is USD; a rate is given only for yen payments";
        });
        return false;
      }
      row.usd = row.amount;
      return ok;
    }
    if (rate_field.text.empty()) {
      rate_field.fail([] {
        return std::string(
            "a value is required when currency is JPY: the yen-per-dollar rate the payment was "
            "converted at");
      });
      return false;
    }
    if (!check_not_padded(rate_field)) return false;
    const Result<ExchangeRate> rate =
        ExchangeRate::parse(rate_field.text, Currency::usd(), Currency::jpy());
    if (!rate.ok()) {
      rate_field.fail([&] { return rate.error().message; });
      return false;
    }
    row.rate = *rate;
    if (!ok) return false;
    const Result<Money> usd = rate->convert(row.amount);
    if (!usd.ok()) {
      amount_field.fail([&] { return usd.error().message; });
      return false;
    }
    row.usd = *usd;
    return true;
  }

  ProblemLog& log_;
  std::vector<PaymentRow> rows_;
  std::unordered_map<std::string, std::uint32_t> first_line_of_;  // payment id -> line
};

}  // namespace

Result<Payments> parse_payments(std::string_view text, std::string_view source,
                                const Limits& limits) {
  ProblemLog log;
  Table table;
  if (!open_table(text, kColumns, limits, log, table)) return log.to_error(source);
  PaymentsParser parser(log);
  const RowLoop loop =
      for_each_row(table.body, table.body_first_line, table.field_count, QuotedFields::allow, log,
                   [&](std::span<const std::string_view> fields, std::uint32_t line) {
                     parser.parse_row(fields, line, table);
                   });
  check_row_count(loop.rows, limits, log);
  if (!log.empty()) return log.to_error(source);
  return parser.take();
}

}  // namespace csv

Result<Payments> parse_payments(std::string_view text, std::string_view source) {
  return csv::parse_payments(text, source, csv::kSmallLimits);
}

}  // namespace fms::io
