// The buyer's payments (docs/formats/payments.md): what was paid on which case. An FMS payment
// is a USD remittance; the yen is what it cost the purchaser.
//  - Format 2 (columns usd_amount, jpy_amount, rate_jpy_per_usd): the USD remitted, and where
//    known the yen it cost and the rate. Given the yen alone, the rate is derived from it; given
//    the rate alone, the yen is the dollars at that rate; given both, they must agree.
//  - Format 1 (columns amount, currency, rate_jpy_per_usd): an amount in USD, or in yen with
//    the rate it was converted at, whose USD equivalent is computed here once, exactly
//    (core/exchange_rate.h, rounded half away from zero to the cent).
// A negative amount is a refund received.
#include <algorithm>
#include <array>
#include <span>
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
  kUsdAmount,
  kJpyAmount,
  kColumnCount,
};

// Both formats' columns: which format a file is in is told from its header (formats()).
constexpr std::array<Column, kColumnCount> kColumns{{
    {"payment_id"},
    {"date"},
    {"case_id"},
    {"amount", false},
    {"currency", false},
    {"rate_jpy_per_usd", false},
    {"usd_amount", false},
    {"jpy_amount", false},
}};

constexpr std::array<Column, 6> kFirstFormat{
    {{"payment_id"}, {"date"}, {"case_id"}, {"amount"}, {"currency"}, {"rate_jpy_per_usd"}}};
constexpr std::array<Column, 6> kSecondFormat{{{"payment_id"},
                                               {"date"},
                                               {"case_id"},
                                               {"usd_amount"},
                                               {"jpy_amount", false},
                                               {"rate_jpy_per_usd", false}}};

bool present(const Table& table, PaymentColumn column) {
  return table.position[column] != kAbsent;
}

// A header with amount or currency is the first format, and needs its columns; any other needs
// usd_amount. The columns of one format do not mix with the other's.
bool check_format(const Table& table, ProblemLog& log, bool& first_format) {
  first_format = present(table, kAmount) || present(table, kCurrency);
  const std::span<const Column> wanted =
      first_format ? std::span<const Column>(kFirstFormat) : std::span<const Column>(kSecondFormat);
  const std::string columns = [&] {
    std::string out;
    for (const Column& column : wanted) out += (out.empty() ? "" : ", ") + std::string(column.name);
    return out;
  }();
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    const auto column = static_cast<PaymentColumn>(c);
    const bool in_format = std::any_of(wanted.begin(), wanted.end(),
                                       [&](const Column& w) { return w.name == kColumns[c].name; });
    const bool required = std::any_of(wanted.begin(), wanted.end(), [&](const Column& w) {
      return w.name == kColumns[c].name && w.required;
    });
    if (present(table, column) && !in_format) {
      log.add(1, kColumns[c].name,
              std::string("the column belongs to the other payments format; a file with ") +
                  (first_format ? "amount and currency" : "usd_amount") + " has the columns " +
                  columns);
    } else if (!present(table, column) && required) {
      log.add(1, kColumns[c].name,
              "the required column is missing from the header; the columns are " + columns);
    }
  }
  return log.empty();
}

class PaymentsParser {
 public:
  PaymentsParser(ProblemLog& log, bool first_format) : log_(log), first_format_(first_format) {}

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line, const Table& table) {
    const auto at = [&](PaymentColumn column) {
      const std::size_t position = table.position[column];
      return Field{log_, line, kColumns[column].name,
                   position == kAbsent ? std::string_view() : fields[position]};
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
    ok = (first_format_ ? read_amount(at(kAmount), at(kCurrency), at(kRate), row)
                        : read_remittance(at(kUsdAmount), at(kJpyAmount), at(kRate), row)) &&
         ok;
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
    if (!read_rate(rate_field, row)) return false;
    if (!ok) return false;
    const Result<Money> usd = row.rate->convert(row.amount);
    if (!usd.ok()) {
      amount_field.fail([&] { return usd.error().message; });
      return false;
    }
    row.usd = *usd;
    row.jpy = row.amount;
    return true;
  }

  // Format 2: the USD remitted, and where known the yen it cost and the rate.
  static bool read_remittance(const Field& usd_field, const Field& jpy_field,
                              const Field& rate_field, PaymentRow& row) {
    std::int64_t cents = 0;
    if (!read_usd_cents(usd_field, true, cents)) return false;
    if (cents == 0) {
      usd_field.fail([&] {
        return in_quotes(usd_field.text) +
               " is zero; a payment (or a refund, negative) moves money";
      });
      return false;
    }
    row.usd = Money(cents, Currency::usd());
    row.amount = row.usd;
    bool ok = true;
    if (!jpy_field.text.empty()) {
      std::int64_t yen = 0;
      ok = read_signed_yen(jpy_field, yen);
      if (ok && (yen == 0 || (yen < 0) != (cents < 0))) {
        jpy_field.fail([&] {
          return in_quotes(jpy_field.text) + " cannot be what USD " + row.usd.format() +
                 " cost: the yen is not zero and has the sign of the dollars";
        });
        ok = false;
      }
      if (ok) row.jpy = Money(yen, Currency::jpy());
    }
    if (!rate_field.text.empty() && !read_rate(rate_field, row)) return false;
    if (!ok) return false;
    return settle_rate_and_yen(jpy_field, row);
  }

  // A USD/JPY rate, exact (core/exchange_rate.h).
  static bool read_rate(const Field& rate_field, PaymentRow& row) {
    if (!check_not_padded(rate_field)) return false;
    const Result<ExchangeRate> rate =
        ExchangeRate::parse(rate_field.text, Currency::usd(), Currency::jpy());
    if (!rate.ok()) {
      rate_field.fail([&] { return rate.error().message; });
      return false;
    }
    row.rate = *rate;
    return true;
  }

  // Derives the missing one of yen and rate, or checks that the two given agree.
  static bool settle_rate_and_yen(const Field& jpy_field, PaymentRow& row) {
    if (row.rate) {
      const Result<Money> at_rate = row.rate->convert(row.usd);
      if (!at_rate.ok()) {
        jpy_field.fail([&] { return at_rate.error().message; });
        return false;
      }
      if (!row.jpy) {
        row.jpy = *at_rate;
        return true;
      }
      if (*row.jpy == *at_rate) return true;
      jpy_field.fail([&] {
        return "JPY " + row.jpy->format() + " is not USD " + row.usd.format() + " at " +
               row.rate->to_string(kPaymentRatePlaces) + " (JPY " + at_rate->format() +
               "); give the yen and the rate as the remittance advice states them, or only one";
      });
      return false;
    }
    if (!row.jpy) return true;
    const Result<ExchangeRate> implied = ExchangeRate::implied_by(row.usd, *row.jpy);
    if (!implied.ok()) {
      jpy_field.fail([&] { return implied.error().message; });
      return false;
    }
    row.rate = *implied;
    row.rate_derived = true;
    return true;
  }

  ProblemLog& log_;
  bool first_format_ = false;
  std::vector<PaymentRow> rows_;
  std::unordered_map<std::string, std::uint32_t> first_line_of_;  // payment id -> line
};

}  // namespace

Result<Payments> parse_payments(std::string_view text, std::string_view source,
                                const Limits& limits) {
  ProblemLog log;
  Table table;
  if (!open_table(text, kColumns, limits, log, table)) return log.to_error(source);
  bool first_format = false;
  if (!check_format(table, log, first_format)) return log.to_error(source);
  PaymentsParser parser(log, first_format);
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
