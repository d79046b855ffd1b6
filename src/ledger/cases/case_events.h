// The event types of the case ledger and their payloads. Every type carries a version number
// so that old events stay readable after a payload changes shape: decoders switch on it.
//
//   case.document_recorded v1  {"source", "document_sha256", "document": <canonical LOA JSON>}
//   case.status_changed    v1  {"from", "to", "date", "reason"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/case_status.h"
#include "core/civil_date.h"
#include "core/loa.h"
#include "core/reference_data.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kDocumentRecorded = "case.document_recorded";
inline constexpr std::string_view kStatusChanged = "case.status_changed";
inline constexpr std::string_view kAmendmentSigned = "case.amendment_signed";

struct DocumentRecorded {
  std::string source;
  std::string document_sha256;
  LoaVersion document;
};

// A lifecycle step taken although something it requires is missing (core/lifecycle_guard.h):
// what was missing when it was taken, and why the user took it anyway.
struct GuardOverride {
  std::string reason;
  std::vector<std::string> missing;
  friend bool operator==(const GuardOverride&, const GuardOverride&) = default;
};

struct StatusChanged {
  CaseStatus from = CaseStatus::offered;
  CaseStatus to = CaseStatus::offered;
  CivilDate date;
  std::string reason;
  std::optional<GuardOverride> override_taken;  // encoded only when present
};

// The purchaser's signature of an Amendment imported unsigned: from its date the amendment is
// the document in force (an amendment takes effect on acceptance, SAMM C6.7).
struct AmendmentSigned {
  int version = 0;
  CivilDate date;
  std::string reason;
};

std::string encode(const DocumentRecorded& payload);  // type_version 1
std::string encode(const StatusChanged& payload);     // type_version 1
std::string encode(const AmendmentSigned& payload);   // type_version 1

Result<DocumentRecorded> decode_document_recorded(const store::EventRecord& event,
                                                  const ReferenceData& reference);
Result<StatusChanged> decode_status_changed(const store::EventRecord& event);
Result<AmendmentSigned> decode_amendment_signed(const store::EventRecord& event);

}  // namespace fms::ledger
