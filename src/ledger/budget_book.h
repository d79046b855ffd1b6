// Budget documents in the log, and which one is in force on a date.
//
//   budget.document_recorded v1  {"source", "content_hash", "effective_date",
//                                 "document": <canonical fmsledger.budget/1 JSON>}
//
// Like execution documents these are portfolio-level events (case id ""). A budget document
// restates the whole book; the book in force on a date is the recorded document with the latest
// effective date on or before it (the later recorded one when two share a date). The fold keeps
// the canonical JSON and the ledger decodes it against the reference data when it is used, so
// folding needs no reference data.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/budget.h"
#include "core/civil_date.h"
#include "core/result.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kBudgetDocumentRecorded = "budget.document_recorded";

struct RecordedBudget {
  std::string source;
  std::string content_hash;  // SHA-256 of the canonical JSON: the document id
  CivilDate effective_date;
  nlohmann::json document;  // canonical JSON
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
};

std::string encode_budget_recorded(const std::string& source, const std::string& content_hash,
                                   const BudgetDocument& document);
Result<RecordedBudget> decode_budget_recorded(const store::EventRecord& event);

// The budget in force on `date` among `budgets` (in recorded order), or nullptr.
const RecordedBudget* budget_in_force(const std::vector<RecordedBudget>& budgets,
                                      const CivilDate& date);

}  // namespace fms::ledger
