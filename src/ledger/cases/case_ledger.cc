// Case commands: import an LOA document, change a case's status, read a case (now or as of a
// date), list cases, read history.
#include "ledger/cases/case_ledger.h"

#include <algorithm>
#include <map>

#include "core/case_id.h"
#include "core/loa_rules.h"
#include "io/loa_json.h"
#include "ledger/cases/case_events.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

Error located(const std::string& source, const std::string& pointer, const std::string& message,
              ErrorKind kind = ErrorKind::invalid_input) {
  return Error{kind, source + ": " + pointer + ": " + message};
}

Error violations_error(const std::string& source, const std::vector<RuleViolation>& violations) {
  std::string message;
  for (const auto& v : violations) {
    if (!message.empty()) message += '\n';
    message += source + ": " + v.location + ": " + v.message;
  }
  return Error::invalid(message);
}

Result<CaseState> fold(const std::vector<store::EventRecord>& events, const AsOf& as_of,
                       const ReferenceData& reference) {
  CaseState state;
  for (const auto& event : events) {
    FMS_ASSIGN_OR_RETURN(DecodedEvent decoded, decode(event, reference));
    if (!within(decoded, as_of)) continue;
    FMS_TRY(apply(state, std::move(decoded)));
  }
  return state;
}

}  // namespace

Result<CaseState> CaseLedger::commit(const CaseState& state, store::NewEvent event) {
  // The new projection comes from applying the event exactly as replay will.
  CaseState next = state;
  FMS_TRY(apply(next,
                store::EventRecord{0,
                                   event.recorded_at,
                                   event.actor,
                                   event.case_id,
                                   event.type,
                                   event.type_version,
                                   event.payload,
                                   {},
                                   {}},
                reference_));
  store::AppendRequest request;
  request.expected_last_sequence[event.case_id] = state.last_sequence;
  request.events.push_back(std::move(event));
  request.projections.push_back(project(next));
  FMS_TRY(store_.append(request));
  return next;
}

Result<std::string> CaseLedger::normalise_case_id(const std::string& text) const {
  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  FMS_ASSIGN_OR_RETURN(CaseId id, CaseId::parse(upper, reference_));
  return id.to_string();
}

Result<ImportOutcome> CaseLedger::import_document(std::string_view json_text, const std::string& source,
                                              const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(LoaVersion document, io::parse_loa_version(json_text, source, reference_));
  const std::string case_id = document.case_id.to_string();
  FMS_TRY(scope.admit_case(case_id, Permission::manage_case));
  const std::string& actor = scope.actor();
  const std::string canonical = io::serialize_loa_version(document);
  const std::string sha256 = store::sha256_hex(canonical);
  const std::string label = document_label(document.kind, document.version);

  FMS_ASSIGN_OR_RETURN(auto events,
                       store_.read_events(store::EventQuery{.case_id = case_id,
                                                            .recorded_at_most = std::nullopt,
                                                            .type_prefix = std::nullopt,
                                                            .business_only = false}));
  FMS_ASSIGN_OR_RETURN(CaseState state, fold(events, {}, reference_));

  if (const RecordedDocument* existing = state.find_version(document.version)) {
    if (existing->sha256 == sha256) {
      return ImportOutcome{false, case_id, document.version, label,
                           source + ": " + label + " of " + case_id +
                               " is already recorded with identical content; nothing changed"};
    }
    return located(source, "/document/version",
                   "version " + std::to_string(document.version) + " of " + case_id +
                       " is already recorded with different content (" + existing->source +
                       ", recorded " + existing->recorded_at + " by " + existing->actor +
                       "); a correction needs a new modification or amendment",
                   ErrorKind::conflict);
  }
  if (state.documents.empty() && document.kind != DocumentKind::basic) {
    return located(source, "/case_id",
                   "case " + case_id + " does not exist; import its Basic LOA (version 0) first",
                   ErrorKind::not_found);
  }
  if (!state.documents.empty()) {
    const auto violations = check_successor(state.current(), document, reference_);
    if (!violations.empty()) return violations_error(source, violations);
  } else if (document.version != 0) {
    return located(source, "/document/version", "a Basic LOA is version 0");
  }

  std::vector<std::string> warnings;
  if (guard_) {
    FMS_ASSIGN_OR_RETURN(warnings, guard_(document, source));
  }
  FMS_TRY(commit(
      state, store::NewEvent{clock_.timestamp(), actor, case_id, std::string(kDocumentRecorded), 1,
                             encode(DocumentRecorded{source, sha256, document})}));
  std::string message = source + ": recorded " + label + " of " + case_id;
  for (const std::string& warning : warnings) message += "\nwarning: " + warning;
  return ImportOutcome{true, case_id, document.version, label, message};
}

Result<StatusChange> CaseLedger::transition(const std::string& case_id_text, CaseStatus to,
                                        const CivilDate& date, const std::string& reason,
                                        const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::manage_case));
  const std::string& actor = scope.actor();
  FMS_ASSIGN_OR_RETURN(CaseState state, case_state(case_id, {}));
  FMS_TRY(check_transition(state.status, to));
  if (reason.empty() || reason.size() > kMaxReasonBytes) {
    return Error::invalid(mention("reason") + " must be 1 to " + std::to_string(kMaxReasonBytes) +
                          " bytes: every status change says why")
        .concerning("reason");
  }
  if (date < state.status_date) {
    return Error::invalid(
        "date " + date.to_string() + " is before the case's last status change (" +
        std::string(to_string(state.status)) + " on " + state.status_date.to_string() + ")");
  }
  if (date > clock_.today()) {
    return Error::invalid("date " + date.to_string() + " is in the future (today is " +
                          clock_.today().to_string() + ")");
  }
  // The document whose offer this status concerns: the latest one with an OED.
  const LoaVersion* offered = nullptr;
  for (const auto& recorded : state.documents) {
    if (recorded.document.offer_expiration_date) offered = &recorded.document;
  }
  if (to == CaseStatus::accepted && offered != nullptr) {
    if (date > *offered->offer_expiration_date) {
      return Error::invalid("cannot accept " + case_id + " on " + date.to_string() +
                            ": after the offer expiration date " +
                            offered->offer_expiration_date->to_string() + " of " +
                            document_label(offered->kind, offered->version) +
                            "; an extension needs a re-offered document with a new OED");
    }
    if (date < offered->offer_date) {
      return Error::invalid("cannot accept " + case_id + " on " + date.to_string() +
                            ": before it was offered on " + offered->offer_date.to_string());
    }
    if (offered->acceptance_date && *offered->acceptance_date != date) {
      return Error::invalid("cannot accept " + case_id + " on " + date.to_string() + ": " +
                            document_label(offered->kind, offered->version) +
                            " records its acceptance on " + offered->acceptance_date->to_string());
    }
  }
  if (to == CaseStatus::expired && offered != nullptr && date <= *offered->offer_expiration_date) {
    return Error::invalid("cannot mark " + case_id + " expired on " + date.to_string() +
                          ": its offer expiration date is " +
                          offered->offer_expiration_date->to_string());
  }

  FMS_ASSIGN_OR_RETURN(
      CaseState next,
      commit(state, store::NewEvent{clock_.timestamp(), actor, case_id, std::string(kStatusChanged),
                                    1, encode(StatusChanged{state.status, to, date, reason})}));
  return next.history.back();
}

Result<CaseState> CaseLedger::load_case(const std::string& case_id_text, const Scope& scope,
                                    const AsOf& as_of) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::read));
  return case_state(case_id, as_of);
}

Result<CaseState> CaseLedger::case_state(const std::string& case_id, const AsOf& as_of) {
  FMS_ASSIGN_OR_RETURN(auto events, case_events(case_id));
  FMS_ASSIGN_OR_RETURN(CaseState state, fold(events, as_of, reference_));
  if (state.documents.empty()) {
    std::string when = as_of.business_date ? "on " + as_of.business_date->to_string()
                                           : "by " + as_of.recorded_at_most.value_or("then");
    return Error::not_found("case " + case_id + " had no document in force " + when);
  }
  return state;
}

Result<std::vector<store::CaseSummaryRow>> CaseLedger::list_cases(const store::CaseFilter& filter,
                                                              const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::vector<store::CaseSummaryRow> rows, store_.list_cases(filter));
  std::erase_if(rows,
                [&](const store::CaseSummaryRow& row) { return !scope.may_read(row.case_id); });
  return rows;
}

Result<std::vector<store::EventRecord>> CaseLedger::history(const std::string& case_id_text,
                                                        const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::read_history));
  return case_events(case_id);
}

// `case_id` is normalised already: every caller admitted the scope on the normalised id.
Result<std::vector<store::EventRecord>> CaseLedger::case_events(const std::string& case_id) {
  FMS_ASSIGN_OR_RETURN(auto events,
                       store_.read_events(store::EventQuery{.case_id = case_id,
                                                            .recorded_at_most = std::nullopt,
                                                            .type_prefix = std::nullopt,
                                                            .business_only = false}));
  if (events.empty()) return case_not_found(case_id);
  return events;
}

}  // namespace fms::ledger
