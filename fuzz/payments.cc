// The payments importer (io/execution_csv.h) on any bytes. Checked on every input:
//  - a refusal is invalid input;
//  - the file with CRLF line ends, or with a byte order mark, reads alike;
//  - payments read have unique ids of 1 to 32 bytes, amounts other than zero in USD or yen, a
//    USD/JPY rate exactly for yen, the USD equivalent the amount itself or the yen converted at
//    that rate, and rows from increasing lines after the header.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/execution.h"
#include "fuzz_support.h"
#include "io/execution_csv.h"

namespace {

using fms::Currency;
using fms::PaymentRow;
using fms::Payments;
using fms::fuzz::check;

const std::string kSource = "fuzz-payments.csv";

fms::Result<Payments> parse(std::string_view text) {
  return fms::io::parse_payments(text, kSource);
}

void check_payments(const Payments& payments) {
  check(!payments.rows.empty(), "payments read have rows");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < payments.rows.size(); ++i) {
    const PaymentRow& row = payments.rows[i];
    check(!row.payment_id.empty() && row.payment_id.size() <= fms::kMaxPaymentIdBytes,
          "a payment id read is 1 to 32 bytes");
    check(ids.insert(row.payment_id).second, "payment ids read are unique", row.payment_id);
    check(!row.amount.is_zero(), "an amount read is not zero");
    check(row.usd.currency() == Currency::usd(), "a USD equivalent is in USD");
    const bool yen = row.amount.currency() == Currency::jpy();
    check(yen || row.amount.currency() == Currency::usd(), "an amount read is in USD or yen");
    check(row.rate.has_value() == yen, "a rate comes exactly with a yen amount");
    if (yen) {
      check(row.rate->base() == Currency::usd() && row.rate->quote() == Currency::jpy(),
            "a payment's rate is USD/JPY");
      const auto converted = row.rate->convert(row.amount);
      check(converted.ok() && *converted == row.usd,
            "a yen payment's USD equivalent is its amount converted at its rate", row.payment_id);
    } else {
      check(row.usd == row.amount, "a USD payment's USD equivalent is its amount");
    }
    check(row.source_line >= 2 && (i == 0 || payments.rows[i - 1].source_line < row.source_line),
          "rows come from increasing lines after the header");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fms::fuzz::as_text(data, size);
  const auto payments = parse(text);
  fms::fuzz::check_rewritten_readings(text, payments, parse,
                                      [](const Payments& a, const Payments& b) { return a == b; });
  if (payments.ok()) {
    check_payments(*payments);
  } else {
    fms::fuzz::check_refusal(payments.error());
  }
  return 0;
}
