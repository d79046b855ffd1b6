// Verifying the whole record (verify.h).
#include "ledger/verify.h"

#include <algorithm>
#include <map>

#include "ledger/access/access_book.h"
#include "ledger/cases/case_state.h"
#include "ledger/execution/match_set.h"
#include "ledger/sdr/sdr_register.h"
#include "store/event_hash.h"
#include "store/segment_hash.h"

namespace fms::ledger {

Result<std::size_t> Verifier::verify_segments(const ExecutionBook& execution) {
  std::size_t verified = 0;
  for (const ExecutionDocument& document : execution.documents) {
    if (!document.record.segment) continue;
    const std::string& hash = *document.record.segment;
    FMS_ASSIGN_OR_RETURN(const SharedBytes bytes, store_.read_segment(hash));
    auto actual = store::segment_hash(bytes.view);
    if (!actual.ok() || *actual != hash) {
      return Error::corruption(
          "segment " + hash + " of " + std::string(to_string(document.record.kind)) + " " +
          document.record.source + " (event " + std::to_string(document.sequence) +
          ") does not match its hash" + (actual.ok() ? "" : ": " + actual.error().message));
    }
    ++verified;
  }
  if (execution.last_run) {
    const std::string& hash = execution.last_run->run.matches_segment;
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store_.read_segment(hash));
    auto actual = store::segment_hash(bytes.view);
    if (!actual.ok() || *actual != hash || !decode_match_set(std::move(bytes)).ok()) {
      return Error::corruption("match set " + hash + " of reconciliation run (event " +
                               std::to_string(execution.last_run->sequence) +
                               ") does not match its hash");
    }
    ++verified;
  }
  return verified;
}

Result<VerifyReport> Verifier::verify(const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events({}));
  return verify_events(scope, events);
}

Result<VerifyReport> Verifier::verify_events(const Scope& scope,
                                           const std::vector<store::EventRecord>& events) {
  auto report = verify_whole_log(events);
  // The whole log is checked for everyone: a chain is only sound as a whole. What the answer
  // counts, and what a failure names, stays within the scope.
  if (scope.may_everywhere(Permission::verify)) return report;
  if (!report.ok()) {
    if (report.error().kind != ErrorKind::corruption) return report.error();
    return Error::corruption(
        "the log does not verify; an auditor of every organisation or an administrator can see "
        "where");
  }
  report->whole_portfolio = false;
  report->organisations = scope.organisations_where(Permission::verify);
  FMS_ASSIGN_OR_RETURN(auto cases, store_.list_cases({}));
  report->cases = static_cast<std::size_t>(
      std::count_if(cases.begin(), cases.end(), [&](const store::CaseSummaryRow& row) {
        return scope.may(Permission::verify, row.case_id);
      }));
  FMS_ASSIGN_OR_RETURN(ExecutionBook execution, fold_execution(events));
  report->documents = 0;
  report->segments = 0;
  for (const ExecutionDocument& document : execution.documents) {
    const auto& named = document.record.cases;
    if (std::none_of(named.begin(), named.end(),
                     [&](const std::string& id) { return scope.may(Permission::verify, id); })) {
      continue;
    }
    ++report->documents;
    if (document.record.segment) ++report->segments;
  }
  return report;
}

Result<ChainHead> Verifier::head() {
  FMS_ASSIGN_OR_RETURN(auto last, store_.last_event());
  if (!last) return ChainHead{0, std::string(store::kGenesisHash), ""};
  return ChainHead{last->sequence, last->hash, last->recorded_at};
}

Result<VerifyReport> Verifier::verify(const Scope& scope, const std::string& expected_head) {
  const std::size_t at = expected_head.find('@');
  const std::string hash = expected_head.substr(0, at);
  std::optional<std::int64_t> sequence;
  if (at != std::string::npos) {
    const std::string digits = expected_head.substr(at + 1);
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      return Error::invalid("\"" + digits + "\" is not an event number").at_field("expect_head");
    }
    sequence = std::stoll(digits);
  }
  if (hash.size() != 64 || hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Error::invalid(
               "give the head's hash, 64 lower-case hex digits (fmsledger head), "
               "optionally @ its event number")
        .at_field("expect_head");
  }
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events({}));
  FMS_ASSIGN_OR_RETURN(VerifyReport report, verify_events(scope, events));
  const auto found = std::find_if(events.begin(), events.end(),
                                  [&](const store::EventRecord& e) { return e.hash == hash; });
  if (found == events.end()) {
    std::string why =
        "the chain holds no event with the expected head hash " + hash.substr(0, 16) + "...";
    if (sequence && *sequence > static_cast<std::int64_t>(events.size())) {
      why += "; the head was event " + std::to_string(*sequence) + " and the log now has " +
             std::to_string(events.size()) + " events: events were dropped";
    } else {
      why += "; the log was re-chained or replaced since that head was kept";
    }
    return Error::corruption(why);
  }
  if (sequence && found->sequence != *sequence) {
    return Error::corruption("the expected head " + hash.substr(0, 16) + "... is event " +
                             std::to_string(found->sequence) + " now, not event " +
                             std::to_string(*sequence) + ": the log was rewritten");
  }
  return report;
}

Result<VerifyReport> Verifier::verify_whole_log(const std::vector<store::EventRecord>& events) {
  FMS_TRY(verify_chain(events));
  FMS_ASSIGN_OR_RETURN(auto states, fold_cases(events, reference_));
  FMS_ASSIGN_OR_RETURN(const ExecutionBook execution, fold_execution(events));
  if (auto sdrs = fold_sdrs(events); !sdrs.ok()) return sdrs.error();
  FMS_ASSIGN_OR_RETURN(const MoneyBook money, fold_money(events));
  FMS_ASSIGN_OR_RETURN(std::size_t segments, verify_segments(execution));
  FMS_TRY(money_.verify_budgets(money));
  FMS_ASSIGN_OR_RETURN(AccessStreamsVerified access, verify_access_streams(events));
  FMS_ASSIGN_OR_RETURN(auto stored, store_.read_projections());
  std::map<std::string, store::CaseProjection> stored_by_case;
  for (auto& projection : stored)
    stored_by_case[projection.summary.case_id] = std::move(projection);
  for (const auto& [case_id, state] : states) {
    const store::CaseProjection replayed = project(state);
    auto it = stored_by_case.find(case_id);
    if (it == stored_by_case.end()) {
      return Error::corruption("case " + case_id +
                               ": the stored projection is missing; the log has " +
                               std::to_string(state.documents.size()) + " document(s) for it");
    }
    if (it->second.summary != replayed.summary) {
      return Error::corruption("case " + case_id +
                               ": the stored case summary differs from a replay of the log "
                               "(stored status " +
                               it->second.summary.status + ", total " +
                               std::to_string(it->second.summary.total_minor) +
                               "; replayed status " + replayed.summary.status + ", total " +
                               std::to_string(replayed.summary.total_minor) + ")");
    }
    if (it->second.lines != replayed.lines) {
      return Error::corruption("case " + case_id +
                               ": the stored case lines differ from a replay of the log");
    }
    stored_by_case.erase(it);
  }
  if (!stored_by_case.empty()) {
    return Error::corruption("case " + stored_by_case.begin()->first +
                             ": a projection exists for a case with no events in the log");
  }
  VerifyReport report;
  report.events = static_cast<std::int64_t>(events.size());
  report.cases = states.size();
  report.documents = execution.documents.size();
  report.segments = segments;
  report.access_events = access.access_events;
  report.audit_events = access.audit_events;
  report.head_hash = events.empty() ? store::kGenesisHash : events.back().hash;
  return report;
}

}  // namespace fms::ledger
