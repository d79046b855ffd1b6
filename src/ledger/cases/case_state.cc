// Folding events into case state, and the projection rows derived from a state.
#include "ledger/cases/case_state.h"

#include <algorithm>

#include "store/event_hash.h"

namespace fms::ledger {

const RecordedDocument* CaseState::find_version(int version) const {
  for (const auto& recorded : documents) {
    if (recorded.document.version == version) return &recorded;
  }
  return nullptr;
}

const LoaVersion& CaseState::current() const {
  for (auto it = documents.rbegin(); it != documents.rend(); ++it) {
    const LoaVersion& doc = it->document;
    if (doc.kind != DocumentKind::amendment || doc.acceptance_date) return doc;
  }
  return documents.back().document;  // unreachable: the Basic LOA is always in force
}

const LoaVersion* CaseState::latest_offer() const {
  const LoaVersion* offer = nullptr;
  for (const auto& recorded : documents) {
    if (recorded.document.offer_expiration_date) offer = &recorded.document;
  }
  return offer;
}

Result<DecodedEvent> decode(const store::EventRecord& event, const ReferenceData& reference) {
  if (event.type == kDocumentRecorded) {
    FMS_ASSIGN_OR_RETURN(DocumentRecorded payload, decode_document_recorded(event, reference));
    return DecodedEvent{&event, std::move(payload)};
  }
  if (event.type == kStatusChanged) {
    FMS_ASSIGN_OR_RETURN(StatusChanged payload, decode_status_changed(event));
    return DecodedEvent{&event, std::move(payload)};
  }
  if (event.type == kAmendmentSigned) {
    FMS_ASSIGN_OR_RETURN(AmendmentSigned payload, decode_amendment_signed(event));
    return DecodedEvent{&event, payload};
  }
  return Error::corruption(store::describe_event(event) + ": unknown event type");
}

bool within(const DecodedEvent& decoded, const AsOf& as_of) {
  if (as_of.recorded_at_most && decoded.record->recorded_at > *as_of.recorded_at_most) return false;
  if (!as_of.business_date) return true;
  if (const auto* recorded = std::get_if<DocumentRecorded>(&decoded.payload)) {
    const LoaVersion& doc = recorded->document;
    const CivilDate& in_force =
        doc.kind == DocumentKind::basic ? doc.offer_date : doc.effective_date;
    return in_force <= *as_of.business_date;
  }
  if (const auto* signature = std::get_if<AmendmentSigned>(&decoded.payload)) {
    return signature->date <= *as_of.business_date;
  }
  return std::get<StatusChanged>(decoded.payload).date <= *as_of.business_date;
}

namespace {

Status apply_signature(CaseState& state, const store::EventRecord& event,
                       const AmendmentSigned& signature) {
  for (auto& recorded : state.documents) {
    LoaVersion& doc = recorded.document;
    if (doc.version != signature.version) continue;
    if (doc.kind != DocumentKind::amendment || doc.acceptance_date) break;
    doc.acceptance_date = signature.date;
    doc.effective_date = signature.date;
    return Status::Ok();
  }
  return Error::corruption(store::describe_event(event) + ": signs version " +
                           std::to_string(signature.version) +
                           ", which is not an unsigned amendment of the case");
}

}  // namespace

Status apply(CaseState& state, DecodedEvent decoded) {
  const store::EventRecord& event = *decoded.record;
  if (auto* recorded = std::get_if<DocumentRecorded>(&decoded.payload)) {
    const int expected = state.documents.empty() ? 0 : state.latest().version + 1;
    if (recorded->document.version != expected) {
      return Error::corruption(store::describe_event(event) + ": records version " +
                               std::to_string(recorded->document.version) + " where version " +
                               std::to_string(expected) + " was due");
    }
    if (state.documents.empty()) {
      state.case_id = event.case_id;
      state.status = CaseStatus::offered;
      state.status_date = recorded->document.offer_date;
      state.history.push_back(StatusChange{
          std::nullopt, CaseStatus::offered, recorded->document.offer_date, "Basic LOA offered",
          event.sequence, event.recorded_at, event.actor, std::nullopt});
    }
    state.documents.push_back(RecordedDocument{
        std::move(recorded->document), std::move(recorded->document_sha256),
        std::move(recorded->source), event.sequence, event.recorded_at, event.actor});
  } else if (const auto* signature = std::get_if<AmendmentSigned>(&decoded.payload)) {
    FMS_TRY(apply_signature(state, event, *signature));
  } else {
    auto& change = std::get<StatusChanged>(decoded.payload);
    if (state.documents.empty() || change.from != state.status) {
      return Error::corruption(store::describe_event(event) + ": changes status from " +
                               std::string(to_string(change.from)) +
                               " but the case is not in that status");
    }
    state.status = change.to;
    state.status_date = change.date;
    state.history.push_back(
        StatusChange{change.from, change.to, change.date, std::move(change.reason), event.sequence,
                     event.recorded_at, event.actor, std::move(change.override_taken)});
  }
  state.last_sequence = event.sequence;
  return Status::Ok();
}

Status apply(CaseState& state, const store::EventRecord& event, const ReferenceData& reference) {
  FMS_ASSIGN_OR_RETURN(DecodedEvent decoded, decode(event, reference));
  return apply(state, std::move(decoded));
}

store::CaseProjection project(const CaseState& state) {
  const LoaVersion& doc = state.current();
  store::CaseProjection projection;
  store::CaseSummaryRow& s = projection.summary;
  s.case_id = state.case_id;
  s.customer = doc.case_id.customer();
  s.implementing_agency = doc.case_id.implementing_agency();
  s.title = doc.title;
  s.purchaser = doc.purchaser;
  s.status = std::string(to_string(state.status));
  s.status_date = state.status_date.to_string();
  s.latest_version = doc.version;
  s.latest_document = document_label(doc.kind, doc.version);
  s.currency = std::string(doc.currency.code());
  s.total_minor = doc.cost_summary.total.minor_units();
  s.line_count = static_cast<int>(doc.lines.size());
  s.last_sequence = state.last_sequence;
  for (const LoaLine& line : doc.lines) {
    projection.lines.push_back(store::CaseLineRow{
        state.case_id, line.number, line.description, line.quantity, line.unit_of_issue,
        line.total.minor_units(), line.major_defense_equipment});
  }
  std::sort(projection.lines.begin(), projection.lines.end(),
            [](const auto& a, const auto& b) { return a.line_number < b.line_number; });
  return projection;
}

std::optional<StatusChange> lapsed_offer(const CaseState& state, const CivilDate& date) {
  if (state.documents.empty() || state.status != CaseStatus::offered) return std::nullopt;
  const LoaVersion* offer = state.latest_offer();
  if (offer == nullptr || !(*offer->offer_expiration_date < date)) return std::nullopt;
  const CivilDate lapsed = offer->offer_expiration_date->plus_days(1);
  if (lapsed < state.status_date) return std::nullopt;  // re-offered after the OED
  return StatusChange{CaseStatus::offered,
                      CaseStatus::expired,
                      lapsed,
                      "the offer expiration date " + offer->offer_expiration_date->to_string() +
                          " of " + document_label(offer->kind, offer->version) +
                          " passed without acceptance",
                      0,
                      {},
                      {},
                      std::nullopt};
}

void apply_lapsed_offer(CaseState& state, const CivilDate& date) {
  std::optional<StatusChange> lapsed = lapsed_offer(state, date);
  if (!lapsed) return;
  state.status = lapsed->to;
  state.status_date = lapsed->date;
  state.history.push_back(std::move(*lapsed));
}

Result<std::map<std::string, CaseState>> fold_cases(const std::vector<store::EventRecord>& events,
                                                    const ReferenceData& reference,
                                                    const AsOf& as_of) {
  std::map<std::string, CaseState> states;
  for (const auto& event : events) {
    // Portfolio events ("") and the access and audit streams ("@...") are not about a case.
    if (!store::is_case_stream(event.case_id)) continue;
    FMS_ASSIGN_OR_RETURN(DecodedEvent decoded, decode(event, reference));
    if (!within(decoded, as_of)) continue;
    FMS_TRY(apply(states[event.case_id], std::move(decoded)));
  }
  if (as_of.business_date) {
    for (auto& [case_id, state] : states) apply_lapsed_offer(state, *as_of.business_date);
  }
  return states;
}

}  // namespace fms::ledger
