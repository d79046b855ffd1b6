// The portfolio-level stream of the log (case id ""): execution documents and reconciliation
// runs, SDRs, exchange rates and budget documents. Each subject folds the event types that are
// its own and passes over the others; every subject appends with the stream's last sequence as
// its optimistic expectation, so two writers on the stream never both act on a stale fold.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace fms::ledger {

// Every event of the portfolio-level stream, in sequence order.
Result<std::vector<store::EventRecord>> read_portfolio_stream(store::Store& store);

// The stream's subjects, by the prefix of their event types: execution documents and
// reconciliation runs, SDRs, rates, budgets. A fold passes over another subject's events; a
// type that no subject claims is corruption, whichever fold meets it.
inline constexpr std::array<std::string_view, 5> kPortfolioEventPrefixes = {
    "execution.", "recon.", "sdr.", "rates.", "budget."};

// An error naming an event of a type its subject does not know (`known` false), or of a
// subject the stream does not have; otherwise Ok.
Status check_portfolio_event_type(const store::EventRecord& event, bool known = true);

// Whether an event belongs to the portfolio-level stream (not a case's, nor "@access"/"@audit").
[[nodiscard]] inline bool in_portfolio_stream(const store::EventRecord& event) {
  return event.case_id.empty();
}

}  // namespace fms::ledger
