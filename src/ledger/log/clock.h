// The ledger's notion of "now", and reading the UTC instants it writes.
//
// Every event carries the moment it was recorded (`recorded_at`, UTC, to the microsecond). The
// clock is injected so tests and scenarios are deterministic (FMSLEDGER_NOW). Instants are also
// compared, for example a token's expiry against now; written with and without fractions of a
// second ("2026-11-25T12:00:00Z" and "2026-11-25T12:00:00.000001Z") their text does not sort in
// time order, so they are compared as numbers (`utc_microseconds`).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/civil_date.h"

namespace fms::ledger {

struct Clock {
  std::function<std::string()> timestamp;  // UTC, "2026-11-25T16:20:24.123456Z"
  std::function<CivilDate()> today;
  static Clock system();
  // A fixed clock ("2026-11-25T12:00:00Z" or "2026-11-25") whose timestamps still increase
  // by one microsecond per call.
  static Result<Clock> fixed(const std::string& iso_timestamp);
};

// "2026-11-25T12:00:00Z" or "2026-11-25T12:00:00.123456Z" (up to six decimals, as the clock
// writes them) -> microseconds since 1970-01-01T00:00:00Z. Anything else is invalid input.
Result<std::int64_t> utc_microseconds(std::string_view text);

}  // namespace fms::ledger
