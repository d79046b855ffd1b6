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

// An acceptance dated within the offer: on or after its offer date, by its OED, and on the
// acceptance date the document records, if it records one.
Status check_acceptance_date(const std::string& case_id, const LoaVersion& offered,
                             const CivilDate& date) {
  if (date > *offered.offer_expiration_date) {
    return Error::invalid("cannot accept " + case_id + " on " + date.to_string() +
                          ": after the offer expiration date " +
                          offered.offer_expiration_date->to_string() + " of " +
                          document_label(offered.kind, offered.version) +
                          "; an extension needs a re-offered document with a new OED");
  }
  if (date < offered.offer_date) {
    return Error::invalid("cannot accept " + case_id + " on " + date.to_string() +
                          ": before it was offered on " + offered.offer_date.to_string());
  }
  if (offered.acceptance_date && *offered.acceptance_date != date) {
    return Error::invalid("cannot accept " + case_id + " on " + date.to_string() + ": " +
                          document_label(offered.kind, offered.version) +
                          " records its acceptance on " + offered.acceptance_date->to_string());
  }
  return Status::Ok();
}

// The steps that require evidence (core/lifecycle_guard.h).
bool guarded_step(CaseStatus to) {
  return to == CaseStatus::implemented || to == CaseStatus::supply_services_complete ||
         to == CaseStatus::closed;
}

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

Result<CaseState> CaseLedger::commit(const CaseState& state, std::vector<store::NewEvent> events) {
  // The new projection comes from applying the events exactly as replay will.
  CaseState next = state;
  for (const store::NewEvent& event : events) {
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
  }
  store::AppendRequest request;
  if (events.empty()) return next;
  request.expected_last_sequence[events.front().case_id] = state.last_sequence;
  request.events = std::move(events);
  request.projections.push_back(project(next));
  FMS_TRY(store_.append(request));
  return next;
}

Result<CaseState> CaseLedger::commit(const CaseState& state, store::NewEvent event) {
  std::vector<store::NewEvent> events;
  events.push_back(std::move(event));
  return commit(state, std::move(events));
}

Result<std::string> CaseLedger::normalise_case_id(const std::string& text) const {
  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  FMS_ASSIGN_OR_RETURN(CaseId id, CaseId::parse(upper, reference_));
  return id.to_string();
}

Result<ImportOutcome> CaseLedger::import_document(std::string_view json_text,
                                                  const std::string& source, const Scope& scope) {
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
    const bool signs_it = existing->document.kind == DocumentKind::amendment &&
                          !existing->document.acceptance_date && document.acceptance_date;
    if (existing->sha256 == sha256) {
      return ImportOutcome{false, case_id, document.version, label,
                           source + ": " + label + " of " + case_id +
                               " is already recorded with identical content; nothing changed"};
    }
    return located(source, "/document/version",
                   "version " + std::to_string(document.version) + " of " + case_id +
                       " is already recorded with different content (" + existing->source +
                       ", recorded " + existing->recorded_at + " by " + existing->actor +
                       (signs_it ? "); its signature is recorded with the sign command, not "
                                   "a new import of the signed copy"
                                 : "); a correction needs a new modification or amendment"),
                   ErrorKind::conflict);
  }
  if (state.documents.empty() && document.kind != DocumentKind::basic) {
    return located(source, "/case_id",
                   "case " + case_id + " does not exist; import its Basic LOA (version 0) first",
                   ErrorKind::not_found);
  }
  if (!state.documents.empty()) {
    const auto violations = check_successor(state.latest(), document, reference_);
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
  if (document.kind == DocumentKind::amendment && !document.acceptance_date) {
    message += "; not signed, so not in force until the purchaser's signature is recorded";
  }
  for (const std::string& warning : warnings) message += "\nwarning: " + warning;
  return ImportOutcome{true, case_id, document.version, label, message};
}

Status CaseLedger::check_reason(const std::string& reason) const {
  if (reason.empty() || reason.size() > kMaxReasonBytes) {
    return Error::invalid(mention("reason") + " must be 1 to " + std::to_string(kMaxReasonBytes) +
                          " bytes: every change of a case says why")
        .concerning("reason");
  }
  return Status::Ok();
}

Result<std::optional<GuardOverride>> CaseLedger::check_guard(const CaseState& state, CaseStatus to,
                                                             const CivilDate& date,
                                                             const std::string& override_reason) {
  std::vector<std::string> missing;
  if (evidence_ && guarded_step(to)) {
    FMS_ASSIGN_OR_RETURN(LifecycleEvidence evidence, evidence_(state, date));
    missing = transition_blockers(to, evidence);
  }
  if (missing.empty()) {
    if (override_reason.empty()) return std::optional<GuardOverride>{};
    return Error::invalid("nothing to override: " + state.case_id + " meets every requirement of " +
                          std::string(to_string(to)) + " on " + date.to_string() +
                          "; take the step without " + mention("override"))
        .concerning("override");
  }
  std::string listed;
  for (const std::string& item : missing) listed += (listed.empty() ? "" : "; ") + item;
  if (override_reason.empty()) {
    return Error::conflict("cannot move " + state.case_id + " to " + std::string(to_string(to)) +
                           " on " + date.to_string() + ": " + listed +
                           ". If this is an exception the programme office accepts, give " +
                           mention("override") + " with its reason; it is recorded")
        .concerning("override");
  }
  if (override_reason.size() > kMaxReasonBytes) {
    return Error::invalid(mention("override") + " must be 1 to " + std::to_string(kMaxReasonBytes) +
                          " bytes")
        .concerning("override");
  }
  return std::optional<GuardOverride>{GuardOverride{override_reason, std::move(missing)}};
}

Result<StatusChange> CaseLedger::transition(const std::string& case_id_text, CaseStatus to,
                                            const CivilDate& date, const std::string& reason,
                                            const Scope& scope,
                                            const std::string& override_reason) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::manage_case));
  const std::string& actor = scope.actor();
  FMS_ASSIGN_OR_RETURN(CaseState recorded, case_state(case_id, {}));
  // An offer that lapsed by `date` is offer-expired whether or not that was recorded: the step
  // starts from there, and the lapse is recorded with it.
  const std::optional<StatusChange> lapse =
      to == CaseStatus::expired ? std::nullopt : lapsed_offer(recorded, date);
  CaseState state = recorded;
  if (lapse) apply_lapsed_offer(state, date);
  if (date > clock_.today()) {
    return Error::invalid("date " + date.to_string() + " is in the future (today is " +
                          clock_.today().to_string() + ")");
  }
  const LoaVersion* offered = state.latest_offer();
  // An acceptance of an offer says what is wrong with its date, before the state machine says
  // that a lapsed offer cannot be accepted.
  if (to == CaseStatus::accepted && recorded.status == CaseStatus::offered && offered != nullptr) {
    FMS_TRY(check_acceptance_date(case_id, *offered, date));
  }
  FMS_TRY(check_transition(state.status, to));
  FMS_TRY(check_reason(reason));
  if (date < state.status_date) {
    return Error::invalid(
        "date " + date.to_string() + " is before the case's last status change (" +
        std::string(to_string(state.status)) + " on " + state.status_date.to_string() + ")");
  }
  if (to == CaseStatus::expired && offered != nullptr && date <= *offered->offer_expiration_date) {
    return Error::invalid("cannot mark " + case_id + " offer-expired on " + date.to_string() +
                          ": its offer expiration date is " +
                          offered->offer_expiration_date->to_string());
  }
  FMS_ASSIGN_OR_RETURN(std::optional<GuardOverride> taken,
                       check_guard(state, to, date, override_reason));

  std::vector<store::NewEvent> events;
  if (lapse) {
    events.push_back(
        store::NewEvent{clock_.timestamp(), actor, case_id, std::string(kStatusChanged), 1,
                        encode(StatusChanged{lapse->from.value_or(CaseStatus::offered), lapse->to,
                                             lapse->date, lapse->reason, std::nullopt})});
  }
  events.push_back(
      store::NewEvent{clock_.timestamp(), actor, case_id, std::string(kStatusChanged), 1,
                      encode(StatusChanged{state.status, to, date, reason, std::move(taken)})});
  FMS_ASSIGN_OR_RETURN(CaseState next, commit(recorded, std::move(events)));
  return next.history.back();
}

Result<CaseState> CaseLedger::sign_amendment(const std::string& case_id_text, int version,
                                             const CivilDate& date, const std::string& reason,
                                             const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::manage_case));
  FMS_ASSIGN_OR_RETURN(CaseState state, case_state(case_id, {}));
  FMS_TRY(check_reason(reason));
  const RecordedDocument* recorded = state.find_version(version);
  if (recorded == nullptr) {
    return Error::not_found(case_id + " has no version " + std::to_string(version) +
                            " (versions 0 to " + std::to_string(state.latest().version) + ")")
        .concerning("version");
  }
  const LoaVersion& doc = recorded->document;
  const std::string label = document_label(doc.kind, doc.version);
  if (doc.kind != DocumentKind::amendment) {
    return Error::invalid(label + " of " + case_id + " is not an amendment: " +
                          (doc.kind == DocumentKind::basic
                               ? "the Basic LOA's acceptance is the case's step to accepted"
                               : "a modification is the seller's act and is never signed"))
        .concerning("version");
  }
  if (doc.acceptance_date) {
    return Error::conflict(label + " of " + case_id + " is already signed, on " +
                           doc.acceptance_date->to_string());
  }
  if (date < doc.offer_date) {
    return Error::invalid("cannot sign " + label + " of " + case_id + " on " + date.to_string() +
                          ": before it was offered on " + doc.offer_date.to_string());
  }
  if (doc.offer_expiration_date && date > *doc.offer_expiration_date) {
    return Error::invalid("cannot sign " + label + " of " + case_id + " on " + date.to_string() +
                          ": its offer expired on " + doc.offer_expiration_date->to_string() +
                          " unsigned; the seller must re-offer it with a new OED");
  }
  if (date > clock_.today()) {
    return Error::invalid("date " + date.to_string() + " is in the future (today is " +
                          clock_.today().to_string() + ")");
  }
  return commit(state, store::NewEvent{clock_.timestamp(), scope.actor(), case_id,
                                       std::string(kAmendmentSigned), 1,
                                       encode(AmendmentSigned{version, date, reason})});
}

Result<CaseState> CaseLedger::load_case(const std::string& case_id_text, const Scope& scope,
                                        const AsOf& as_of) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::read));
  FMS_ASSIGN_OR_RETURN(CaseState state, case_state(case_id, as_of));
  apply_lapsed_offer(state, as_of.business_date.value_or(clock_.today()));
  return state;
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
  // An offered case may have lapsed since it was recorded (lapsed_offer), so a filter on either
  // status reads both and filters after the lapses are derived.
  std::optional<std::string> wanted = filter.status;
  if (wanted) {
    FMS_ASSIGN_OR_RETURN(CaseStatus status, case_status_from_string(*wanted));
    wanted = std::string(to_string(status));
  }
  const bool offers = wanted && (*wanted == to_string(CaseStatus::offered) ||
                                 *wanted == to_string(CaseStatus::expired));
  store::CaseFilter query = filter;
  if (offers) query.status.reset();
  FMS_ASSIGN_OR_RETURN(std::vector<store::CaseSummaryRow> rows, store_.list_cases(query));
  std::erase_if(rows,
                [&](const store::CaseSummaryRow& row) { return !scope.may_read(row.case_id); });
  for (store::CaseSummaryRow& row : rows) {
    if (row.status == "expired") row.status = to_string(CaseStatus::expired);  // an older name
    if (row.status != to_string(CaseStatus::offered)) continue;
    FMS_ASSIGN_OR_RETURN(CaseState state, case_state(row.case_id, {}));
    if (std::optional<StatusChange> lapse = lapsed_offer(state, clock_.today())) {
      row.status = std::string(to_string(lapse->to));
      row.status_date = lapse->date.to_string();
    }
  }
  if (wanted) {
    std::erase_if(rows, [&](const store::CaseSummaryRow& row) { return row.status != *wanted; });
  }
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
