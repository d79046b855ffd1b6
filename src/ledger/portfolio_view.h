// What the portfolio reports read on one date: the reconciliation view (cases, execution
// documents, matches) and the SDRs raised against its discrepancies.
#pragma once

#include "ledger/execution/reconciliation_view.h"
#include "ledger/sdr/sdr_register.h"

namespace fms::ledger {

struct PortfolioView : ReconciliationView {
  SdrRegister sdrs;  // as recorded: every SDR step, whatever its date

  // Every SDR as it stood on `as_of`: what reports show and count. Commands that write SDRs
  // check against the register as recorded instead.
  [[nodiscard]] SdrRegister sdrs_as_of() const { return sdrs.as_of(as_of); }
};

}  // namespace fms::ledger
