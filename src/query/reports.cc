// The reports over the reconciliation view, each filtered to the caller's scope (reports.h).
#include "query/reports.h"

#include <algorithm>

#include "ledger/sdr/sdr_book.h"
#include "query/cases.h"

namespace fms::query {
namespace {

report::CaseScope reads(const ledger::Scope& scope) {
  return [&scope](const std::string& case_id) { return scope.may_read(case_id); };
}

}  // namespace

Result<report::StatusReport> status(const Reader& reader, const ledger::Scope& scope,
                                    const CivilDate& as_of,
                                    const std::optional<std::string>& case_id) {
  FMS_ASSIGN_OR_RETURN(const auto view, reader.view(as_of));
  return report::status_report(*view, case_id, reads(scope));
}

Result<report::ClosureReport> closure(const Reader& reader, const ledger::Scope& scope,
                                      const CivilDate& as_of,
                                      const std::optional<std::string>& case_id) {
  FMS_ASSIGN_OR_RETURN(const auto view, reader.view(as_of));
  return report::closure_report(*view, case_id, reads(scope));
}

Result<report::ExceptionsReport> exceptions(const Reader& reader, const ledger::Scope& scope,
                                            const CivilDate& as_of, bool detail) {
  FMS_ASSIGN_OR_RETURN(const auto view, reader.view(as_of));
  return report::exceptions_report(*view, detail, reads(scope));
}

Result<report::DiscrepancyReport> discrepancies(const Reader& reader, const ledger::Scope& scope,
                                                const CivilDate& as_of,
                                                const report::DiscrepancyFilter& filter) {
  if (filter.case_id) {
    // A case of another organisation reads exactly as one never recorded.
    FMS_ASSIGN_OR_RETURN(const bool readable, case_readable(reader, scope, *filter.case_id));
    if (!readable) {
      return Error::not_found("case " + *filter.case_id + " is not recorded");
    }
  }
  FMS_ASSIGN_OR_RETURN(const auto view, reader.view(as_of));
  report::DiscrepancyReport built = report::discrepancy_report(*view, filter);
  std::erase_if(built.rows,
                [&](const recon::Discrepancy& row) { return !scope.may_read(row.case_id); });
  // Documents recorded since the last run are counted when they name a case of the scope.
  const auto& execution = view->execution;
  const std::int64_t after = execution.last_run ? execution.last_run->sequence : 0;
  built.unreconciled_documents = static_cast<std::size_t>(std::count_if(
      execution.documents.begin(), execution.documents.end(), [&](const auto& document) {
        const auto& cases = document.record.cases;
        return document.sequence > after && !document.superseded_by &&
               std::any_of(cases.begin(), cases.end(),
                           [&](const std::string& id) { return scope.may_read(id); });
      }));
  return built;
}

Result<ledger::Sdr> sdr(const Reader& reader, const ledger::Scope& scope,
                        const std::string& number) {
  FMS_ASSIGN_OR_RETURN(ledger::Sdr found, reader.database().sdrs().find(number));
  if (!scope.may_read(found.created.case_id)) {
    FMS_ASSIGN_OR_RETURN(const SdrNumber asked, SdrNumber::parse(number));
    return ledger::sdr_not_recorded(asked);
  }
  return found;
}

Result<std::vector<ledger::ListingAnswer>> listing_answers(const Reader& reader,
                                                           const ledger::Sdr& sdr) {
  return reader.database().execution().listing_answers(sdr.created.case_id, sdr.number.base());
}

Result<report::SdrReport> sdrs(const Reader& reader, const ledger::Scope& scope,
                               const CivilDate& as_of, const report::SdrFilter& filter) {
  FMS_ASSIGN_OR_RETURN(const auto rules,
                       reader.database().reference().reconciliation_rules_on(as_of));
  FMS_ASSIGN_OR_RETURN(const auto recorded, reader.database().sdrs().sdrs());
  report::SdrReport built =
      report::sdr_report(recorded, as_of, rules.sdr_deadline_warning_days, filter);
  std::erase_if(built.rows, [&](const report::SdrReportRow& row) {
    return !scope.may_read(row.sdr.created.case_id);
  });
  return built;
}

Result<report::ReconciliationRun> reconciliation_run(
    const Reader& reader, const ledger::Scope& scope,
    const ledger::ReconciliationRecorded& recorded) {
  report::ReconciliationRun run = report::whole_run(recorded);
  if (scope.may_everywhere(ledger::Permission::read)) return run;
  FMS_ASSIGN_OR_RETURN(const auto built, discrepancies(reader, scope, recorded.as_of, {}));
  run.discrepancies = static_cast<std::int64_t>(built.rows.size());
  run.by_type.clear();
  for (const auto& row : built.rows) ++run.by_type[std::string(recon::to_string(row.type))];
  return run;
}

}  // namespace fms::query
