#include "report/reconciliation_run.h"

namespace fms::report {

ReconciliationRun whole_run(const ledger::ReconciliationRecorded& run) {
  return ReconciliationRun{run.as_of,         run.matches, run.created, run.voided,
                           run.discrepancies, run.by_type};
}

Json reconciliation_run_json(const ReconciliationRun& run) {
  Json by_type = Json::object();
  for (const auto& [type, count] : run.by_type) by_type[type] = count;
  return {{"as_of", run.as_of.to_string()},
          {"matches", run.matches},
          {"created", run.created},
          {"voided", run.voided},
          {"discrepancies", run.discrepancies},
          {"by_type", std::move(by_type)}};
}

std::string reconciliation_run_text(const ReconciliationRun& run) {
  std::string text = "Reconciled as of " + run.as_of.to_string() + ": " +
                     std::to_string(run.matches) + " matches (" + std::to_string(run.created) +
                     " new, " + std::to_string(run.voided) + " voided), " +
                     std::to_string(run.discrepancies) + " discrepancies\n";
  for (const auto& [type, count] : run.by_type) {
    text += "  " + type + ": " + std::to_string(count) + "\n";
  }
  return text;
}

}  // namespace fms::report
