// An SDR as it stood on an earlier date.
//
// Reports take a date (`--as-of`) and must show each Supply Discrepancy Report as the purchaser
// knew it at the end of that day: an SDR created later did not exist yet, an answer dated later
// had not come in (so its credit does not count), and an SDR closed later was still open. The
// dates that decide are the business dates each step carries — the creation date, and the date
// of each submission, answer, reconsideration, contest and closure — not when the step was
// keyed in: an answer dated 2 March and recorded on 20 March counts from 2 March.
//
// The folded register already keeps every step of an SDR in date order (a step dated before
// the previous one is refused as corruption), so the SDR on a date is its creation followed by
// the steps dated on or before that date, each applied the same way folding applies it
// (`advance`). Pure: no I/O, no clock.
#pragma once

#include <optional>

#include "core/civil_date.h"
#include "ledger/sdr/sdr_register.h"

namespace fms::ledger {

// `recorded` as it stood at the end of `date`; nothing if it was created after `date`.
std::optional<Sdr> sdr_as_of(const Sdr& recorded, const CivilDate& date);

}  // namespace fms::ledger
