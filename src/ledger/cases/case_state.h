// The state of one case, as folded from its events: the documents recorded (Basic LOA,
// Amendments, Modifications), its lifecycle status and the history of status changes.
// `apply` is the only way state changes, for live commands and for replay alike, so a replay
// of the log from empty reproduces exactly what the commands produced.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/case_status.h"
#include "core/loa.h"
#include "core/reference_data.h"
#include "ledger/cases/case_events.h"
#include "store/store.h"

namespace fms::ledger {

struct RecordedDocument {
  LoaVersion document;
  std::string sha256;  // of the canonical document text: identifies the content
  std::string source;  // file name it was imported from
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
};

struct StatusChange {
  std::optional<CaseStatus> from;  // empty for the status a case starts in
  CaseStatus to = CaseStatus::offered;
  CivilDate date;
  std::string reason;
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
  std::optional<GuardOverride> override_taken;  // the step was taken although something lacked
};

struct CaseState {
  std::string case_id;
  std::vector<RecordedDocument> documents;  // in version order
  CaseStatus status = CaseStatus::offered;
  CivilDate status_date;
  std::vector<StatusChange> history;
  std::int64_t last_sequence = 0;

  // The document in force: the latest one save amendments not signed yet (an amendment takes
  // effect on acceptance; a modification, the seller's act, on recording).
  [[nodiscard]] const LoaVersion& current() const;
  // The latest document recorded, signed or not: the one a new version follows.
  [[nodiscard]] const LoaVersion& latest() const { return documents.back().document; }
  // The latest document with an offer expiration date: the offer a status of the offer concerns.
  [[nodiscard]] const LoaVersion* latest_offer() const;
  [[nodiscard]] const RecordedDocument* find_version(int version) const;
};

// Which part of the record to fold: all of it, what was in force on a business date
// (documents by offer date for the Basic LOA and effective date otherwise, status changes by
// their date), and/or what had been recorded by a moment in time.
struct AsOf {
  std::optional<CivilDate> business_date;
  std::optional<std::string> recorded_at_most;  // inclusive, "2026-11-25T16:20:24.000000Z"
};

// One stored event with its payload decoded, so that filtering (as-of) and folding share a
// single decode.
struct DecodedEvent {
  const store::EventRecord* record = nullptr;  // the stored event; outlives the DecodedEvent
  std::variant<DocumentRecorded, StatusChanged, AmendmentSigned> payload;
};

// Decodes an event; an event that cannot be decoded is corruption of the log.
Result<DecodedEvent> decode(const store::EventRecord& event, const ReferenceData& reference);
// Whether an event falls inside `as_of`.
bool within(const DecodedEvent& event, const AsOf& as_of);
// Folds one event into the state; an event that does not fit is corruption of the log.
Status apply(CaseState& state, DecodedEvent event);
// decode + apply, for folding a whole log.
Status apply(CaseState& state, const store::EventRecord& event, const ReferenceData& reference);

store::CaseProjection project(const CaseState& state);

// An offer not accepted by its offer expiration date lapses: a case still "offered" on `date`
// after its OED is offer-expired from the day after, whether or not anyone recorded it. The
// change that `date` implies, if any (sequence 0: derived, not recorded).
std::optional<StatusChange> lapsed_offer(const CaseState& state, const CivilDate& date);
// The state with that change applied, for what is shown and checked.
void apply_lapsed_offer(CaseState& state, const CivilDate& date);

// Folds every case's events out of a whole log (portfolio-level events, case id "", and the
// "@access" and "@audit" streams are skipped): the state of every case within `as_of` (by default
// the current state, as recorded), by case id. With a business date, an offer lapsed by then is
// shown lapsed (apply_lapsed_offer). A case none of whose events falls within `as_of` is left out.
Result<std::map<std::string, CaseState>> fold_cases(const std::vector<store::EventRecord>& events,
                                                    const ReferenceData& reference,
                                                    const AsOf& as_of = {});

}  // namespace fms::ledger
