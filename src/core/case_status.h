// The lifecycle of an FMS case from the purchaser's side, as a state machine
// (domain reference section 1.2):
//   pre-offer : lor-received -> [pa-issued] -> in-development -> [cn-pending] -> offered
//   offer     : offered -> accepted | expired | restated | withdrawn; restated -> offered;
//               expired -> cancelled | offered (reactivation)
//   start     : accepted -> implemented
//   execution : implemented -> supply-services-complete -> closure-submitted;
//               implemented -> suspended -> implemented | cancelled;
//               implemented -> cancellation-requested -> closure-submitted
//   closure   : closure-submitted -> closed-interim (ACCP) -> closed; closure-submitted -> closed
//               closed-interim | closed -> reopened -> implemented
// Illegal transitions are refused with the list of legal ones.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace fms {

enum class CaseStatus {
  lor_received,
  pa_issued,
  in_development,
  cn_pending,
  offered,
  restated,
  expired,
  withdrawn,
  accepted,
  implemented,
  suspended,
  cancellation_requested,
  cancelled,
  supply_services_complete,
  closure_submitted,
  closed_interim,
  closed,
  reopened,
};

std::span<const CaseStatus> all_case_statuses();
std::string_view to_string(CaseStatus status);  // "supply-services-complete"
Result<CaseStatus> case_status_from_string(std::string_view text);

// The states reachable in one step from `from`, in a fixed order.
std::vector<CaseStatus> legal_next_statuses(CaseStatus from);
// Ok, or an error such as: "cannot go from offered to implemented; from offered the case may go
// to: accepted, expired, restated, withdrawn".
Status check_transition(CaseStatus from, CaseStatus to);

}  // namespace fms
