// The "next action" of a discrepancy: what the purchaser should do, and by when.
//
// Supply Discrepancy Reports (SF 364) must reach the implementing agency within
// Rules::sdr_submission_days of shipment; claims worth less than Rules::sdr_minimum_cents are
// not compensated but should still be filed "for information" so the trend is on record. Once
// the deadline has passed, an SDR would be refused as late, so the advice changes to raising the
// matter with the implementing agency directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "recon/recon.h"

namespace fms::recon {

struct NextAction {
  std::string text;
  std::optional<CivilDate> due;
};

// The SF 364 discrepancy codes reconciliation proposes.
enum class SdrCode : std::uint8_t { s3_non_receipt, s1_shortage, overage, c_condition };
std::string_view sdr_code_text(SdrCode code);  // "S3 non-receipt", "S1 shortage", ...

// "file SDR (S1 shortage) by 2025-07-01" [+ " for information (below USD 200.00)"], or, once the
// deadline is before as_of, "SDR deadline 2025-07-01 passed; raise with the implementing
// agency". Due on the deadline either way.
NextAction sdr_action(SdrCode code, std::int32_t deadline, std::int64_t usd_cents,
                      const Rules& rules, std::int32_t as_of);

// An action with no due date.
NextAction advice(std::string text);

}  // namespace fms::recon
