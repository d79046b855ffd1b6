// The event types of the case ledger and their payloads. Every type carries a version number
// so that old events stay readable after a payload changes shape: decoders switch on it.
//
//   case.document_recorded v1  {"source", "document_sha256", "document": <canonical LOA JSON>}
//   case.status_changed    v1  {"from", "to", "date", "reason"}
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "core/case_status.h"
#include "core/civil_date.h"
#include "core/loa.h"
#include "core/reference_data.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kDocumentRecorded = "case.document_recorded";
inline constexpr std::string_view kStatusChanged = "case.status_changed";

struct DocumentRecorded {
  std::string source;
  std::string document_sha256;
  LoaVersion document;
};

struct StatusChanged {
  CaseStatus from = CaseStatus::offered;
  CaseStatus to = CaseStatus::offered;
  CivilDate date;
  std::string reason;
};

std::string encode(const DocumentRecorded& payload);  // type_version 1
std::string encode(const StatusChanged& payload);     // type_version 1

Result<DocumentRecorded> decode_document_recorded(const store::EventRecord& event,
                                                  const ReferenceData& reference);
Result<StatusChanged> decode_status_changed(const store::EventRecord& event);

}  // namespace fms::ledger
