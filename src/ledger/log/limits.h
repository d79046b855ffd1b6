// Limits every subject of the ledger applies to the free text a command records.
#pragma once

#include <cstddef>

namespace fms::ledger {

// The longest reason (a status change, a supersession, an SDR step, disabling a user).
inline constexpr std::size_t kMaxReasonBytes = 4000;
// The longest source (a file name, as given) recorded with a document.
inline constexpr std::size_t kMaxSourceBytes = 1000;

}  // namespace fms::ledger
