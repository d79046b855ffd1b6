// How the LOA rules (loa_rules.cc for one version, loa_successor.cc for a version and the one
// before it) point into a document and name its rates and dates in their messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/loa.h"
#include "core/rate.h"

namespace fms::loa_rule_text {

inline std::string line_pointer(std::size_t index, std::string_view field) {
  return "/lines/" + std::to_string(index) + "/" + std::string(field);
}

// 320 -> "3.20%"
inline std::string format_rate(std::int64_t basis_points) {
  return format_basis_points(basis_points) + "%";
}

// The date the admin surcharge rate of a newly accepted line is taken for: the acceptance
// date when the document is signed, otherwise its offer date.
inline CivilDate surcharge_date(const LoaVersion& version) {
  return version.acceptance_date.value_or(version.offer_date);
}

inline std::string surcharge_date_name(const LoaVersion& version) {
  return version.acceptance_date ? "acceptance date" : "offer date";
}

}  // namespace fms::loa_rule_text
