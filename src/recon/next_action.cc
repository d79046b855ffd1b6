// SDR action texts.
#include "recon/next_action.h"

#include "recon/amounts.h"

namespace fms::recon {

std::string_view sdr_code_text(SdrCode code) {
  switch (code) {
    case SdrCode::s3_non_receipt:
      return "S3 non-receipt";
    case SdrCode::s1_shortage:
      return "S1 shortage";
    case SdrCode::overage:
      return "overage";
    case SdrCode::c_condition:
      return "C condition";
  }
  return "unknown";
}

NextAction sdr_action(SdrCode code, std::int32_t deadline, std::int64_t usd_cents,
                      const Rules& rules, std::int32_t as_of) {
  const CivilDate due = CivilDate::from_serial(deadline);
  if (deadline < as_of) {
    return {"SDR deadline " + due.to_string() + " passed; raise with the implementing agency", due};
  }
  std::string text = "file SDR (";
  text += sdr_code_text(code);
  text += ") by ";
  text += due.to_string();
  if (usd_cents < rules.sdr_minimum_cents) {
    text += " for information (below USD " + format_usd(rules.sdr_minimum_cents) + ")";
  }
  return {std::move(text), due};
}

NextAction advice(std::string text) {
  return {std::move(text), std::nullopt};
}

}  // namespace fms::recon
