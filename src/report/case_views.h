// Views of cases for people (text tables) and for programs (JSON): the portfolio list, one
// case in full, the line-level difference between two versions, the event history, the 36(b)
// notification check and the verify result. Builders take ledger state and return text or
// JSON; they do no I/O.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loa_rules.h"
#include "core/notification.h"
#include "core/reference_data.h"
#include "ledger/cases/case_state.h"
#include "store/store.h"

namespace fms::report {

using Json = nlohmann::ordered_json;

std::string case_list_text(const std::vector<store::CaseSummaryRow>& rows);
Json case_list_json(const std::vector<store::CaseSummaryRow>& rows);

// `version` selects a document of the case; the state is as folded (possibly as of a date).
std::string case_text(const ledger::CaseState& state, const LoaVersion& version,
                      const ReferenceData& reference);
Json case_json(const ledger::CaseState& state, const LoaVersion& version);

// The payment schedule as dated rows: the initial deposit (due at acceptance, or the offer
// date while unsigned) and the installments, each with its US and Japanese fiscal quarter.
struct ScheduleRow {
  CivilDate due;
  std::string what;  // "initial deposit" or "installment"
  Money amount;
};
// The deposit is the case's: due when the Basic LOA was accepted (`deposit_due`).
std::vector<ScheduleRow> schedule_rows(const LoaVersion& version, const CivilDate& deposit_due);
// When the case's initial deposit fell due: Basic LOA acceptance, or its offer while unsigned.
CivilDate initial_deposit_due(const ledger::CaseState& state);

std::string diff_text(const std::string& case_id, const LoaVersion& from, const LoaVersion& to,
                      const std::vector<LineDifference>& differences);
Json diff_json(const std::string& case_id, const LoaVersion& from, const LoaVersion& to,
               const std::vector<LineDifference>& differences);

std::string history_text(const std::vector<store::EventRecord>& events);
Json history_json(const std::vector<store::EventRecord>& events);

std::string notification_text(const std::string& case_id, const LoaVersion& version,
                              const NotificationCheck& check);
Json notification_json(const std::string& case_id, const LoaVersion& version,
                       const NotificationCheck& check);

}  // namespace fms::report
