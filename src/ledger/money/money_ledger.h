// The money ledger: exchange rates, budget documents and the finance view that joins them to
// the cases' bills and payments. Its events are in the portfolio-level stream
// (log/portfolio_stream.h). It also answers the case ledger's appropriation guard
// (cases/case_ledger.h): whether a new LOA document would overrun the appropriations that fund
// its case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/budget.h"
#include "core/loa.h"
#include "core/reference_data.h"
#include "ledger/access/scope.h"
#include "ledger/execution/execution_ledger.h"
#include "ledger/log/clock.h"
#include "ledger/log/limits.h"
#include "ledger/money/finance_view.h"
#include "ledger/money/money_book.h"
#include "store/store.h"

namespace fms::ledger {

struct RatesImportOutcome {
  bool recorded = false;  // false: this content was already recorded
  std::string content_hash;
  std::size_t points = 0;
  std::size_t new_points = 0;  // points no recorded document had
  std::string message;
};

// The exchange rates a scope reads: an organisation's (its own series, or the shared one) or,
// for the whole portfolio, the shared reference series (MoneyBook::rates_for).
struct RatesInScope {
  MoneyBook money;
  std::optional<std::string> organisation;
  [[nodiscard]] const RateBook& book() const { return money.rates_for(organisation); }
};

struct BudgetImportOptions {
  // Whose book it is (finance_organisation); none: the scope's one organisation, or for a scope
  // over every organisation, the one that owns the cases it names.
  std::optional<std::string> organisation;
};

struct BudgetImportOutcome {
  bool recorded = false;  // false: this content was already recorded
  std::string content_hash;
  CivilDate effective_date;
  std::string message;
};

struct BudgetInForce {
  RecordedBudget record;
  BudgetDocument document;
};

class MoneyLedger {
 public:
  // `execution` folds the execution documents the finance view and the budget checks read; it
  // keeps its fold between calls, so each reads only what was recorded since.
  MoneyLedger(store::Store& store, const ReferenceData& reference, Clock clock,
              ExecutionLedger& execution)
      : store_(store), reference_(reference), clock_(std::move(clock)), execution_(execution) {}

  // Records a file of exchange rates (docs/formats/exchange-rates.md): all of it or, on any
  // problem, nothing. Only supported pairs (money/rate_book.h); a pair and date already
  // recorded must have the same rate. The same content again changes nothing and says so.
  // The rates join one series: `organisation`'s own (the scope must manage its finance), or,
  // when none is named and the scope is over every organisation, the shared reference series,
  // which only the host or an administrator writes (access/scope.h, finance_organisation).
  Result<RatesImportOutcome> import_rates(std::string_view text, const std::string& source,
                                          const std::optional<std::string>& organisation,
                                          const Scope& scope);
  // The rates and budget documents as recorded now.
  Result<MoneyBook> load();
  // The rates the scope reads, of `organisation` when named (finance_organisation).
  Result<RatesInScope> rates(const Scope& scope, const std::optional<std::string>& organisation);

  // Records a budget document (docs/formats/budget.md), one organisation's book: every case it
  // names must be recorded, the scope must manage its finance (any other reads as unrecorded)
  // and it must be that organisation's. The same content again changes nothing and says so.
  Result<BudgetImportOutcome> import_budget(std::string_view json_text, const std::string& source,
                                            const BudgetImportOptions& options, const Scope& scope);
  // The budget book in force on `date` for an organisation (finance_organisation; nullopt
  // when none is), decoded. Another organisation's book is never in force for this one.
  Result<std::optional<BudgetInForce>> budget_in_force(
      const CivilDate& date, const Scope& scope,
      const std::optional<std::string>& organisation = std::nullopt);
  // nullopt organisation: among every book (the whole portfolio).
  Result<std::optional<BudgetInForce>> budget_in_force(
      const MoneyBook& money, const CivilDate& date, const std::optional<std::string>& organisation,
      const Scope& scope) const;
  // One organisation's money on `as_of` (finance_organisation): its cases as they stood, their
  // bills and payments, its budget book in force and the USD/JPY rate it reads. For a scope over
  // every organisation naming none: the whole portfolio, the latest book and the shared rates.
  Result<FinanceView> finance_view(const CivilDate& as_of, const Scope& scope,
                                   const std::optional<std::string>& organisation = std::nullopt);

  // The case ledger's appropriation guard: what recording `next` does, under the budget book in
  // force today, to the appropriations funding its case. An error when a "block" line would go
  // over (or further over), one warning per "warn" line that would.
  Result<std::vector<std::string>> appropriation_effect(const LoaVersion& next,
                                                        const std::string& source);
  // Every budget document decodes under today's rules and still has its content hash.
  Status verify_budgets(const MoneyBook& money) const;

 private:
  store::Store& store_;
  const ReferenceData& reference_;
  Clock clock_;
  ExecutionLedger& execution_;
};

}  // namespace fms::ledger
