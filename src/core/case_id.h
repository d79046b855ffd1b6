// CaseId: the FMS case identifier "CC-I-DDD", e.g. JA-P-AMA.
//   CC  = Security Cooperation customer code (JA = Japan), from reference data
//   I   = implementing agency code (P = Department of the Navy), from reference data
//   DDD = 3-character case designator assigned by the implementing agency (A-Z, 0-9)
// Parsing reports which part is wrong and why.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/reference_data.h"

namespace fms {

class CaseId {
 public:
  CaseId() = default;  // empty; only valid once assigned from parse()
  static Result<CaseId> parse(std::string_view text, const ReferenceData& reference);

  [[nodiscard]] const std::string& customer() const { return customer_; }
  [[nodiscard]] const std::string& implementing_agency() const { return agency_; }
  [[nodiscard]] const std::string& designator() const { return designator_; }
  [[nodiscard]] std::string to_string() const;  // "JA-P-AMA"

  friend bool operator==(const CaseId&, const CaseId&) = default;
  friend std::strong_ordering operator<=>(const CaseId& a, const CaseId& b) {
    return a.to_string() <=> b.to_string();
  }

 private:
  CaseId(std::string customer, std::string agency, std::string designator)
      : customer_(std::move(customer)),
        agency_(std::move(agency)),
        designator_(std::move(designator)) {}
  std::string customer_;
  std::string agency_;
  std::string designator_;
};

}  // namespace fms
