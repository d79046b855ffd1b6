// Budget book rules (see budget.h).
#include "core/budget.h"

#include <map>
#include <set>
#include <utility>

namespace fms {

std::string_view to_string(OverrunPolicy policy) {
  return policy == OverrunPolicy::block ? "block" : "warn";
}

Result<OverrunPolicy> overrun_policy_from_string(std::string_view text) {
  if (text == "warn") return OverrunPolicy::warn;
  if (text == "block") return OverrunPolicy::block;
  return Error::invalid("policy \"" + std::string(text) + "\" is not one of: warn, block");
}

Result<BudgetRates> BudgetDocument::usd_jpy_budget_rates() const {
  std::map<FiscalYear, RatePoint> by_year;
  for (const BudgetRate& entry : budget_rates) {
    by_year.emplace(entry.fiscal_year,
                    RatePoint{entry.fiscal_year.first_day(), entry.rate, entry.source});
  }
  return BudgetRates::make(Currency::usd(), Currency::jpy(), std::move(by_year));
}

const Appropriation* BudgetDocument::appropriation_for(const std::string& case_id,
                                                       const FiscalYear& year) const {
  for (const Appropriation& line : appropriations) {
    if (!(line.fiscal_year == year)) continue;
    for (const std::string& funded : line.cases) {
      if (funded == case_id) return &line;
    }
  }
  return nullptr;
}

std::vector<NamedCase> named_cases(const BudgetDocument& document) {
  std::vector<NamedCase> named;
  auto add = [&named](const std::vector<std::string>& cases, const std::string& pointer) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      named.push_back({cases[i], pointer + "/cases/" + std::to_string(i)});
    }
  };
  for (std::size_t i = 0; i < document.appropriations.size(); ++i) {
    add(document.appropriations[i].cases, "/appropriations/" + std::to_string(i));
  }
  for (std::size_t i = 0; i < document.authorities.size(); ++i) {
    add(document.authorities[i].cases, "/obligation_authorities/" + std::to_string(i));
  }
  for (std::size_t i = 0; i < document.envelopes.size(); ++i) {
    for (std::size_t s = 0; s < document.envelopes[i].shares.size(); ++s) {
      add(document.envelopes[i].shares[s].cases,
          "/envelopes/" + std::to_string(i) + "/shares/" + std::to_string(s));
    }
  }
  return named;
}

namespace {

class Checker {
 public:
  void add(std::string pointer, std::string message) {
    problems_.push_back({std::move(pointer), std::move(message)});
  }
  // Ids are unique within their list.
  void unique_id(std::set<std::string>& seen, const std::string& id, const std::string& pointer,
                 std::string_view what) {
    if (!seen.insert(id).second)
      add(pointer + "/id", std::string(what) + " \"" + id + "\" appears twice");
  }
  std::vector<BudgetProblem> take() { return std::move(problems_); }

 private:
  std::vector<BudgetProblem> problems_;
};

void check_rates(const BudgetDocument& document, Checker& checker) {
  std::map<FiscalYear, std::size_t> seen;
  for (std::size_t i = 0; i < document.budget_rates.size(); ++i) {
    const BudgetRate& entry = document.budget_rates[i];
    const std::string at = "/budget_rates/" + std::to_string(i);
    if (!(entry.rate.base() == Currency::usd()) || !(entry.rate.quote() == Currency::jpy())) {
      checker.add(at + "/pair", "budget rates are USD/JPY, got " + entry.rate.pair());
    }
    const auto [it, inserted] = seen.emplace(entry.fiscal_year, i);
    if (!inserted) {
      checker.add(at + "/fiscal_year", entry.fiscal_year.label() +
                                           " already has a budget rate at /budget_rates/" +
                                           std::to_string(it->second));
    }
  }
}

void check_appropriations(const BudgetDocument& document, Checker& checker) {
  std::set<std::string> ids;
  // (year, case) -> the line that funds it: a second line for the same pair overlaps.
  std::map<std::pair<FiscalYear, std::string>, std::string> funded_by;
  for (std::size_t i = 0; i < document.appropriations.size(); ++i) {
    const Appropriation& line = document.appropriations[i];
    const std::string at = "/appropriations/" + std::to_string(i);
    checker.unique_id(ids, line.id, at, "appropriation");
    if (line.amount.is_negative())
      checker.add(at + "/amount", "an appropriation cannot be negative");
    for (std::size_t c = 0; c < line.cases.size(); ++c) {
      const auto [it, inserted] =
          funded_by.emplace(std::make_pair(line.fiscal_year, line.cases[c]), line.id);
      if (!inserted) {
        checker.add(at + "/cases/" + std::to_string(c),
                    "overlapping budget lines: " + line.cases[c] + " in " +
                        line.fiscal_year.label() + " is already funded by appropriation \"" +
                        it->second + "\"");
      }
    }
  }
}

void check_authorities(const BudgetDocument& document, Checker& checker) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < document.authorities.size(); ++i) {
    const ObligationAuthority& authority = document.authorities[i];
    const std::string at = "/obligation_authorities/" + std::to_string(i);
    checker.unique_id(ids, authority.id, at, "obligation authority");
    if (authority.ceiling.is_negative() || authority.ceiling.is_zero()) {
      checker.add(at + "/ceiling", "the ceiling must be above zero");
    }
    if (authority.payment_years.empty()) {
      checker.add(at + "/payment_years", "at least one payment year is required");
    }
    const int span =
        authority.long_term_designation ? kMaxLongTermAuthorityYears : kMaxAuthorityYears;
    const int last_allowed = authority.contract_year.year + span - 1;
    for (std::size_t y = 0; y < authority.payment_years.size(); ++y) {
      const FiscalYear& year = authority.payment_years[y];
      const std::string where = at + "/payment_years/" + std::to_string(y);
      if (year.year < authority.contract_year.year || year.year > last_allowed) {
        checker.add(
            where,
            "payment year " + year.label() + " is outside the authority: " + "a contract of " +
                authority.contract_year.label() + " may be paid in JFY" +
                std::to_string(authority.contract_year.year) + "-" + std::to_string(last_allowed) +
                " (" + std::to_string(span) + " fiscal years" +
                (authority.long_term_designation ? ", designated long-term procurement)"
                                                 : "; up to 10 only with long_term_designation)"));
      }
      if (y > 0 && !(authority.payment_years[y - 1] < year)) {
        checker.add(where, "payment years must be ascending and each given once");
      }
    }
  }
}

void check_envelopes(const BudgetDocument& document, Checker& checker) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < document.envelopes.size(); ++i) {
    const Envelope& envelope = document.envelopes[i];
    const std::string at = "/envelopes/" + std::to_string(i);
    checker.unique_id(ids, envelope.id, at, "envelope");
    if (envelope.last_year < envelope.first_year) {
      checker.add(at + "/last_year", envelope.last_year.label() + " is before the first year " +
                                         envelope.first_year.label());
    }
    if (!(envelope.assumed_rate.base() == Currency::usd()) ||
        !(envelope.assumed_rate.quote() == Currency::jpy())) {
      checker.add(at + "/assumed_rate/pair",
                  "an envelope is costed in USD/JPY, got " + envelope.assumed_rate.pair());
    }
    std::set<std::string> share_ids;
    Money shares = Money::zero(Currency::jpy());
    for (std::size_t s = 0; s < envelope.shares.size(); ++s) {
      const EnvelopeShare& share = envelope.shares[s];
      const std::string share_at = at + "/shares/" + std::to_string(s);
      checker.unique_id(share_ids, share.id, share_at, "share");
      if (share.amount.is_negative())
        checker.add(share_at + "/amount", "a share cannot be negative");
      if (auto sum = shares.plus(share.amount)) shares = *sum;
    }
    if (envelope.total.minor_units() < shares.minor_units()) {
      checker.add(at + "/shares", "the shares add up to JPY " + shares.format() +
                                      ", more than the total JPY " + envelope.total.format());
    }
  }
}

}  // namespace

std::vector<BudgetProblem> check_budget(const BudgetDocument& document) {
  Checker checker;
  check_rates(document, checker);
  check_appropriations(document, checker);
  check_authorities(document, checker);
  check_envelopes(document, checker);
  return checker.take();
}

}  // namespace fms
