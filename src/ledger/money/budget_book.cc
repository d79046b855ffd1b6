// Budget document events (see budget_book.h).
#include "ledger/money/budget_book.h"

#include "io/budget_json.h"
#include "ledger/log/payload_reader.h"
#include "store/event_hash.h"

namespace fms::ledger {

std::string encode_budget_recorded(const std::string& organisation, const std::string& source,
                                   const std::string& content_hash,
                                   const BudgetDocument& document) {
  nlohmann::ordered_json payload;
  if (!organisation.empty()) payload["organisation"] = organisation;
  payload["source"] = source;
  payload["content_hash"] = content_hash;
  payload["effective_date"] = document.effective_date.to_string();
  payload["document"] = io::to_json(document);
  return payload.dump();
}

Result<RecordedBudget> decode_budget_recorded(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(const PayloadReader reader, PayloadReader::open(event, 1, 2));
  RecordedBudget out;
  if (event.type_version == 2) {
    FMS_ASSIGN_OR_RETURN(out.organisation, reader.text("organisation"));
    if (out.organisation.empty()) return reader.corrupt("an organisation's book names none");
  }
  FMS_ASSIGN_OR_RETURN(out.source, reader.text("source"));
  FMS_ASSIGN_OR_RETURN(out.content_hash, reader.text("content_hash"));
  FMS_ASSIGN_OR_RETURN(out.effective_date, reader.date("effective_date"));
  const nlohmann::json payload = nlohmann::json::parse(event.payload, nullptr, false);
  if (payload.is_discarded() || !payload.contains("document") || !payload["document"].is_object()) {
    return reader.corrupt("\"document\" is missing or not an object");
  }
  out.document = payload["document"];
  out.sequence = event.sequence;
  out.recorded_at = event.recorded_at;
  out.actor = event.actor;
  return out;
}

const RecordedBudget* budget_in_force(const std::vector<RecordedBudget>& budgets,
                                      const CivilDate& date,
                                      const std::function<bool(const RecordedBudget&)>& owned) {
  const RecordedBudget* found = nullptr;
  for (const RecordedBudget& budget : budgets) {
    if (date < budget.effective_date) continue;
    if (owned && !owned(budget)) continue;
    if (found == nullptr || !(budget.effective_date < found->effective_date)) found = &budget;
  }
  return found;
}

}  // namespace fms::ledger
