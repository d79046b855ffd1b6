// Budget documents: import and the book in force (ledger.h).
#include <set>
#include <utility>

#include "io/budget_json.h"
#include "ledger/ledger.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

// Every case a document names must be recorded: a budget line for a case nobody can see would
// fund nothing and hide the mistake.
Status check_cases_recorded(const BudgetDocument& document, const std::set<std::string>& known,
                            const std::string& source) {
  std::vector<std::string> problems;
  auto check = [&](const std::vector<std::string>& cases, const std::string& pointer) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (known.count(cases[i]) == 0) {
        problems.push_back(source + ": " + pointer + "/cases/" + std::to_string(i) + ": no case " +
                           cases[i] + " is recorded");
      }
    }
  };
  for (std::size_t i = 0; i < document.appropriations.size(); ++i) {
    check(document.appropriations[i].cases, "/appropriations/" + std::to_string(i));
  }
  for (std::size_t i = 0; i < document.authorities.size(); ++i) {
    check(document.authorities[i].cases, "/obligation_authorities/" + std::to_string(i));
  }
  for (std::size_t i = 0; i < document.envelopes.size(); ++i) {
    for (std::size_t s = 0; s < document.envelopes[i].shares.size(); ++s) {
      check(document.envelopes[i].shares[s].cases,
            "/envelopes/" + std::to_string(i) + "/shares/" + std::to_string(s));
    }
  }
  if (problems.empty()) return Status::Ok();
  std::string message;
  for (const std::string& problem : problems) message += (message.empty() ? "" : "\n") + problem;
  return Error::invalid(message);
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Result<BudgetImportOutcome> Ledger::import_budget(std::string_view json_text,
                                                  const std::string& source,
                                                  const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(BudgetDocument document,
                       io::parse_budget_document(json_text, source, reference_));
  FMS_ASSIGN_OR_RETURN(auto cases, store_.list_cases({}));
  std::set<std::string> known;
  for (const store::CaseSummaryRow& row : cases) known.insert(row.case_id);
  FMS_TRY(check_cases_recorded(document, known, source));

  const std::string content_hash = store::sha256_hex(io::serialize_budget_document(document));
  FMS_ASSIGN_OR_RETURN(PortfolioState portfolio, load_portfolio());
  BudgetImportOutcome outcome;
  outcome.content_hash = content_hash;
  outcome.effective_date = document.effective_date;
  for (const RecordedBudget& existing : portfolio.budgets) {
    if (existing.content_hash == content_hash) {
      outcome.message = source + ": this budget document is already recorded as " +
                        content_hash.substr(0, 12) + " (" + existing.source + ", recorded " +
                        existing.recorded_at + " by " + existing.actor + "); nothing changed";
      return outcome;
    }
  }
  store::AppendRequest request;
  request.expected_last_sequence[""] = portfolio.last_sequence;
  request.events.push_back(store::NewEvent{clock_.timestamp(), actor, "",
                                           std::string(kBudgetDocumentRecorded), 1,
                                           encode_budget_recorded(source, content_hash, document)});
  FMS_TRY(store_.append(request));
  outcome.recorded = true;
  outcome.message =
      source + ": recorded budget document " + content_hash.substr(0, 12) + ", in force from " +
      document.effective_date.to_string() + ": " +
      count(document.budget_rates.size(), "budget rate", "budget rates") + ", " +
      count(document.appropriations.size(), "appropriation", "appropriations") + ", " +
      count(document.authorities.size(), "obligation authority", "obligation authorities") + ", " +
      count(document.envelopes.size(), "envelope", "envelopes");
  return outcome;
}

Result<std::optional<BudgetInForce>> Ledger::budget_in_force(const PortfolioState& portfolio,
                                                             const CivilDate& date) const {
  const RecordedBudget* record = ledger::budget_in_force(portfolio.budgets, date);
  if (record == nullptr) return std::optional<BudgetInForce>{};
  auto document = io::budget_document_from_json(
      record->document, "budget document " + record->content_hash.substr(0, 12), reference_);
  if (!document) {
    return Error::corruption("event " + std::to_string(record->sequence) +
                             " (budget.document_recorded): " + document.error().message);
  }
  return std::optional<BudgetInForce>{BudgetInForce{*record, std::move(*document)}};
}

Status Ledger::verify_budgets(const PortfolioState& portfolio) const {
  for (const RecordedBudget& record : portfolio.budgets) {
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

Result<std::optional<BudgetInForce>> Ledger::budget_in_force(const CivilDate& date) {
  FMS_ASSIGN_OR_RETURN(PortfolioState portfolio, load_portfolio());
  return budget_in_force(portfolio, date);
}

}  // namespace fms::ledger
