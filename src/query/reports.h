// The reports over the reconciliation view and the SDR register, each over the caller's scope
// as of a date (query/reader.h).
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "core/civil_date.h"
#include "ledger/access/scope.h"
#include "ledger/sdr/sdr_book.h"
#include "query/reader.h"
#include "report/closure_report.h"
#include "report/discrepancy_report.h"
#include "report/exceptions_report.h"
#include "report/reconciliation_run.h"
#include "report/sdr_report.h"
#include "report/status_report.h"

namespace fms::query {

// Each case's money and progress; one case (normalised) when named, which must be one the
// scope reads.
Result<report::StatusReport> status(const Reader& reader, const ledger::Scope& scope,
                                    const CivilDate& as_of,
                                    const std::optional<std::string>& case_id);
// Each case's closure checklist; one case when named.
Result<report::ClosureReport> closure(const Reader& reader, const ledger::Scope& scope,
                                      const CivilDate& as_of,
                                      const std::optional<std::string>& case_id);
// The Board of Audit's exception groups over the scope's cases.
Result<report::ExceptionsReport> exceptions(const Reader& reader, const ledger::Scope& scope,
                                            const CivilDate& as_of, bool detail);
// Every discrepancy of the scope's cases (of one case and type when the filter says so), and
// how many documents recorded since the last run name one of them.
Result<report::DiscrepancyReport> discrepancies(const Reader& reader, const ledger::Scope& scope,
                                                const CivilDate& as_of,
                                                const report::DiscrepancyFilter& filter);
// One SDR with its history ("A0001-JA-TWK/001", the suffix optional); one of a case the scope
// does not read is answered exactly as a number never recorded.
Result<ledger::Sdr> sdr(const Reader& reader, const ledger::Scope& scope,
                        const std::string& number);
// The credits and replies on the delivery listings of `sdr`'s case that name it (any stage).
Result<std::vector<ledger::ListingAnswer>> listing_answers(const Reader& reader,
                                                           const ledger::Sdr& sdr);
// The SDRs of the scope's cases, each as it stood on `as_of`.
Result<report::SdrReport> sdrs(const Reader& reader, const ledger::Scope& scope,
                               const CivilDate& as_of, const report::SdrFilter& filter);

// A run just recorded (ExecutionLedger::reconcile), as the scope is told it: the run's matches,
// and the discrepancies as of its date in the cases the scope reads (for a scope that reads
// every case, the run's own counts).
Result<report::ReconciliationRun> reconciliation_run(
    const Reader& reader, const ledger::Scope& scope,
    const ledger::ReconciliationRecorded& recorded);

}  // namespace fms::query
