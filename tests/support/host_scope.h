// The scope of the database host's operator, for tests that drive the ledger directly as the
// CLI does (ledger/access/scope.h).
#pragma once

#include <string>

#include "ledger/access/scope.h"

namespace fms::testing {

inline ledger::Scope host_scope(const std::string& actor = "test") {
  return ledger::Scope::host_operator(actor).value();
}

}  // namespace fms::testing
