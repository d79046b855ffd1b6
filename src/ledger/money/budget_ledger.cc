// Budget documents: import, the book in force and the appropriation guard (money_ledger.h).
#include <algorithm>
#include <set>
#include <utility>

#include "base/short_hash.h"
#include "core/text.h"
#include "io/budget_json.h"
#include "ledger/access/access_book.h"
#include "ledger/cases/case_state.h"
#include "ledger/execution/execution_book.h"
#include "ledger/money/money_ledger.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

// Every case a document names must be recorded: a budget line for a case nobody can see would
// fund nothing and hide the mistake.
Status check_cases_recorded(const BudgetDocument& document, const std::set<std::string>& known,
                            const std::string& source) {
  std::string message;
  for (const NamedCase& named : named_cases(document)) {
    if (known.count(named.case_id) != 0) continue;
    message += (message.empty() ? "" : "\n") + source + ": " + named.pointer + ": no case " +
               named.case_id + " is recorded";
  }
  if (message.empty()) return Status::Ok();
  return Error::invalid(message);
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Whose book a document is: `owner` when the importer named one (every case must be its);
// otherwise the one organisation all its cases belong to ("" when none claims them).
Result<std::string> budget_owner(const BudgetDocument& document,
                                 const std::optional<std::string>& owner, const Scope& scope,
                                 const std::string& source) {
  std::set<std::string> organisations;
  std::string message;
  for (const NamedCase& named : named_cases(document)) {
    const std::string organisation = scope.organisation_of_case(named.case_id).value_or("");
    if (owner && organisation != *owner) {
      message += (message.empty() ? "" : "\n") + source + ": " + named.pointer + ": case " +
                 named.case_id + " is not " + *owner +
                 "'s; a budget document is one organisation's book";
    }
    organisations.insert(organisation);
  }
  if (!message.empty()) return Error::invalid(message);
  if (owner) return *owner;
  if (organisations.size() > 1) {
    std::string list;
    for (const auto& id : organisations)
      list += (list.empty() ? "" : ", ") + (id.empty() ? "(none)" : id);
    return Error::invalid(source + ": the document names cases of several organisations (" + list +
                          "); a budget document is one organisation's book");
  }
  return organisations.empty() ? std::string() : *organisations.begin();
}

}  // namespace

Result<BudgetImportOutcome> MoneyLedger::import_budget(std::string_view json_text,
                                                       const std::string& source,
                                                       const BudgetImportOptions& options,
                                                       const Scope& scope) {
  FMS_TRY(check_text("source", source, {1, kMaxSourceBytes, false}));
  FMS_ASSIGN_OR_RETURN(
      const std::optional<std::string> requested,
      finance_organisation(scope, options.organisation, Permission::manage_finance));
  FMS_ASSIGN_OR_RETURN(BudgetDocument document,
                       io::parse_budget_document(json_text, source, reference_));
  FMS_ASSIGN_OR_RETURN(auto cases, store_.list_cases({}));
  // A case the scope may not manage the finance of reads as never recorded.
  std::set<std::string> known;
  for (const store::CaseSummaryRow& row : cases) {
    if (!scope.may(Permission::manage_finance, row.case_id)) continue;
    known.insert(row.case_id);
  }
  FMS_TRY(check_cases_recorded(document, known, source));
  FMS_ASSIGN_OR_RETURN(const std::string owner, budget_owner(document, requested, scope, source));

  const std::string content_hash = store::sha256_hex(io::serialize_budget_document(document));
  FMS_ASSIGN_OR_RETURN(MoneyBook money, load());
  BudgetImportOutcome outcome;
  outcome.content_hash = content_hash;
  outcome.effective_date = document.effective_date;
  for (const RecordedBudget& existing : money.budgets) {
    if (existing.content_hash == content_hash && existing.organisation == owner) {
      outcome.message = source + ": this budget document is already recorded as " +
                        base::short_hash(content_hash) + " (" + existing.source + ", recorded " +
                        existing.recorded_at + " by " + existing.actor + "); nothing changed";
      return outcome;
    }
  }
  store::AppendRequest request;
  request.expected_last_sequence[""] = money.last_sequence;
  request.events.push_back(store::NewEvent{
      clock_.timestamp(), scope.actor(), "", std::string(kBudgetDocumentRecorded),
      budget_event_version(owner), encode_budget_recorded(owner, source, content_hash, document)});
  FMS_TRY(store_.append(request));
  outcome.recorded = true;
  outcome.message =
      source + ": recorded budget document " + base::short_hash(content_hash) + ", in force from " +
      document.effective_date.to_string() + ": " +
      count(document.budget_rates.size(), "budget rate", "budget rates") + ", " +
      count(document.appropriations.size(), "appropriation", "appropriations") + ", " +
      count(document.authorities.size(), "obligation authority", "obligation authorities") + ", " +
      count(document.envelopes.size(), "envelope", "envelopes");
  return outcome;
}

Result<std::optional<BudgetInForce>> MoneyLedger::budget_in_force(
    const MoneyBook& money, const CivilDate& date, const std::optional<std::string>& organisation,
    const Scope& scope) const {
  // A document without a recorded owner (v1) is an organisation's when every case it names is.
  // That follows the organisations as they are now, which the fold does not know, so the few
  // such documents are decoded here, on each call, rather than once at folding.
  const auto owned = [&](const RecordedBudget& record) {
    if (!organisation) return true;
    if (!record.organisation.empty()) return record.organisation == *organisation;
    auto document = io::budget_document_from_json(record.document, "budget document", reference_);
    if (!document) return false;
    const auto named = named_cases(*document);
    return !named.empty() && std::all_of(named.begin(), named.end(), [&](const NamedCase& n) {
      return scope.organisation_of_case(n.case_id) == organisation;
    });
  };
  const RecordedBudget* record = ledger::budget_in_force(money.budgets, date, owned);
  if (record == nullptr) return std::optional<BudgetInForce>{};
  auto document = io::budget_document_from_json(
      record->document, "budget document " + base::short_hash(record->content_hash), reference_);
  if (!document) {
    return Error::corruption("event " + std::to_string(record->sequence) +
                             " (budget.document_recorded): " + document.error().message);
  }
  return std::optional<BudgetInForce>{BudgetInForce{*record, std::move(*document)}};
}

Status MoneyLedger::verify_budgets(const MoneyBook& money) const {
  for (const RecordedBudget& record : money.budgets) {
    const std::string where = "event " + std::to_string(record.sequence) + " (" +
                              std::string(kBudgetDocumentRecorded) + ")";
    auto document = io::budget_document_from_json(record.document, where, reference_);
    if (!document) return Error::corruption(document.error().message);
    if (store::sha256_hex(io::serialize_budget_document(*document)) != record.content_hash) {
      return Error::corruption(where + ": the budget document does not match its content hash " +
                               record.content_hash);
    }
  }
  return Status::Ok();
}

Result<std::vector<std::string>> MoneyLedger::appropriation_effect(const LoaVersion& next,
                                                                   const std::string& source) {
  const std::string case_id = next.case_id.to_string();
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events(store::business_events()));
  FMS_ASSIGN_OR_RETURN(const ExecutionBook execution, execution_.book_of(events));
  FMS_ASSIGN_OR_RETURN(const MoneyBook money, fold_money(events));
  const CivilDate today = clock_.today();
  // The book that governs the case is its organisation's.
  store::EventQuery access_query;
  access_query.case_id = std::string(store::kAccessStream);
  FMS_ASSIGN_OR_RETURN(auto access_events, store_.read_events(access_query));
  FMS_ASSIGN_OR_RETURN(AccessBook book, fold_access(access_events));
  FMS_ASSIGN_OR_RETURN(
      const Scope host,
      Scope::host_operator("ledger", std::make_shared<const AccessBook>(std::move(book))));
  FMS_ASSIGN_OR_RETURN(std::optional<BudgetInForce> budget,
                       budget_in_force(money, today, host.organisation_of_case(case_id), host));
  std::vector<std::string> warnings;
  if (!budget) return warnings;
  const auto funds_case = [&case_id](const Appropriation& line) {
    return std::find(line.cases.begin(), line.cases.end(), case_id) != line.cases.end();
  };
  const auto& lines = budget->document.appropriations;
  if (std::none_of(lines.begin(), lines.end(), funds_case)) return warnings;

  // The forecast at budget rates before and after, over every case the lines fund.
  FinanceView view;
  view.as_of = today;
  view.budget = budget->document;
  FMS_ASSIGN_OR_RETURN(view.cases, fold_cases(events, reference_, {}));
  view.bill_rows = case_bill_rows(execution, today);
  FMS_ASSIGN_OR_RETURN(const Forecast before,
                       make_forecast({today, view.cashflows(), view.budget, std::nullopt}));
  CaseState& state = view.cases[case_id];
  state.case_id = case_id;
  state.documents.push_back(RecordedDocument{next, "", source, 0, "", ""});
  FMS_ASSIGN_OR_RETURN(const Forecast after,
                       make_forecast({today, view.cashflows(), view.budget, std::nullopt}));

  std::vector<std::string> blocked;
  for (std::size_t i = 0; i < after.checks.size(); ++i) {
    const AppropriationCheck& check = after.checks[i];
    if (!funds_case(check.line) || !check.headroom.is_negative()) continue;
    if (check.forecast.minor_units() <= before.checks[i].forecast.minor_units()) continue;
    const std::string text =
        "appropriation " + check.line.id + " (" + check.line.fiscal_year.label() + ", " +
        check.line.programme + ") would be exceeded: forecast JPY " + check.forecast.format() +
        " at the budget rate against JPY " + check.line.amount.format() + " appropriated";
    (check.line.policy == OverrunPolicy::block ? blocked : warnings).push_back(text);
  }
  // A Modification is the seller's unilateral act: the system of record records it, and the
  // line it breaches is reported, not enforced against it.
  if (!blocked.empty() && next.kind == DocumentKind::modification) {
    for (const std::string& line : blocked) {
      warnings.push_back(line +
                         " (policy block; a Modification is the seller's act, so it is "
                         "recorded: fund the line with a new budget document)");
    }
    return warnings;
  }
  if (!blocked.empty()) {
    std::string message = source + ": " + document_label(next.kind, next.version) + " of " +
                          case_id + " is refused under budget document " +
                          base::short_hash(budget->record.content_hash) +
                          " (policy block); nothing "
                          "recorded. Record a budget document that funds it first:";
    for (const std::string& line : blocked) message += "\n  " + line;
    return Error::conflict(message);
  }
  return warnings;
}

Result<std::optional<BudgetInForce>> MoneyLedger::budget_in_force(
    const CivilDate& date, const Scope& scope, const std::optional<std::string>& organisation) {
  FMS_ASSIGN_OR_RETURN(const std::optional<std::string> owner,
                       finance_organisation(scope, organisation, Permission::read));
  FMS_ASSIGN_OR_RETURN(MoneyBook money, load());
  return budget_in_force(money, date, owner, scope);
}

}  // namespace fms::ledger
