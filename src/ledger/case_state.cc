// Folding events into case state, and the projection rows derived from a state.
#include "ledger/case_state.h"

#include <algorithm>

#include "ledger/events.h"
#include "store/event_hash.h"

namespace fms::ledger {

const RecordedDocument* CaseState::find_version(int version) const {
  for (const auto& recorded : documents) {
    if (recorded.document.version == version) return &recorded;
  }
  return nullptr;
}

Status apply(CaseState& state, const store::EventRecord& event, const ReferenceData& reference) {
  if (event.type == kDocumentRecorded) {
    FMS_ASSIGN_OR_RETURN(DocumentRecorded payload, decode_document_recorded(event, reference));
    const int expected = state.documents.empty() ? 0 : state.current().version + 1;
    if (payload.document.version != expected) {
      return Error::corruption(store::describe_event(event) + ": records version " +
                               std::to_string(payload.document.version) + " where version " +
                               std::to_string(expected) + " was due");
    }
    if (state.documents.empty()) {
      state.case_id = event.case_id;
      state.status = CaseStatus::offered;
      state.status_date = payload.document.offer_date;
      state.history.push_back(StatusChange{std::nullopt, CaseStatus::offered,
                                           payload.document.offer_date,
                                           "Basic LOA offered", event.sequence,
                                           event.recorded_at, event.actor});
    }
    state.documents.push_back(RecordedDocument{std::move(payload.document),
                                               std::move(payload.document_sha256),
                                               std::move(payload.source), event.sequence,
                                               event.recorded_at, event.actor});
  } else if (event.type == kStatusChanged) {
    FMS_ASSIGN_OR_RETURN(StatusChanged payload, decode_status_changed(event));
    if (state.documents.empty() || payload.from != state.status) {
      return Error::corruption(store::describe_event(event) + ": changes status from " +
                               std::string(to_string(payload.from)) +
                               " but the case is not in that status");
    }
    state.status = payload.to;
    state.status_date = payload.date;
    state.history.push_back(StatusChange{payload.from, payload.to, payload.date,
                                         std::move(payload.reason), event.sequence,
                                         event.recorded_at, event.actor});
  } else {
    return Error::corruption(store::describe_event(event) + ": unknown event type");
  }
  state.last_sequence = event.sequence;
  return Status::Ok();
}

Result<bool> within(const store::EventRecord& event, const AsOf& as_of,
                    const ReferenceData& reference) {
  if (as_of.recorded_at_most && event.recorded_at > *as_of.recorded_at_most) return false;
  if (!as_of.business_date) return true;
  if (event.type == kDocumentRecorded) {
    FMS_ASSIGN_OR_RETURN(DocumentRecorded payload, decode_document_recorded(event, reference));
    const LoaVersion& doc = payload.document;
    const CivilDate& in_force = doc.kind == DocumentKind::basic ? doc.offer_date : doc.effective_date;
    return in_force <= *as_of.business_date;
  }
  if (event.type == kStatusChanged) {
    FMS_ASSIGN_OR_RETURN(StatusChanged payload, decode_status_changed(event));
    return payload.date <= *as_of.business_date;
  }
  return true;
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
    projection.lines.push_back(store::CaseLineRow{state.case_id, line.number, line.description,
                                                  line.quantity, line.unit_of_issue,
                                                  line.total.minor_units(),
                                                  line.major_defense_equipment});
  }
  std::sort(projection.lines.begin(), projection.lines.end(),
            [](const auto& a, const auto& b) { return a.line_number < b.line_number; });
  return projection;
}

}  // namespace fms::ledger
