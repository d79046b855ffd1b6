// Case-level checks. Bills and payments are small (thousands of rows), so plain sorting is fine.
#include "recon/case_checks.h"

#include <algorithm>
#include <tuple>

#include "recon/amounts.h"
#include "recon/money_checks.h"

namespace fms::recon {
namespace {

struct PaymentRef {
  std::uint32_t case_entry = 0;
  std::int32_t date = 0;
  std::int64_t usd_cents = 0;
  const PaymentRow* row = nullptr;
};

// Payments dated on or before as_of, grouped by case, in date order (portfolio order on a tie).
std::vector<PaymentRef> payments_to_date(const ClassifyContext& c) {
  std::vector<PaymentRef> out;
  for (const auto& document : c.portfolio.payments) {
    if (document.rows == nullptr) continue;
    for (const PaymentRow& row : document.rows->rows) {
      const std::int32_t date = row.date.serial();
      if (date > c.as_of) continue;
      out.push_back(
          PaymentRef{c.catalog.find_case(row.case_id), date, row.usd.minor_units(), &row});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PaymentRef& a, const PaymentRef& b) {
    return std::tie(a.case_entry, a.date) < std::tie(b.case_entry, b.date);
  });
  return out;
}

std::int64_t scheduled_to_date(const CaseInfo* info, std::int32_t as_of) {
  std::int64_t sum = 0;
  if (info == nullptr) return sum;
  for (const PlannedPayment& p : info->schedule) {
    if (p.due_date.serial() <= as_of) sum += p.usd_cents;
  }
  return sum;
}

void check_bill(std::uint32_t case_entry, const BillRow& bill, std::int64_t listed,
                Findings& findings) {
  if (!bill.cumulative_delivered) return;  // the statement does not state its deliveries
  const std::int64_t billed = bill.cumulative_delivered->minor_units();
  if (billed == listed) return;
  const std::int64_t difference = clamped_difference(billed, listed);
  std::vector<std::string> documents{"bill " + bill.case_id + " " +
                                     bill.statement_date.to_string()};
  if (billed > listed) {
    findings.add(
        DiscrepancyType::billed_not_delivered, case_entry, std::move(documents), difference,
        bill.statement_date.serial(),
        advice("ask DFAS for the delivery transactions behind USD " + format_usd(difference)));
  } else {
    findings.add(DiscrepancyType::delivered_not_billed, case_entry, std::move(documents),
                 difference, bill.statement_date.serial(),
                 advice("expect it on the next DD 645; query DFAS if it is missing"));
  }
}

// Checks one case's payments (in date order) against what was billed or scheduled to date.
void check_paid_ahead(const ClassifyContext& c, std::uint32_t case_entry,
                      std::span<const PaymentRef> payments, std::int64_t paid, Findings& findings) {
  const BillRow* bill = c.latest_bill[case_entry];
  // Without the payments the seller acknowledges, what it claims to date is not known.
  if (bill != nullptr && !bill->cumulative_payments) return;
  const std::int64_t billed = bill == nullptr ? 0
                                              : bill->cents(StatementField::cumulative_payments) +
                                                    bill->cents(StatementField::amount_due);
  const std::int64_t allowed =
      std::max(billed, scheduled_to_date(c.catalog.case_info(case_entry), c.as_of));
  if (paid <= allowed) return;
  std::int64_t running = 0;
  for (const PaymentRef& p : payments) {
    running += p.usd_cents;
    if (running <= allowed) continue;
    const std::int64_t amount = clamped_difference(paid, allowed);
    findings.add(
        DiscrepancyType::paid_ahead_of_bill, case_entry, {"payment " + p.row->payment_id}, amount,
        p.date,
        advice("ask DFAS to apply USD " + format_usd(amount) + " to the next bill or refund it"));
    return;
  }
}

}  // namespace

std::vector<const BillRow*> latest_case_bills(const Portfolio& portfolio,
                                              const LineCatalog& catalog, const CivilDate& as_of) {
  std::vector<const BillRow*> latest(catalog.size(), nullptr);
  for (const auto& document : portfolio.bills) {
    if (document.rows == nullptr) continue;
    for (const BillRow& row : document.rows->rows) {
      if (!row.line.empty() || as_of < row.statement_date) continue;
      const BillRow*& best = latest[catalog.find_case(row.case_id)];
      if (best == nullptr || best->statement_date <= row.statement_date) best = &row;
    }
  }
  return latest;
}

void check_cases(const ClassifyContext& context, const OriginalTotals& totals, Findings& findings) {
  const std::vector<PaymentRef> payments = payments_to_date(context);
  std::vector<std::int64_t> paid(context.catalog.size(), 0);
  for (const PaymentRef& p : payments) paid[p.case_entry] += p.usd_cents;

  for (std::size_t begin = 0; begin < payments.size();) {
    std::size_t end = begin;
    while (end < payments.size() && payments[end].case_entry == payments[begin].case_entry) ++end;
    const std::uint32_t case_entry = payments[begin].case_entry;
    check_paid_ahead(context, case_entry, std::span(payments).subspan(begin, end - begin),
                     paid[case_entry], findings);
    begin = end;
  }
  for (std::uint32_t id = 0; id < context.catalog.size(); ++id) {
    if (context.catalog.case_entry(id) != id) continue;
    if (const BillRow* bill = context.latest_bill[id]) {
      check_bill(id, *bill, totals.listed_cents[id], findings);
    }
  }
  check_money(context, findings);
}

}  // namespace fms::recon
