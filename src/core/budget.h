// The purchaser's budget book: what Japan's Diet appropriated per Japanese fiscal year, the
// multi-year obligation authority under which contracts commit later years' money, and the
// programme envelopes those years are planned within (japan-fms.md §2-§3).
//
// A budget document restates the whole book as of its effective date, like an LOA version
// restates a case: the book in force on a date is the latest document effective by then.
// Amounts are yen; rates are exact (core/exchange_rate.h). Nothing here does I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/exchange_rate.h"
#include "core/fiscal_year.h"
#include "core/money.h"
#include "core/rate_series.h"

namespace fms {

inline constexpr std::size_t kMaxBudgetIdBytes = 64;
inline constexpr std::size_t kMaxBudgetTextBytes = 4000;
inline constexpr std::size_t kMaxBudgetEntries = 10'000;  // per list in one document
inline constexpr std::size_t kMaxCasesPerBudgetEntry = 1'000;
// Public Finance Act Art. 15: obligation authority spans at most 5 fiscal years; designated
// long-term defence procurements (Act No. 16 of 2015) up to 10.
inline constexpr int kMaxAuthorityYears = 5;
inline constexpr int kMaxLongTermAuthorityYears = 10;

// What happens when the forecast of a budget line exceeds its appropriation.
enum class OverrunPolicy { warn, block };
std::string_view to_string(OverrunPolicy policy);  // "warn", "block"
Result<OverrunPolicy> overrun_policy_from_string(std::string_view text);

// The budget rate (支出官レート) of one Japanese fiscal year.
struct BudgetRate {
  FiscalYear fiscal_year{FiscalCalendar::japan, 0};
  ExchangeRate rate;
  std::string source;
};

// One appropriation line: yen for one programme/category in one Japanese fiscal year, funding
// the payments of the named cases that fall in that year.
struct Appropriation {
  std::string id;
  FiscalYear fiscal_year{FiscalCalendar::japan, 0};
  std::string programme;  // "Stand-off defence capability"
  std::string category;   // "FMS missiles"
  Money amount{0, Currency::jpy()};
  OverrunPolicy policy = OverrunPolicy::warn;
  std::vector<std::string> cases;
};

// Treasury obligation authority (国庫債務負担行為) for a contract: signed in one year, paid in
// later years, up to a ceiling.
struct ObligationAuthority {
  std::string id;
  std::string title;
  FiscalYear contract_year{FiscalCalendar::japan, 0};
  std::vector<FiscalYear> payment_years;  // ascending
  Money ceiling{0, Currency::jpy()};
  bool long_term_designation = false;  // Act No. 16 of 2015: up to 10 years
  std::vector<std::string> cases;
};

struct EnvelopeShare {
  std::string id;
  std::string name;
  Money amount{0, Currency::jpy()};
  std::vector<std::string> cases;  // cases whose contract value consumes this share
};

// A multi-year programme envelope, e.g. the Defense Buildup Program JFY2023-2027 (¥43 tn at
// ¥108/$) with its stand-off share (about ¥5 tn).
struct Envelope {
  std::string id;
  std::string name;
  FiscalYear first_year{FiscalCalendar::japan, 0};
  FiscalYear last_year{FiscalCalendar::japan, 0};
  Money total{0, Currency::jpy()};
  ExchangeRate assumed_rate;  // the rate the yen total was costed at
  std::vector<EnvelopeShare> shares;
};

struct BudgetDocument {
  CivilDate effective_date;
  std::string title;
  std::string provenance;  // says "illustrative" where figures are invented
  std::vector<BudgetRate> budget_rates;
  std::vector<Appropriation> appropriations;
  std::vector<ObligationAuthority> authorities;
  std::vector<Envelope> envelopes;

  // The budget rates as a series for look-ups (USD/JPY only: the book converts dollars).
  [[nodiscard]] Result<BudgetRates> usd_jpy_budget_rates() const;
  // The appropriation of `year` that funds `case_id`, if any (at most one: see check_budget).
  [[nodiscard]] const Appropriation* appropriation_for(const std::string& case_id,
                                                       const FiscalYear& year) const;
};

// A case a budget document names, at the JSON Pointer of its document form where it is named.
struct NamedCase {
  std::string case_id;
  std::string pointer;  // "/envelopes/0/shares/1/cases/2"
};
// Every case the document names, in document order (a case named twice is listed twice).
std::vector<NamedCase> named_cases(const BudgetDocument& document);

// A rule a budget document breaks, at a JSON Pointer of its document form.
struct BudgetProblem {
  std::string pointer;  // "/appropriations/2/cases/0"
  std::string message;
};

// Rules across entries: unique ids, one budget rate per year, no case funded by two lines of
// the same year (overlapping budget lines), payment years inside the authority's span,
// envelope years in order and shares within the total.
std::vector<BudgetProblem> check_budget(const BudgetDocument& document);

}  // namespace fms
