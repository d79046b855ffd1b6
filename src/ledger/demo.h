// The demo portfolio: examples/demo.json lists steps (import a case document, change a case's
// status) that build a realistic portfolio of Japan FMS cases. The files are compiled into the
// binary (demo_files.h), so `fmsledger demo` works from any directory.
#pragma once

#include <string>

#include "ledger/ledger.h"

namespace fms::ledger {

struct DemoReport {
  int documents = 0;
  int transitions = 0;
};

// Plays the demo script into an empty database; refuses a database that already has events.
Result<DemoReport> load_demo(Ledger& ledger, store::Store& store, const std::string& actor);

}  // namespace fms::ledger
