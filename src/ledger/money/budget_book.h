// Budget documents in the log, and which one is in force on a date.
//
//   budget.document_recorded v1  {"source", "content_hash", "effective_date",
//                                 "document": <canonical fmsledger.budget/1 JSON>}
//   budget.document_recorded v2  the same and "organisation": whose book it is
//
// A budget book belongs to one organisation (v2): its cases are that organisation's, and only
// that organisation's people read it. A v1 document, or one whose cases no organisation claims,
// belongs to nobody in particular: an organisation reads it only when every case it names is
// that organisation's (MoneyLedger::budget_in_force).
//
// Like execution documents these are portfolio-level events (case id ""). A budget document
// restates the whole book; the book in force on a date is the recorded document with the latest
// effective date on or before it (the later recorded one when two share a date). The fold keeps
// the canonical JSON and the ledger decodes it against the reference data when it is used, so
// folding needs no reference data.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/budget.h"
#include "core/civil_date.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kBudgetDocumentRecorded = "budget.document_recorded";

struct RecordedBudget {
  std::string organisation;  // "": none recorded (v1, or cases no organisation claims)
  std::string source;
  std::string content_hash;  // SHA-256 of the canonical JSON: the document id
  CivilDate effective_date;
  nlohmann::json document;  // canonical JSON
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
};

// The payload, and its type version: 2 with an organisation, 1 without.
std::string encode_budget_recorded(const std::string& organisation, const std::string& source,
                                   const std::string& content_hash, const BudgetDocument& document);
inline int budget_event_version(const std::string& organisation) {
  return organisation.empty() ? 1 : 2;
}
Result<RecordedBudget> decode_budget_recorded(const store::EventRecord& event);

// The budget in force on `date` among the `budgets` (in recorded order) that `owned` admits
// (all without it), or nullptr.
const RecordedBudget* budget_in_force(
    const std::vector<RecordedBudget>& budgets, const CivilDate& date,
    const std::function<bool(const RecordedBudget&)>& owned = nullptr);

}  // namespace fms::ledger
