// Replaying an SDR's recorded steps up to a date (see sdr_as_of.h for why business dates).
#include "ledger/sdr/sdr_as_of.h"

#include <iterator>

namespace fms::ledger {

std::optional<Sdr> sdr_as_of(const Sdr& recorded, const CivilDate& date) {
  if (recorded.history.empty() || date < recorded.created.date) return std::nullopt;
  Sdr then;
  then.created = recorded.created;
  then.number = recorded.created.number;
  then.history.push_back(recorded.history.front());
  for (auto step = std::next(recorded.history.begin()); step != recorded.history.end(); ++step) {
    // Steps are in date order (folding refuses one dated before its predecessor), so every
    // step from here on is later than `date` too.
    if (date < step->date) break;
    advance(then, *step);
  }
  return then;
}

}  // namespace fms::ledger
