// The case ledger: LOA documents and status changes, commands in, events out. A command is
// validated against the case's current state (folded from its events) and the reference data;
// if it is valid, the resulting events and the case's new projection are appended in one
// transaction, otherwise nothing is written.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_status.h"
#include "core/lifecycle_guard.h"
#include "core/loa.h"
#include "core/reference_data.h"
#include "ledger/access/scope.h"
#include "ledger/cases/case_state.h"
#include "ledger/log/clock.h"
#include "ledger/log/limits.h"
#include "store/store.h"

namespace fms::ledger {

struct ImportOutcome {
  bool recorded = false;  // false: the identical document was already recorded
  std::string case_id;
  int version = 0;
  std::string label;  // "Amendment 1"
  std::string message;
};

// What recording `next` does to the money that funds its case: warnings to show, or an error
// that refuses the document (never a Modification: the seller's act is always recorded). The
// money ledger supplies it (money/money_ledger.h), since only it knows the budget books; the
// case ledger knows only that something may object.
using AppropriationGuard = std::function<Result<std::vector<std::string>>(
    const LoaVersion& next, const std::string& source)>;

// What a case has, as of a date, toward the steps of its lifecycle that require evidence
// (core/lifecycle_guard.h): its payments, deliveries and statements. The execution ledger
// supplies it (Database), since only it reads those documents.
using LifecycleEvidenceSource =
    std::function<Result<LifecycleEvidence>(const CaseState& state, const CivilDate& date)>;

using CaseFilter = store::CaseFilter;
using CaseSummaryRow = store::CaseSummaryRow;
using EventRecord = store::EventRecord;

class CaseLedger {
 public:
  CaseLedger(store::Store& store, const ReferenceData& reference, Clock clock)
      : store_(store), reference_(reference), clock_(std::move(clock)) {}

  // Checked before every document is recorded; none by default.
  void set_appropriation_guard(AppropriationGuard guard) { guard_ = std::move(guard); }
  // Consulted before a step that requires evidence; without one, no step is checked.
  void set_lifecycle_evidence(LifecycleEvidenceSource source) { evidence_ = std::move(source); }

  // Records one LOA document (JSON text from `source`), as the scope's actor, for a case the
  // scope manages (Scope::admit_case). Errors are located "source: /pointer: ...".
  Result<ImportOutcome> import_document(std::string_view json_text, const std::string& source,
                                        const Scope& scope);

  // Moves a case to `to` on `date`. A step whose requirements are not met (implemented,
  // supply/services complete, closed: core/lifecycle_guard.h) is refused with what is missing,
  // unless `override_reason` records why it is taken anyway; the event keeps both. An offer
  // past its OED has lapsed (lapsed_offer): the lapse is recorded before the step.
  Result<StatusChange> transition(const std::string& case_id, CaseStatus to, const CivilDate& date,
                                  const std::string& reason, const Scope& scope,
                                  const std::string& override_reason = {});

  // Records the purchaser's signature of an amendment imported unsigned, dated `date` (on or
  // after its offer, by its OED): from then it is the document in force.
  Result<CaseState> sign_amendment(const std::string& case_id, int version, const CivilDate& date,
                                   const std::string& reason, const Scope& scope);

  // A case the scope reads; one outside it is not found, exactly as one never recorded.
  Result<CaseState> load_case(const std::string& case_id, const Scope& scope,
                              const AsOf& as_of = {});
  // The cases the scope reads.
  Result<std::vector<CaseSummaryRow>> list_cases(const CaseFilter& filter, const Scope& scope);
  // Every event of a case whose history the scope reads (Permission::read_history).
  Result<std::vector<EventRecord>> history(const std::string& case_id, const Scope& scope);

  [[nodiscard]] const ReferenceData& reference() const { return reference_; }
  [[nodiscard]] CivilDate today() const { return clock_.today(); }
  [[nodiscard]] const Clock& clock() const { return clock_; }

  // "ja-p-twk" -> "JA-P-TWK", checked against the reference data's codes; an id of the wrong
  // shape is an error naming the part that is wrong.
  [[nodiscard]] Result<std::string> normalise_case_id(const std::string& text) const;

 private:
  // A case's events and state, whoever asks: for the commands above once they admitted the scope.
  Result<std::vector<EventRecord>> case_events(const std::string& case_id);
  // As recorded: no lapse of an offer is derived here (the commands record it).
  Result<CaseState> case_state(const std::string& case_id, const AsOf& as_of);
  Status check_reason(const std::string& reason) const;
  // What the step to `to` lacks on `date`, refused unless overridden; the override to record.
  Result<std::optional<GuardOverride>> check_guard(const CaseState& state, CaseStatus to,
                                                   const CivilDate& date,
                                                   const std::string& override_reason);

  // Appends events of a case whose current state is `state`, with the case's new
  // projection, refusing if another writer changed the case meanwhile. Returns the new state.
  Result<CaseState> commit(const CaseState& state, std::vector<store::NewEvent> events);
  Result<CaseState> commit(const CaseState& state, store::NewEvent event);

  store::Store& store_;
  const ReferenceData& reference_;
  Clock clock_;
  AppropriationGuard guard_;
  LifecycleEvidenceSource evidence_;
};

}  // namespace fms::ledger
